/**
 * Deciding a regime's tier: the tier rules compiled once per rule set, the first rule that holds (or
 * the tiers still possible when answers are open), conflicts, dated rules and caveats.
 */
import { type EvalState, F, type K, type Node, type Program, T, U } from './program';
import type { Duty, RegimeTiers, RuleSet } from './ruleset';
import { REGIMES, type Regime, type TierName } from './constants';
import type { OpenQuestion, Reason, RegimeResult, RegimeTier, UpcomingTier } from './assessment';
import { explainRegime, NONE, type ExplainInputs, type Explanation } from './explain';

export const NO_CONFLICTS: readonly number[] = [];

export interface CompiledRules {
  tiers: Record<Regime, { file: RegimeTiers; nodes: (Node | undefined)[]; notes: (Node[] | undefined)[]; findings: Node[] }>;
  duties: { duty: Duty; when: Node; guard?: Node; from: { when?: Node; date: string }[]; articles: readonly string[] }[];
}

const compiledCache = new WeakMap<RuleSet, CompiledRules>();

export function compiledOf(rs: RuleSet, p: Program): CompiledRules {
  let c = compiledCache.get(rs);
  if (c) return c;
  const tiers = {} as CompiledRules['tiers'];
  for (const regime of REGIMES) {
    const file = rs.tiers[regime];
    tiers[regime] = {
      file,
      nodes: file.rules.map((r) => (r.when ? p.compile(r.when) : undefined)),
      notes: file.rules.map((r) => r.notes?.map((n) => p.compile(n.when))),
      findings: (file.findings ?? []).map((f) => p.compile(f.when)),
    };
  }
  const duties = rs.duties.map((duty) => {
    const when = p.compile(duty.when);
    const first = when.kind === 'all' ? when.children![0] : undefined;
    return {
      duty,
      when,
      ...(first?.kind === 'ref' ? { guard: first } : {}),
      from: typeof duty.from === 'string' ? [{ date: duty.from }] : duty.from.map((e) => ({ date: e.date, ...(e.when ? { when: p.compile(e.when) } : {}) })),
      articles: Object.freeze([duty.article, ...(duty.alsoCites ?? [])]),
    };
  });
  c = { tiers, duties };
  compiledCache.set(rs, c);
  return c;
}

export function decideRegime(rs: RuleSet, p: Program, compiled: CompiledRules, state: EvalState, regime: Regime, date: string, conflicts: readonly number[]): RegimeResult {
  const { file, nodes } = compiled.tiers[regime];
  const order = file.tiers;
  const values: K[] = [];
  let firstTrue = -1;
  let mask = 0;
  let upcoming: UpcomingTier[] | undefined;
  for (let i = 0; i < file.rules.length; i++) {
    const rule = file.rules[i]!;
    const node = nodes[i];
    let v = node ? node.eval(state) : T;
    if (rule.from !== undefined && date < rule.from && v !== F) {
      // Not in force on the assessment date: it decides nothing yet, and the result warns.
      (upcoming ??= []).push({ rule: rule.id, tier: rule.tier, from: rule.from, ...(v === U ? { tentative: true } : {}) });
      v = F;
    }
    values.push(v);
    if (v !== F) mask |= 1 << order.indexOf(rule.tier);
    if (v === T) {
      firstTrue = i;
      break;
    }
  }
  state.possible[regime] = mask;
  const possible = possibleTiers(order, mask);
  // A conflict touches a regime only where it may apply: one still out of scope with the disputed
  // answers open (no Shanghai activity, say) keeps its tier.
  if (conflicts.length && possible.length === 1 && possible[0] === 'out_of_scope') conflicts = NO_CONFLICTS;
  const decided = possible.length === 1 && conflicts.length === 0;

  const caveats = caveatsFor(file, mask, possible);
  const conflictIds = conflicts.length ? conflicts.map((i) => rs.consistency[i]!.id) : NONE;
  const inputs: ExplainInputs = { rs, p, state, regime, compiled: compiled.tiers[regime], values, firstTrue, possible, date, conflicts };
  if (decided) return new RegimeOutcome(regime, possible[0]!, possible, caveats, conflictIds, upcoming, inputs);
  // What the undecided tier hangs on: the supports of the rules that may hold (no reason objects
  // needed), and the disputed answers — worked out only if an explanation asks.
  state.tierOpen[regime] = () => {
    const hang = new Set<number>();
    for (let i = 0; i < values.length; i++) if (values[i] === U) p.support(nodes[i]!, state, U, hang);
    for (const i of conflicts) for (const id of rs.consistency[i]!.disputes) hang.add(rs.questionById.get(id)!.index);
    return [...hang];
  };
  return new RegimeOutcome(regime, 'needs_review', possible, caveats, conflictIds, upcoming, inputs);
}



