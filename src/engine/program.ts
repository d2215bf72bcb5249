/**
 * Conditions compiled once per rule set into closures over an evaluation state, in Kleene's
 * three-valued logic: every condition is true, false or unknown. "Not sure", an unanswered question,
 * or a question that may or may not be asked make a test unknown; unknowns propagate soundly, so a
 * condition that comes out false is false under every way of settling the open answers. That is what
 * makes `needs_review` and `worstCase` trustworthy.
 *
 * Beside its value, each condition can explain itself: `support` lists the questions whose answers
 * decided the value (for a true `any`, the true branches; for a false `all`, the false branches ...).
 */
import { memoOn } from './memo';
import type { Condition, Regime, TierName } from './schema';
import type { Question, RuleSet } from './ruleset';

export const F = 0;
export const T = 1;
export const U = 2;
export type K = typeof F | typeof T | typeof U;

export type AnswerValue = string | number | readonly string[];

export function and3(a: K, b: K): K {
  if (a === F || b === F) return F;
  return a === T && b === T ? T : U;
}

export interface EvalState {
  /** Answer per question index (hidden answers already removed). */
  readonly values: readonly (AnswerValue | undefined)[];
  /** Multi-choice answers as bit masks over the question's options (bit i = option i), else 0. */
  readonly bits: readonly number[];
  /** Whether each question is asked: T, F, or U (depends on an open answer). Plain small-integer
   *  arrays, not typed arrays: allocated per assessment, they must stay cheap for the collector. */
  readonly vis: K[];
  /** Memoised values of indicators and terms, by ref index; 255 = not computed yet. */
  readonly refs: number[];
  /** Per regime, the bit set of tiers still possible (bit i = the regime's i-th tier). 0 = not decided yet. */
  readonly possible: Record<Regime, number>;
  /** Per regime, the questions an undecided tier hangs on (absent when decided): computed on first use,
   *  since only explanations (what a duty depends on) need them. */
  readonly tierOpen: Partial<Record<Regime, readonly number[] | (() => readonly number[])>>;
  /** Memoised supports of indicators and terms (key refIndex * 3 + value), created on first use. */
  supportMemo?: Map<number, readonly number[]>;
  /** Answers set aside because a consistency rule disputes them (question index → the answer given). */
  disputed?: ReadonlyMap<number, AnswerValue>;
}

export interface Node {
  readonly kind: 'all' | 'any' | 'not' | 'atom' | 'ref' | 'tier' | 'always';
  readonly eval: (s: EvalState) => K;
  readonly children?: readonly Node[];
  readonly question?: number;
  readonly ref?: number;
  readonly regime?: Regime;
}

export class Program {
  readonly refIndex = new Map<string, number>();
  readonly refNodes: Node[] = [];
  readonly refNames: string[] = [];
  /** askedWhen of each question (undefined = always asked). */
  readonly visNodes: (Node | undefined)[];
  /** The condition of each consistency rule, in rule-set order. */
  readonly conflictNodes: Node[];
  /** Indexes of the questions that can be "unanswered" (required ones, not free text), and their ids. Plain arrays
   *  read in hot loops: the question objects themselves come in many shapes (slow property reads). */
  readonly answerable: readonly number[];
  readonly questionIds: readonly string[];
  readonly tierOrder: Record<Regime, readonly TierName[]>;
  /** Fresh per-assessment arrays are copied from these (a copy is cheaper than allocate-and-fill). */
  readonly templates: { values: undefined[]; vis: K[]; refs: number[]; bits: number[] };
  /** Filled by the assessment once tiers are decided: which questions the regime's tier rests on. */

