/**
 * What the questionnaire shows, read from the rule set and the answers so far: which questions of a
 * section are asked, which are still missing, and what an answer change does to later answers.
 * Pure functions over the engine; the statechart (machine.ts) and the forms both use them.
 */
import { memoOn } from './memo';
import { askedQuestions, pruneHiddenAnswers, type Answers, type Asked } from './answers';
import type { AnswerValue } from './program';
import type { Question, RuleSet } from './ruleset';

export type AnswerMap = Record<string, AnswerValue>;

interface View {
  asked: Map<string, Asked>;
  shown: Map<string, Question[]>;
}

/**
 * Which questions each section shows under `answers`, computed in one pass and kept per answers
 * object: the statechart's guards, the form and the progress bar ask about the same answers many
 * times per change, and answers are never mutated (every change makes a new object).
 *
 * A question whose asking is still open ("maybe") is shown once every question before it is
 * answered: then only a "not sure" answer keeps it open, and it is better to ask than to guess.
 * Before that it waits, so a section does not open with questions the next answer may remove.
 */
const views = memoOn((rs: RuleSet) => memoOn((answers: Answers) => computeView(rs, answers)));
const viewOf = (rs: RuleSet, answers: Answers): View => views(rs)(answers);

function computeView(rs: RuleSet, answers: Answers): View {
  const asked = askedQuestions(rs, answers);
  const shown = new Map<string, Question[]>(rs.sections.map((s) => [s.id, []]));
  let blocked = false;
  for (const q of rs.questions) {
    const a = asked.get(q.id);
    if (!(a === 'asked' || (a === 'maybe' && !blocked))) continue;
    shown.get(q.section)!.push(q);
    if (!q.optional && !isAnswered(answers[q.id])) blocked = true;
  }
  return { asked, shown };
}

/** Questions of `sectionId` the user is asked now (see `viewOf`). */
export function visibleQuestions(rs: RuleSet, answers: Answers, sectionId: string): Question[] {
  return viewOf(rs, answers).shown.get(sectionId) ?? [];
}

/** No question of the section can be asked under any settling of the open answers. */
export function sectionNeverAsked(rs: RuleSet, answers: Answers, sectionId: string): boolean {
  const { asked } = viewOf(rs, answers);
  return rs.questions.every((q) => q.section !== sectionId || asked.get(q.id) === 'hidden');
}

export const isAnswered = (v: AnswerValue | null | undefined): boolean =>
  v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '') && !(Array.isArray(v) && v.length === 0);

/** Visible, required questions of the section that have no answer yet. */
export function missingQuestions(rs: RuleSet, answers: Answers, sectionId: string): Question[] {
  return visibleQuestions(rs, answers, sectionId).filter((q) => !q.optional && !isAnswered(answers[q.id]));
}

export const sectionHasQuestions = (rs: RuleSet, answers: Answers, sectionId: string): boolean =>
  visibleQuestions(rs, answers, sectionId).length > 0;

/** Every asked, required question in the whole questionnaire has an answer. */
export function allAnswered(rs: RuleSet, answers: Answers): boolean {
  return rs.sections.every((s) => missingQuestions(rs, answers, s.id).length === 0);
}

/** The first section (in order) with an unanswered required question. */
export function firstIncompleteSection(rs: RuleSet, answers: Answers): string | undefined {
  return rs.sections.find((s) => missingQuestions(rs, answers, s.id).length > 0)?.id;
}

/**
 * Applies changed answers (null or empty clears one), then drops every answer whose question is no
 * longer asked: a hidden answer must never count toward a tier or duty. Returns the ids dropped.
 */
export function applyAnswers(rs: RuleSet, answers: AnswerMap, patch: Readonly<Record<string, AnswerValue | null>>): { answers: AnswerMap; dropped: string[] } {
  const next: AnswerMap = { ...answers };
  for (const [id, v] of Object.entries(patch)) {
    if (!rs.questionById.has(id)) continue;
    if (v === null || !isAnswered(v)) delete next[id];
    else next[id] = v;
  }
  return pruneHiddenAnswers(rs, next);
}
