/**
 * Answering a section from a source of answers, as a user would: question by question in order, so
 * questions that appear because of an earlier answer in the same section are answered too. Used by
 * the statechart tests and the end-to-end tests' expectations; not by the app (test support lives in src/testing).
 */
import { applyAnswers, isAnswered, visibleQuestions, type AnswerMap, type AnswerValue, type Question, type RuleSet } from '../engine';

/** A plausible answer where the source has none: "not sure" where offered, else "none", else the first option. */
export function fallbackAnswer(q: Question): AnswerValue | undefined {
  if (q.optional) return undefined;
  const options = q.options ?? [];
  switch (q.type) {
    case 'yesno':
      return q.notSure ? 'not_sure' : 'no';
    case 'single':
      return (options.find((o) => o.unknown) ?? options[0])?.id;
    case 'multi': {
      const o = options.find((x) => x.exclusive) ?? options.find((x) => x.unknown) ?? options[0];
      return o ? [o.id] : undefined;
    }
    case 'number':
      return q.min ?? 0;
    case 'text':
      return 'n/a';
  }
}

/** The answers after filling every visible question of `sectionId` from `source` (or its fallback). */
export function fillSection(rs: RuleSet, answers: AnswerMap, sectionId: string, source: Readonly<Record<string, unknown>>): Record<string, AnswerValue | null> {
  let current = answers;
  const patch: Record<string, AnswerValue | null> = {};
  for (let i = 0; i < 100; i++) {
    const todo = visibleQuestions(rs, current, sectionId).filter((q) => !(q.id in patch) && !isAnswered(current[q.id]));
    const q = todo[0];
    if (!q) break;
    const v = (source[q.id] as AnswerValue | undefined) ?? fallbackAnswer(q) ?? null;
    patch[q.id] = v;
    current = applyAnswers(rs, current, { [q.id]: v }).answers;
  }
  return patch;
}