  constructor(readonly rs: RuleSet) {
    const names = [...rs.indicators.keys(), ...rs.terms.keys()];
    names.forEach((n, i) => {
      this.refIndex.set(n, i);
      this.refNames.push(n);
    });
    // Compile refs lazily-by-index: create placeholders first so refs can point at each other.
    const defs = names.map((n) => (rs.indicators.get(n) ?? rs.terms.get(n))!.when);
    defs.forEach((d, i) => (this.refNodes[i] = this.compile(d)));
    this.visNodes = rs.questions.map((q) => (q.askedWhen ? this.compile(q.askedWhen) : undefined));
    this.conflictNodes = rs.consistency.map((c) => this.compile(c.when));
    this.answerable = rs.questions.filter((q) => q.type !== 'text' && !q.optional).map((q) => q.index);
    this.questionIds = rs.questions.map((q) => q.id);
    this.tierOrder = { SH: rs.tiers.SH.tiers, SZ: rs.tiers.SZ.tiers, EU: rs.tiers.EU.tiers };
    this.templates = {
      values: new Array(rs.questions.length).fill(undefined),
      vis: new Array<K>(rs.questions.length).fill(F),
      refs: new Array<number>(this.refNames.length).fill(255),
      bits: new Array<number>(rs.questions.length).fill(0),
    };
  }

  compile(c: Condition): Node {
    if (c.always) return { kind: 'always', eval: () => T };
    if (c.all) return this.junction('all', c.all);
    if (c.any) return this.junction('any', c.any);
    if (c.not) {
      const child = this.compile(c.not);
      return { kind: 'not', children: [child], eval: (s) => notK(child.eval(s)) };
    }
    if (c.ref !== undefined) {
      const idx = this.refIndex.get(c.ref)!;
      const nodes = this.refNodes;
      return {
        kind: 'ref',
        ref: idx,
        eval: (s) => {
          const cached = s.refs[idx]!;
          if (cached !== 255) return cached as K;
          const v = nodes[idx]!.eval(s);
          s.refs[idx] = v;
          return v;
        },
      };
    }
    if (c.tier) {
      const regime = c.tier.regime;
      const order = this.rs.tiers[regime].tiers;
      let mask = 0;
      for (const t of c.tier.in) {
        const i = order.indexOf(t);
        if (i >= 0) mask |= 1 << i;
      }
      return {
        kind: 'tier',
        regime,
        eval: (s) => {
          const p = s.possible[regime];
          if (p === 0) throw new Error(`internal: tier of ${regime} used before it was decided`);
          if ((p & mask) === 0) return F;
          return (p & ~mask) === 0 ? T : U;
        },
      };
    }
    return this.compileAtom(c);
  }

  /** `all` stops at the first false child, `any` at the first true one; otherwise unknown wins over the rest. */
  private junction(kind: 'all' | 'any', conds: Condition[]): Node {
    const children = conds.map((x) => this.compile(x));
    const n = children.length;
    const stop: K = kind === 'all' ? F : T;
    const rest: K = kind === 'all' ? T : F;
    return {
      kind,
      children,
      eval: (s) => {
        let r: K = rest;
        for (let i = 0; i < n; i++) {
          const v = children[i]!.eval(s);
          if (v === stop) return stop;
          if (v === U) r = U;
        }
        return r;
      },
    };
  }

  private compileAtom(c: Condition): Node {
    const q = this.rs.questionById.get(c.q!)!;
    const qi = q.index;
    const test = atomTest(c, q);
    return {
      kind: 'atom',
      question: qi,
      eval: (s) => {
        const vis = s.vis[qi] as K;
        if (vis === F) return F;
        const v = test(s.values[qi], s.bits[qi]!);
        return vis === T ? v : and3(U, v);
      },
    };
  }

