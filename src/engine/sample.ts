/**
 * Random answer sets that the rule set allows: questions are walked in order and only those asked under
 * the answers so far are answered. Used by `rules:check` (witness search), the benchmark corpus and
 * tests. Deterministic for a given seed.
 */
import { type Answers, newState } from './answers';
import { type AnswerValue, F, T, optionMask, programOf } from './program';
import type { Question, RuleSet } from './ruleset';

/** mulberry32: a small, fast, seedable PRNG (uniform in [0, 1)). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SampleOptions {
  /** Probability of answering "not sure" where it is offered. */
  notSure?: number;
  /** Probability of leaving an asked question unanswered. */
  skip?: number;
  /** Probability that each option of a multi-choice question is ticked. */
  tick?: number;
}

function pick<T>(rng: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rng() * xs.length)]!;
}

export function sampleValue(q: Question, rng: () => number, o: Required<SampleOptions>): AnswerValue | undefined {
  if (q.optional && rng() < 0.3) return undefined;
  if (rng() < o.skip) return undefined;
  const unknown = [...q.unknownValues];
  if (unknown.length && rng() < o.notSure) return q.type === 'multi' ? [pick(rng, unknown)] : pick(rng, unknown);
  switch (q.type) {
    case 'text':
      return pick(rng, ['Acme', '测试公司', 'A product that does things', 'Ünïcödé ✓']);
    case 'number':
      return Math.round((q.min ?? 0) + rng() * ((q.max ?? 1000) - (q.min ?? 0)));
    case 'yesno':
      return rng() < 0.5 ? 'yes' : 'no';
    case 'single':
      return pick(rng, q.options!.filter((x) => !x.unknown)).id;
    case 'multi': {
      const opts = q.options!;
      const exclusive = opts.filter((x) => x.exclusive);
      if (exclusive.length && rng() < 0.3) return [pick(rng, exclusive).id];
      const chosen = opts.filter((x) => !x.exclusive && !x.unknown && rng() < o.tick).map((x) => x.id);
      if (chosen.length === 0) {
        const plain = opts.filter((x) => !x.exclusive && !x.unknown);
        chosen.push(pick(rng, plain.length ? plain : opts).id);
      }
      if (unknown.length && rng() < o.notSure) chosen.push(unknown[0]!);
      return opts.filter((x) => chosen.includes(x.id)).map((x) => x.id);
    }
  }
}

/** A random answer set: every question asked (or maybe asked) under the answers before it is answered. */
export function sampleAnswers(rs: RuleSet, rng: () => number, options: SampleOptions = {}): Record<string, AnswerValue> {
  const o: Required<SampleOptions> = { notSure: 0.05, skip: 0.02, tick: 0.3, ...options };
  const p = programOf(rs);
  const values: (AnswerValue | undefined)[] = new Array(rs.questions.length).fill(undefined);
  const state = newState(rs, values);
  const out: Record<string, AnswerValue> = {};
  for (const q of rs.questions) {
    const node = p.visNodes[q.index];
    const v = node ? node.eval(state) : T;
    (state.vis as number[])[q.index] = v;
    if (v === F) continue;
    const value = sampleValue(q, rng, o);
    if (value !== undefined) {
      values[q.index] = value;
      if (q.type === 'multi') (state.bits as number[])[q.index] = optionMask(q, value as readonly string[]);
      out[q.id] = value;
    }
  }
  return out;
}

export type { Answers };
