/**
 * What the questionnaire shows, read from the rule set and the answers so far: which questions of a
 * section are asked, which are still missing, and what an answer change does to later answers.
 * Pure functions over the engine; the statechart (machine.ts) and the forms both use them.
 */
import { askedQuestions, pruneHiddenAnswers, type Answers } from '../engine/answers';
import type { AnswerValue } from '../engine/program';
import type { Question, RuleSet } from '../engine/ruleset';

export type AnswerMap = Record<string, AnswerValue>;

/**
 * Questions of `sectionId` the user is asked now. A question whose asking is still open ("maybe")
 * is shown once every question before it is answered: then only a "not sure" answer keeps it open,
 * and it is better to ask than to guess. Before that it waits, so a section does not open with
 * questions the next answer may remove.
 */
export function visibleQuestions(rs: RuleSet, answers: Answers, sectionId: string): Question[] {
  const asked = askedQuestions(rs, answers);
  const out: Question[] = [];
  let blocked = false;
  for (const q of rs.questions) {
    const a = asked.get(q.id);
    const shown = a === 'asked' || (a === 'maybe' && !blocked);
    if (q.section === sectionId && shown) out.push(q);
    else if (out.length && q.section !== sectionId) break;
    if (shown && !q.optional && !isAnswered(answers[q.id])) blocked = true;
  }
  return out;
}

/** No question of the section can be asked under any settling of the open answers. */
export function sectionNeverAsked(rs: RuleSet, answers: Answers, sectionId: string): boolean {
  const asked = askedQuestions(rs, answers);
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