  /** The questions whose answers decided `node`'s value `value` (see the file comment). */
  support(node: Node, s: EvalState, value: K, out: Set<number>): void {
    switch (node.kind) {
      case 'always':
        return;
      case 'tier':
        if (value === U) {
          let open = s.tierOpen[node.regime!];
          if (typeof open === 'function') s.tierOpen[node.regime!] = open = open();
          for (const qi of open ?? []) out.add(qi);
        }
        return;
      case 'atom': {
        const qi = node.question!;
        const vis = s.vis[qi] as K;
        if (vis === T) out.add(qi);
        else {
          const vn = this.visNodes[qi];
          if (vn) this.support(vn, s, vis, out);
          if (vis === U) out.add(qi);
        }
        return;
      }
      case 'not':
        this.support(node.children![0]!, s, notK(value), out);
        return;
      case 'ref': {
        // Many duties share the same terms: compute each term's support once per assessment.
        const key = node.ref! * 3 + value;
        const memos = (s.supportMemo ??= new Map());
        let memo = memos.get(key);
        if (!memo) {
          const set = new Set<number>();
          this.support(this.refNodes[node.ref!]!, s, value, set);
          memo = [...set];
          memos.set(key, memo);
        }
        for (const qi of memo) out.add(qi);
        return;
      }
      case 'all':
      case 'any': {
        const decisive: K = node.kind === 'all' ? F : T;
        for (const ch of node.children!) {
          const v = ch.eval(s);
          if (value === U ? v === U : value === decisive ? v === decisive : true) this.support(ch, s, v, out);
        }
        return;
      }
    }
  }

  /**
   * Indicators a condition refers to, directly, through `all`/`any`/`not`, or through terms (a term is
   * a definition, an indicator is a reason: the walk stops at indicators).
   */
  directIndicators(node: Node): readonly number[] {
    let cached = this.indicatorCache.get(node);
    if (!cached) {
      cached = this.collectIndicators(node, []);
      this.indicatorCache.set(node, cached);
    }
    return cached;
  }

  private readonly indicatorCache = new WeakMap<Node, number[]>();

  private collectIndicators(node: Node, out: number[]): number[] {
    if (node.kind === 'ref') {
      const idx = node.ref!;
      if (this.rs.indicators.has(this.refNames[idx]!)) {
        if (!out.includes(idx)) out.push(idx);
      } else this.collectIndicators(this.refNodes[idx]!, out);
    } else node.children?.forEach((c) => this.collectIndicators(c, out));
    return out;
  }
}

export function notK(v: K): K {
  return v === U ? U : v === T ? F : T;
}

/** Bit mask of some options of a multi-choice question (bit i = the question's option i). */
export function optionMask(q: Question, ids: readonly string[]): number {
  let m = 0;
  for (const id of ids) {
    const i = q.optionOrder.get(id);
    if (i !== undefined) m |= 1 << i;
  }
  return m;
}

function atomTest(c: Condition, q: Question): (v: AnswerValue | undefined, bits: number) => K {
  const unknown = q.unknownValues;
  if (c.answered) return (v) => (v === undefined ? F : T);
  if (c.equals !== undefined || c.in !== undefined) {
    const set = new Set(c.in ?? [c.equals!]);
    return (v) => {
      if (v === undefined) return U;
      const x = v as string;
      if (set.has(x)) return T;
      return unknown.has(x) ? U : F;
    };
  }
  if (c.includes !== undefined || c.includesAny !== undefined) {
    const wantedList = c.includesAny ?? [c.includes!];
    const wanted = optionMask(q, wantedList);
    const unknownMask = optionMask(q, [...unknown]);
    const onlyExclusive = wantedList.every((w) => q.exclusiveValues.has(w));
    return (v, bits) => {
      if (v === undefined) return U;
      if (bits & wanted) return T;
      if (!(bits & unknownMask)) return F;
      // "Not sure" leaves the other options open — but an exclusive option ("none of these") cannot
      // join an answer that already ticks something definite.
      return onlyExclusive && bits & ~unknownMask ? F : U;
    };
  }
  if (c.gte !== undefined) {
    const n = c.gte;
    return (v) => (v === undefined ? U : (v as number) >= n ? T : F);
  }
  if (c.lt !== undefined) {
    const n = c.lt;
    return (v) => (v === undefined ? U : (v as number) < n ? T : F);
  }
  throw new Error(`internal: condition on ${q.id} has no test`);
}

/** The compiled program of a rule set (compiled once, then cached). */
export const programOf: (rs: RuleSet) => Program = memoOn((rs) => new Program(rs));
