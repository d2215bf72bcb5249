/**
 * Why a regime came out as it did: the reasons that fired (with the answers behind them), the tiers
 * ruled out, and the open questions that could still change it. Computed on first read.
 */
import { isUnknownAnswer } from './answers';
import { type EvalState, F, type K, type Node, type Program, T, U } from './program';
import type { RuleSet } from './ruleset';
import { type Regime, type TierName } from './constants';
import type { AnswerFact, OpenQuestion, Reason } from './assessment';
import type { CompiledRules } from './regimes';

export const NONE: string[] = [];

export interface Explanation {
  reasons: Reason[];
  ruledOut: Reason[];
  openQuestions: OpenQuestion[];
}

export interface ExplainInputs {
  rs: RuleSet;
  p: Program;
  state: EvalState;
  regime: Regime;
  compiled: CompiledRules['tiers'][Regime];
  values: K[];
  firstTrue: number;
  possible: TierName[];
  date: string;
  /** Indexes of the consistency rules that hold for this regime. */
  conflicts: readonly number[];
}

/**
 * Why the regime's tier is what it is: the rules and indicators that held (and every later rule of the
 * same tier that holds too, e.g. high-risk on both routes), those ruled out, the findings, and what is
 * open — undecided answers, and answers a consistency rule disputes.
 */
export function explainRegime({ rs, p, state, regime, compiled, values, firstTrue, possible, date, conflicts }: ExplainInputs): Explanation {
  const { file, nodes, notes, findings } = compiled;
  const reasons: Reason[] = [];
  const ruledOut: Reason[] = [];
  const open = new Map<number, Set<string>>();
  const supportOf = (node: Node, v: K) => {
    const s = new Set<number>();
    p.support(node, state, v, s);
    return s;
  };
  const inForce = (i: number) => file.rules[i]!.from === undefined || date >= file.rules[i]!.from!;
  // A rule not in force yet whose condition holds (or may) is reported as upcoming, not as ruled out;
  // one whose condition fails is a screen passed like any other.
  const upcomingRule = (i: number) => !inForce(i) && nodes[i]!.eval(state) !== F;

  /** A rule that holds (T) or may hold (U), with the indicators behind it. */
  const holds = (i: number, v: K) => {
    const rule = file.rules[i]!;
    const node = nodes[i];
    let support: Set<number>;
    if (node) support = supportOf(node, v);
    else {
      // "otherwise": decided by everything stricter being ruled out.
      support = new Set();
      for (let j = 0; j < i; j++) if (file.rules[j]!.tier !== 'out_of_scope' && inForce(j)) p.support(nodes[j]!, state, F, support);
    }
    const indicatorReasons: Reason[] = [];
    if (node) {
      for (const ri of p.directIndicators(node)) {
        const iv = p.refNodes[ri]!.eval(state);
        if (iv === F) continue;
        const ind = rs.indicators.get(p.refNames[ri]!)!;
        const arts = indicatorArticles(ind, regime);
        const s = supportOf(p.refNodes[ri]!, iv);
        indicatorReasons.push({
          ...reasonOf(rs, state, 'indicator', ind.id, arts, s),
          ...(ind.context?.[regime] ? { context: [...ind.context[regime]!] } : {}),
          ...(iv === U ? { tentative: true } : {}),
        });
        if (iv === U) for (const qi of s) addAll(open, qi, arts);
      }
    }
    // Cite only the rule's paragraphs that an indicator actually points at (e.g. Art. 50(2), not 50(1)–(4)).
    const fired = new Set(indicatorReasons.flatMap((r) => r.articles));
    const own = rule.cites.filter((a) => fired.has(a));
    const noteIds: string[] = [];
    const noteArticles: string[] = [];
    notes[i]?.forEach((n, k) => {
      if (n.eval(state) !== T) return;
      const def = rule.notes![k]!;
      noteIds.push(def.id);
      for (const a of def.cites ?? []) if (!noteArticles.includes(a)) noteArticles.push(a);
    });
    const articles = [...(own.length ? own : rule.cites), ...noteArticles.filter((a) => !rule.cites.includes(a))];
    reasons.push({
      ...reasonOf(rs, state, 'rule', rule.id, articles, support),
      tier: rule.tier,
      ...(v === U ? { tentative: true } : {}),
      ...(noteIds.length ? { notes: noteIds } : {}),
    });
    reasons.push(...indicatorReasons);
    if (v === U) for (const qi of support) addAll(open, qi, rule.cites);
  };

  for (let i = 0; i <= firstTrue; i++) {
    if (upcomingRule(i)) continue;
    const rule = file.rules[i]!;
    const node = nodes[i];
    const v = values[i]!;
    if (v !== F) {
      holds(i, v);
      continue;
    }
    if (rule.tier === 'out_of_scope') {
      if (rule.inScope && !possible.includes('out_of_scope')) reasons.push(reasonOf(rs, state, 'scope', rule.id, rule.cites, supportOf(node!, F)));
      continue;
    }
    // Ruled out: by its indicators, each of which fails — or, where some indicator holds, by the rest of
    // its condition (e.g. an Annex III use derogated under Art. 6(3)): then the rule itself is listed.
    const inds = p.directIndicators(node!);
    const failing = inds.filter((ri) => p.refNodes[ri]!.eval(state) === F);
    if (failing.length < inds.length || inds.length === 0) ruledOut.push({ ...reasonOf(rs, state, 'rule', rule.id, rule.cites, supportOf(node!, F)), tier: rule.tier });
    for (const ri of failing) {
      const ind = rs.indicators.get(p.refNames[ri]!)!;
      ruledOut.push(reasonOf(rs, state, 'indicator', ind.id, indicatorArticles(ind, regime), supportOf(p.refNodes[ri]!, F)));
    }
  }
  // Later rules of the deciding tier that hold as well are reasons too (not for out of scope: the first
  // reason a regime does not apply is the one to give).
  const decidingTier = file.rules[firstTrue]?.tier;
  for (let j = firstTrue + 1; decidingTier !== 'out_of_scope' && j < file.rules.length; j++) {
    const node = nodes[j];
    if (!node || file.rules[j]!.tier !== decidingTier || !inForce(j)) continue;
    if (node.eval(state) === T) holds(j, T);
  }

  (file.findings ?? []).forEach((f, k) => {
    const node = findings[k]!;
    const v = node.eval(state);
    if (v === F) return;
    const points: string[] = [];
    for (const ri of p.directIndicators(node)) {
      if (p.refNodes[ri]!.eval(state) !== T) continue;
      for (const a of indicatorArticles(rs.indicators.get(p.refNames[ri]!)!, regime)) if (!points.includes(a)) points.push(a);
    }
    reasons.push({
      ...reasonOf(rs, state, 'finding', f.id, [...f.cites, ...points.filter((a) => !f.cites.includes(a))], supportOf(node, v)),
      points,
      ...(v === U ? { tentative: true } : {}),
    });
  });

  for (const i of conflicts) {
    const c = rs.consistency[i]!;
    for (const id of c.disputes) addAll(open, rs.questionById.get(id)!.index, c.cites);
  }
  return { reasons, ruledOut, openQuestions: openQuestionList(rs, state, open) };
}