/**
 * A regime's result. The decision (tier, possible tiers, worst case) is computed at once; the
 * explanation (reasons, ruled-out tiers, open questions) on first read, then kept. `toJSON` writes
 * the whole result, explanation included.
 */
class RegimeOutcome implements RegimeResult {
  readonly worstCase?: TierName;
  readonly bestCase?: TierName;
  #inputs: ExplainInputs | undefined;
  #explanation: Explanation | undefined;

  constructor(
    readonly regime: Regime,
    readonly tier: RegimeTier,
    readonly possible: TierName[],
    readonly caveats: string[],
    readonly conflicts: string[],
    readonly upcoming: UpcomingTier[] | undefined,
    inputs: ExplainInputs,
  ) {
    if (tier === 'needs_review') {
      this.worstCase = possible[0]!;
      this.bestCase = possible[possible.length - 1]!;
    }
    this.#inputs = inputs;
  }

  #explained(): Explanation {
    if (!this.#explanation) {
      this.#explanation = explainRegime(this.#inputs!);
      this.#inputs = undefined;
    }
    return this.#explanation;
  }

  get reasons(): Reason[] {
    return this.#explained().reasons;
  }

  get ruledOut(): Reason[] {
    return this.#explained().ruledOut;
  }

  get openQuestions(): OpenQuestion[] | undefined {
    return this.tier === 'needs_review' ? this.#explained().openQuestions : undefined;
  }

  toJSON(): RegimeResult {
    return {
      regime: this.regime,
      tier: this.tier,
      possible: this.possible,
      ...(this.worstCase ? { worstCase: this.worstCase, bestCase: this.bestCase } : {}),
      reasons: this.reasons,
      ruledOut: this.ruledOut,
      ...(this.openQuestions ? { openQuestions: this.openQuestions } : {}),
      caveats: this.caveats,
      conflicts: this.conflicts,
      ...(this.upcoming ? { upcoming: this.upcoming } : {}),
    };
  }
}


const caveatCache = new WeakMap<RegimeTiers, Map<number, string[]>>();


/** The caveats that apply to a set of possible tiers (one shared array per set). */
function caveatsFor(file: RegimeTiers, mask: number, possible: readonly TierName[]): string[] {
  if (!file.caveats) return NONE;
  let byMask = caveatCache.get(file);
  if (!byMask) caveatCache.set(file, (byMask = new Map()));
  let ids = byMask.get(mask);
  if (!ids) {
    ids = file.caveats.filter((c) => c.tiers.some((t) => possible.includes(t))).map((c) => c.id);
    byMask.set(mask, ids);
  }
  return ids;
}
const possibleCache = new WeakMap<readonly TierName[], Map<number, TierName[]>>();

/** The tiers of a bit set over a regime's tier order, strictest first (one shared array per set). */
function possibleTiers(order: readonly TierName[], mask: number): TierName[] {
  let byMask = possibleCache.get(order);
  if (!byMask) possibleCache.set(order, (byMask = new Map()));
  let tiers = byMask.get(mask);
  if (!tiers) {
    tiers = order.filter((_, i) => mask & (1 << i));
    byMask.set(mask, tiers);
  }
  return tiers;
}
