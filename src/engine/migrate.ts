/**
 * Answers given under an earlier rule set, read under this one (the manifest's `answerChanges`): the
 * changes of questions and options between versions, as data. Pure: answers in, answers and the ids of
 * the questions changed out. Answers to questions this set no longer has are left for the caller to
 * drop and report (they are not an answer change).
 */
import type { AnswerValue } from './program';
import type { RuleSet } from './ruleset';

/** -1, 0 or 1 as semantic version `a` is before, equal to or after `b`. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return Math.sign(d);
  }
  return 0;
}

export function migrateAnswers(
  rs: RuleSet,
  answers: Readonly<Record<string, AnswerValue>>,
  madeUnder: string,
): { answers: Record<string, AnswerValue>; changed: string[] } {
  const out: Record<string, AnswerValue> = { ...answers };
  const changed = new Set<string>();
  for (const c of rs.manifest.answerChanges ?? []) {
    if (compareVersions(madeUnder, c.before) >= 0) continue;
    const v = out[c.question];
    if (v === undefined) continue;
    if (Array.isArray(v)) {
      if (!v.includes(c.value)) continue;
      const rest = v.filter((x) => x !== c.value);
      const none = rs.questionById.get(c.question)?.exclusiveValues;
      if (rest.length) out[c.question] = rest;
      else if (none?.size) out[c.question] = [[...none][0]!];
      else delete out[c.question];
    } else {
      if (v !== c.value) continue;
      delete out[c.question];
    }
    changed.add(c.question);
    for (const [q, nv] of Object.entries(c.becomes ?? {})) {
      if (out[q] !== undefined) continue;
      out[q] = nv;
      changed.add(q);
    }
  }
  return { answers: out, changed: [...changed] };
}