function indicatorArticles(ind: { cites: Partial<Record<Regime, string[]>>; reference?: string[] }, regime: Regime): string[] {
  return [...(ind.cites[regime] ?? []), ...(ind.reference ?? [])];
}

function reasonOf(rs: RuleSet, state: EvalState, kind: Reason['kind'], id: string, articles: string[], support: Set<number>): Reason {
  return { kind, id, article: articles[0]!, articles: [...articles], answers: facts(rs, state, support) };
}

function facts(rs: RuleSet, state: EvalState, support: Set<number>): AnswerFact[] {
  return [...support]
    .sort((a, b) => a - b)
    .map((qi) => {
      const q = rs.questions[qi]!;
      const v = state.values[qi] ?? state.disputed?.get(qi);
      return { question: q.id, value: v ?? null, state: factState(state, qi, q) };
    });
}

function factState(state: EvalState, qi: number, q: RuleSet['questions'][number]): AnswerFact['state'] {
  if (state.disputed?.has(qi)) return 'disputed';
  const v = state.values[qi];
  if (state.vis[qi] === U && v === undefined) return 'maybe_asked';
  if (v === undefined) return 'unanswered';
  return isUnknownAnswer(q, v) ? 'not_sure' : 'answered';
}

export function addAll(m: Map<number, Set<string>>, qi: number, arts: readonly string[]): void {
  let s = m.get(qi);
  if (!s) m.set(qi, (s = new Set()));
  for (const a of arts) s.add(a);
}

export function openQuestionList(rs: RuleSet, state: EvalState, open: Map<number, Set<string>>): OpenQuestion[] {
  const out: OpenQuestion[] = [];
  for (const qi of [...open.keys()].sort((a, b) => a - b)) {
    const q = rs.questions[qi]!;
    const st = factState(state, qi, q);
    // An answered question in the support of an unknown only matters through its own visibility.
    if (st === 'answered') continue;
    out.push({ question: q.id, state: st, articles: [...open.get(qi)!] });
  }
  return out;
}

/** The answers that gave `node` the value `v`, in questionnaire order. */
export function factsOf(rs: RuleSet, p: Program, node: Node, state: EvalState, v: K): AnswerFact[] {
  const s = new Set<number>();
  p.support(node, state, v, s);
  return facts(rs, state, s);
}

/** The ids of the questions whose answers gave `node` the value `v`, in questionnaire order. */
export function supportIds(p: Program, node: Node, state: EvalState, v: K): string[] {
  const s = new Set<number>();
  p.support(node, state, v, s);
  return [...s].sort((a, b) => a - b).map((qi) => p.rs.questions[qi]!.id);
}

export function refValue(p: Program, state: EvalState, name: string): K {
  const idx = p.refIndex.get(name);
  if (idx === undefined) return F;
  return p.refNodes[idx]!.eval(state);
}
