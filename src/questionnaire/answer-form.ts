/**
 * Between form values (what the inputs hold: strings, string lists) and answers (what the engine reads).
 * Also the multi-choice rule the statute-facing options need: "none of these" stands alone.
 */
import type { AnswerValue, Question } from '../engine';
import type { FormValues } from './QuestionField';

export function toFormValue(q: Question, v: AnswerValue | undefined): string | string[] | undefined {
  if (v === undefined) return q.type === 'multi' ? [] : q.type === 'text' || q.type === 'number' ? '' : undefined;
  if (q.type === 'number') return String(v);
  return v as string | string[];
}

export function formValuesOf(questions: readonly Question[], answers: Readonly<Record<string, AnswerValue>>): FormValues {
  return Object.fromEntries(questions.map((q) => [q.id, toFormValue(q, answers[q.id])]));
}

/** The answer a form value stands for; null clears the answer. */
export function toAnswer(q: Question, v: unknown, previous: AnswerValue | undefined): AnswerValue | null {
  switch (q.type) {
    case 'number': {
      if (v === '' || v === undefined || v === null) return null;
      const n = Number(v);
      return Number.isFinite(n) ? n : null;
    }
    case 'text':
      return typeof v === 'string' && v.trim() ? v : null;
    case 'multi': {
      const list = (Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : []) as string[];
      const before = new Set(Array.isArray(previous) ? (previous as string[]) : []);
      const added = list.filter((x) => !before.has(x));
      // Choosing an exclusive option ("none of these") clears the others; choosing another clears it.
      const addedExclusive = added.find((x) => q.exclusiveValues.has(x));
      const next = addedExclusive ? [addedExclusive] : added.length ? list.filter((x) => !q.exclusiveValues.has(x)) : list;
      const ordered = [...new Set(next)].sort((a, b) => (q.optionOrder.get(a) ?? 0) - (q.optionOrder.get(b) ?? 0));
      return ordered.length ? ordered : null;
    }
    default:
      return typeof v === 'string' && v ? v : null;
  }
}
