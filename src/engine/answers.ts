/**
 * Answers: their types, validation against the questions, and which questions are asked under them.
 * Bad answers become a list of specific errors — never an exception, never a silent guess.
 */
import { firedConflicts, openDisputedAnswers } from './consistency';
import { type AnswerValue, type EvalState, F, type K, optionMask, programOf, T, U } from './program';
import type { Question, RuleSet } from './ruleset';

export type Answers = Readonly<Record<string, AnswerValue | null | undefined>>;

export const ANSWER_ERROR_CODES = [
  'not_an_object',
  'unknown_question',
  'wrong_type',
  'unknown_option',
  'exclusive_option',
  'empty_selection',
  'duplicate_option',
  'too_long',
  'out_of_range',
  'not_asked',
] as const;
export type AnswerErrorCode = (typeof ANSWER_ERROR_CODES)[number];

export interface AnswerError {
  code: AnswerErrorCode;
  /** The question id the error is about (absent for `not_an_object`). */
  question?: string;
  /** Details for the message: the offending value, the expected type or options... */
  params: Record<string, string | number>;
  /** The message in English (localised messages: `formatAnswerError` in report/answer-text.ts). */
  message: string;
}

const DEFAULT_TEXT_MAX = 2000;

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  return typeof v === 'object' ? 'an object' : String(v);
}

function err(code: AnswerErrorCode, q: Question | string | undefined, params: Record<string, string | number>, message: string): AnswerError {
  const question = typeof q === 'string' ? q : q?.id;
  return question === undefined ? { code, params, message } : { code, question, params, message };
}

/** Checks one answer against its question's type and options. Returns the normalised value or errors. */
function checkValue(q: Question, raw: unknown, errors: AnswerError[]): AnswerValue | undefined {
  if (raw === null || raw === undefined) return undefined;
  switch (q.type) {
    case 'text': {
      if (typeof raw !== 'string') {
        errors.push(err('wrong_type', q, { expected: 'text', got: describe(raw) }, `"${q.id}" expects text, got ${describe(raw)}`));
        return undefined;
      }
      const t = raw.trim();
      const max = q.maxLength ?? DEFAULT_TEXT_MAX;
      if (t.length > max) {
        errors.push(err('too_long', q, { max, length: t.length }, `"${q.id}" is ${t.length} characters long; at most ${max} are allowed`));
        return undefined;
      }
      return t === '' ? undefined : t;
    }
    case 'number': {
      if (typeof raw !== 'number' || !Number.isFinite(raw)) {
        errors.push(err('wrong_type', q, { expected: 'number', got: describe(raw) }, `"${q.id}" expects a number, got ${describe(raw)}`));
        return undefined;
      }
      if ((q.min !== undefined && raw < q.min) || (q.max !== undefined && raw > q.max)) {
        errors.push(err('out_of_range', q, { value: raw, min: q.min ?? '-∞', max: q.max ?? '∞' }, `"${q.id}" must be between ${q.min ?? '-∞'} and ${q.max ?? '∞'}, got ${raw}`));
        return undefined;
      }
      return raw;
    }
    case 'yesno':
    case 'single': {
      if (typeof raw !== 'string') {
        const expected = q.type === 'yesno' ? 'yes/no' : 'one option';
        errors.push(err('wrong_type', q, { expected, got: describe(raw) }, `"${q.id}" expects ${expected === 'yes/no' ? `one of ${[...q.allowed].join(', ')}` : 'one option id'}, got ${describe(raw)}`));
        return undefined;
      }
      if (!q.allowed.has(raw)) {
        errors.push(err('unknown_option', q, { value: describe(raw), options: [...q.allowed].join(', ') }, `"${q.id}" has no option ${describe(raw)} (options: ${[...q.allowed].join(', ')})`));
        return undefined;
      }
      return raw;
    }
    case 'multi': {
      if (!Array.isArray(raw)) {
        errors.push(err('wrong_type', q, { expected: 'list', got: describe(raw) }, `"${q.id}" expects a list of option ids, got ${describe(raw)}`));
        return undefined;
      }
      // The common case — valid options, no repeats, in the rule set's order — keeps the given array.
      if (isCanonicalSelection(q, raw as unknown[])) return raw as readonly string[];
      const out: string[] = [];
      let ok = true;
      for (const x of raw as unknown[]) {
        if (typeof x !== 'string' || !q.allowed.has(x)) {
          errors.push(err('unknown_option', q, { value: describe(x), options: [...q.allowed].join(', ') }, `"${q.id}" has no option ${describe(x)} (options: ${[...q.allowed].join(', ')})`));
          ok = false;
        } else if (out.includes(x)) {
          errors.push(err('duplicate_option', q, { value: x }, `"${q.id}" lists "${x}" twice`));
          ok = false;
        } else out.push(x);
      }
      if (!ok) return undefined;
      if (out.length === 0) {
        // Name the "none of these" option only where the question has one.
        const none = [...q.exclusiveValues][0];
        errors.push(
          none === undefined
            ? err('empty_selection', q, {}, `"${q.id}" needs at least one option`)
            : err('empty_selection', q, { none }, `"${q.id}" needs at least one option (choose "${none}" where nothing applies)`),
        );
        return undefined;
      }
      if (out.length > 1) {
        const exclusive = out.find((x) => q.exclusiveValues.has(x));
        if (exclusive !== undefined) {
          errors.push(err('exclusive_option', q, { value: exclusive }, `"${q.id}": "${exclusive}" cannot be combined with other options`));
          return undefined;
        }
        // Keep the rule set's option order so equal answers compare equal.
        out.sort((a, b) => q.optionOrder.get(a)! - q.optionOrder.get(b)!);
      }
      return out;
    }
  }
}

