/**
 * Consistency rules (rules/consistency/): answers that contradict each other or the statute. A rule
 * that holds is a conflict: its self-classifying answers (`disputes`) are not taken on faith — the
 * evaluation treats them as open, so every tier they could change shows its worst case — and the
 * regimes it names are `needs_review`, with the conflict named and linked to its questions.
 */
import { computeVisibility, parseAnswers, type Answers } from './answers';
import type { Regime } from './constants';
import { type AnswerValue, type EvalState, T, programOf } from './program';
import type { RuleSet } from './ruleset';

export interface Conflict {
  /** The consistency rule's id in rules/consistency/. */
  id: string;
  regimes: Regime[];
  /** The questions whose answers conflict (each a link back in the app). */
  questions: string[];
  /** The answers treated as open because of the conflict. */
  disputes: string[];
  /** The articles that decide it. */
  articles: string[];
}

/** The consistency rules that hold under the answers of `state` (indexes into `rs.consistency`). */
export function firedConflicts(rs: RuleSet, state: EvalState): readonly number[] {
  const nodes = programOf(rs).conflictNodes;
  let out: number[] | undefined;
  for (let i = 0; i < nodes.length; i++) if (nodes[i]!.eval(state) === T) (out ??= []).push(i);
  return out ?? NONE;
}
const NONE: readonly number[] = [];

/**
 * Treats the disputed answers of the fired conflicts as open: each is set aside in `state.disputed`
 * (so the result can still show what was answered), removed from the values, and the visibility and
 * memoised indicators are computed again. Opening an answer can only turn values into "unknown",
 * never flip them, so no other answer is lost.
 */
export function openDisputedAnswers(rs: RuleSet, state: EvalState, fired: readonly number[]): void {
  if (!fired.length) return;
  const values = state.values as (AnswerValue | undefined)[];
  const bits = state.bits as number[];
  const disputed = new Map<number, AnswerValue>();
  let first = values.length;
  for (const i of fired) {
    for (const id of rs.consistency[i]!.disputes) {
      const q = rs.questionById.get(id)!;
      const v = values[q.index];
      if (v === undefined || disputed.has(q.index)) continue;
      disputed.set(q.index, v);
      values[q.index] = undefined;
      bits[q.index] = 0;
      first = Math.min(first, q.index);
    }
  }
  state.disputed = disputed;
  state.refs.fill(255);
  // A question's asking depends only on questions before it: those up to the first disputed one stand.
  computeVisibility(rs, state, undefined, first + 1);
}

/** The conflicts under `answers` (invalid answers ignored): what the questionnaire shows beside the questions. */
export function findConflicts(rs: RuleSet, answers: Answers): Conflict[] {
  return parseAnswers(rs, answers).fired.map((i) => conflictOf(rs, i));
}

export function conflictOf(rs: RuleSet, i: number): Conflict {
  const c = rs.consistency[i]!;
  return { id: c.id, regimes: [...c.regimes], questions: [...c.questions], disputes: [...c.disputes], articles: [...c.cites] };
}