function isCanonicalSelection(q: Question, raw: unknown[]): boolean {
  if (raw.length === 0) return false;
  let last = -1;
  for (const x of raw) {
    const pos = typeof x === 'string' ? q.optionOrder.get(x) : undefined;
    if (pos === undefined || pos <= last) return false;
    last = pos;
  }
  return raw.length === 1 || !raw.some((x) => q.exclusiveValues.has(x as string));
}

/**
 * Validates answers, works out which questions are asked, and drops answers to questions that are
 * not asked (reporting them as `not_asked` errors). Answers that contradict each other (the consistency
 * rules) are handled here too: the disputed answers are treated as open, and a question hidden only by
 * a disputed answer may be asked — its answer stands. `fired` lists the consistency rules that hold.
 */
export function parseAnswers(rs: RuleSet, answers: unknown): { state: EvalState; errors: AnswerError[]; fired: readonly number[] } {
  const errors: AnswerError[] = [];
  const { templates } = programOf(rs);
  const values: (AnswerValue | undefined)[] = templates.values.slice();
  const bits = templates.bits.slice();
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    errors.push(err('not_an_object', undefined, { got: describe(answers) }, `answers must be an object mapping question ids to answers, got ${describe(answers)}`));
  } else {
    // Object.keys, not for…in: answer objects come in many shapes, and for…in is several times slower on them.
    const keys = Object.keys(answers);
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      const q = rs.questionById.get(key);
      if (!q) {
        errors.push(err('unknown_question', key, {}, `"${key}" is not a question of rule set ${rs.version}`));
        continue;
      }
      const v = checkValue(q, (answers as Record<string, unknown>)[key], errors);
      values[q.index] = v;
      if (q.type === 'multi' && v !== undefined) bits[q.index] = optionMask(q, v as readonly string[]);
    }
  }
  const state = newState(rs, values, bits);
  let hidden: { q: Question; value: AnswerValue; bits: number }[] | undefined;
  computeVisibility(rs, state, (q) => (hidden ??= []).push({ q, value: values[q.index]!, bits: bits[q.index]! }));
  const fired = firedConflicts(rs, state);
  if (fired.length) {
    openDisputedAnswers(rs, state, fired);
    // Answers hidden only by a disputed answer stand: their questions may be asked now.
    const back = hidden?.filter((h) => state.vis[h.q.index] !== F);
    if (back?.length) {
      for (const h of back) {
        values[h.q.index] = h.value;
        bits[h.q.index] = h.bits;
      }
      state.refs.fill(255);
      computeVisibility(rs, state, undefined, Math.min(...back.map((h) => h.q.index)));
    }
  }
  for (const h of hidden ?? []) {
    if (values[h.q.index] !== undefined) continue;
    errors.push(err('not_asked', h.q, {}, `"${h.q.id}" is answered but not asked under the other answers; remove the answer or change the answers it depends on`));
  }
  return { state, errors, fired };
}

/** A fresh evaluation state over answers (multi-choice answers also as bit masks, see EvalState.bits). */
export function newState(rs: RuleSet, values: (AnswerValue | undefined)[], bits?: number[]): EvalState {
  const p = programOf(rs);
  return {
    values,
    bits: bits ?? p.templates.bits.slice(),
    vis: p.templates.vis.slice(),
    refs: p.templates.refs.slice(),
    possible: { SH: 0, SZ: 0, EU: 0 },
    tierOpen: {},
  };
}

/**
 * Decides, in question order, whether each question is asked (T), not asked (F) or maybe asked (U,
 * when it depends on an open answer). Answers to questions not asked are removed from the state.
 */
export function computeVisibility(rs: RuleSet, state: EvalState, onHiddenAnswer?: (q: Question) => void, from = 0): void {
  const { visNodes } = programOf(rs);
  const values = state.values as (AnswerValue | undefined)[];
  const vis = state.vis as K[];
  // By index, not over the question objects: they come in many shapes, and this loop is hot.
  for (let i = from; i < visNodes.length; i++) {
    const node = visNodes[i];
    const v: K = node ? node.eval(state) : T;
    vis[i] = v;
    if (v === F && values[i] !== undefined) {
      onHiddenAnswer?.(rs.questions[i]!);
      values[i] = undefined;
    }
  }
  // Indicators and terms memoised on the way stay valid: an askedWhen only looks at questions asked
  // before it (rules:check enforces this), whose visibility and answers are final by then.
}

export type Asked = 'asked' | 'hidden' | 'maybe';

/** For the questionnaire: which questions are asked under these answers (invalid answers ignored). */
export function askedQuestions(rs: RuleSet, answers: Answers): Map<string, Asked> {
  const { state } = parseAnswers(rs, answers);
  const out = new Map<string, Asked>();
  for (const q of rs.questions) out.set(q.id, state.vis[q.index] === T ? 'asked' : state.vis[q.index] === U ? 'maybe' : 'hidden');
  return out;
}

/** Answers with every answer to a question that is not asked removed (what the app keeps). */
export function pruneHiddenAnswers(rs: RuleSet, answers: Answers): { answers: Record<string, AnswerValue>; dropped: string[] } {
  const asked = askedQuestions(rs, answers);
  const out: Record<string, AnswerValue> = {};
  const dropped: string[] = [];
  for (const [k, v] of Object.entries(answers)) {
    if (v === null || v === undefined) continue;
    if (asked.get(k) === 'hidden') dropped.push(k);
    else out[k] = v;
  }
  return { answers: out, dropped };
}

export function isUnknownAnswer(q: Question, v: AnswerValue | undefined): boolean {
  if (v === undefined) return false;
  if (Array.isArray(v)) return v.some((x) => q.unknownValues.has(x));
  return typeof v === 'string' && q.unknownValues.has(v);
}
