/**
 * `assess(ruleSet, answers, { date })`: answers in, per regime the tier (or `needs_review` with the
 * strictest tier still possible and the questions to settle), the reasons that decided it, the GPAI
 * track, and the duties and notices with their dates. Pure: no I/O, no clock (the date is an input).
 */
import { type AnswerError, type Answers, isUnknownAnswer, parseAnswers } from './answers';
import { type Conflict, conflictOf } from './consistency';
import { type AnswerValue, type EvalState, F, type K, type Node, type Program, programOf, T, U } from './program';
import type { Duty, RegimeTiers, RuleSet } from './ruleset';
import { type DutyKind, type DutyRegime, REGIMES, type Regime, type TierName } from './constants';

export type RegimeTier = TierName | 'needs_review';
export type OverallLevel = 'unacceptable' | 'high' | 'limited' | 'minimal' | 'out_of_scope' | 'needs_review';

export interface AnswerFact {
  question: string;
  /** The answer given; null when the question is unanswered. */
  value: AnswerValue | null;
  /** `disputed`: answered, but a consistency rule does not take the answer on faith (it is treated as open). */
  state: 'answered' | 'not_sure' | 'unanswered' | 'maybe_asked' | 'disputed';
}

export interface Reason {
  /** scope: why the regime applies · rule: the tier rule · indicator: a named condition behind it ·
   *  finding: something the result must say whatever the tier (e.g. an Annex III use derogated under Art. 6(3)). */
  kind: 'scope' | 'rule' | 'indicator' | 'finding';
  /** Tier rule, indicator or finding id in `rules/`. */
  id: string;
  /** The article that decided it (the one to show first). */
  article: string;
  /** All articles it rests on, the reference scale included. */
  articles: string[];
  /** The answers that decided it. */
  answers: AnswerFact[];
  /** The tier this reason argues for (rules only). */
  tier?: TierName;
  /** True when the reason may or may not hold, depending on open questions. */
  tentative?: boolean;
  /** Rules: the ids of the rule's notes that hold (sentences added to the reason). */
  notes?: string[];
  /** Indicators: articles that only support or promote — context for our reading, not the basis. */
  context?: string[];
  /** Findings: the articles of the indicators that hold in the finding's condition (its `{points}`). */
  points?: string[];
}

export interface OpenQuestion {
  question: string;
  state: 'not_sure' | 'unanswered' | 'maybe_asked' | 'disputed';
  /** The articles whose application this answer decides. */
  articles: string[];
}

export interface RegimeResult {
  readonly regime: Regime;
  readonly tier: RegimeTier;
  /** Every tier still possible, strictest first (one entry when the tier is decided). */
  possible: TierName[];
  /** needs_review only: the strictest tier still possible, and the least strict. */
  worstCase?: TierName;
  bestCase?: TierName;
  reasons: Reason[];
  /** Stricter tiers that were considered and ruled out, with the answers that ruled them out. */
  ruledOut: Reason[];
  openQuestions?: OpenQuestion[];
  /** Caveat ids from the tier file that apply (e.g. implementing measures still pending). */
  caveats: string[];
  /** Ids of the consistency rules that hold for this regime (each makes it needs_review). */
  conflicts: string[];
  /** Tier rules whose condition holds (or may hold) but which apply only from a later date. */
  upcoming?: UpcomingTier[];
}

/** A stricter tier that applies from a later date (e.g. a prohibition not yet in force on the assessment date). */
export interface UpcomingTier {
  rule: string;
  tier: TierName;
  from: string;
  /** True when it depends on open questions. */
  tentative?: boolean;
}

export interface DutyResult {
  readonly id: string;
  readonly regime: DutyRegime;
  readonly kind: DutyKind;
  readonly mandatory: boolean;
  readonly article: string;
  readonly articles: readonly string[];
  /** The date from which it applies (ISO). */
  readonly from: string;
  /** Whether it applies on the assessment date (otherwise it applies from `from`). */
  readonly appliesNow: boolean;
  /** False when it applies only if open questions are settled one way. */
  readonly certain: boolean;
  /** For uncertain duties: the questions whose answers decide whether it applies. */
  readonly dependsOn?: string[];
  /** For duties marked `showAnswers`: the answers that decided that it applies. */
  readonly decidedBy?: AnswerFact[];
}

export type Tri = boolean | 'needs_review';

export interface GpaiResult {
  applies: Tri;
  systemicRisk: Tri;
  openQuestions?: OpenQuestion[];
}

export interface Assessment {
  ruleSet: { version: string; date: string };
  assessedOn: string;
  subject: { company?: string; product?: string };
  overall: OverallLevel;
  overallDetail: { worstCase: OverallLevel; atLeast: OverallLevel; regimes: Regime[] };
  regimes: Record<Regime, RegimeResult>;
  gpai: GpaiResult;
  /** What the company must do (mandatory) or is encouraged to do. */
  duties: DutyResult[];
  /** Information: duties of others (customers, public bodies), benefits, penalty ranges, what authorities do. */
  notices: DutyResult[];
  /** Answers that contradict each other or the law (each names its questions and articles). */
  conflicts: Conflict[];
  /** Asked, required questions (not free text) without an answer: every tier they could change is needs_review. */
  unanswered: string[];
}

export type AssessResult = { ok: true; assessment: Assessment } | { ok: false; errors: AnswerError[] };

export interface AssessOptions {
  /** The assessment date, YYYY-MM-DD. Duties say whether they apply on this date. */
  date: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/*
 * Explanations (reasons, open questions, what a duty depends on) are computed on first read, through
 * getters written in object literals: they are own, enumerable properties, so JSON.stringify,
 * structuredClone and deep equality see them like any other, and they cost nothing until read.
 */

/** The public entry point: validate the answers, then evaluate them. */
export function assess(rs: RuleSet, answers: Answers | unknown, opts: AssessOptions): AssessResult {
  if (opts.date !== lastValidDate && !isIsoDate(opts.date)) {
    return { ok: false, errors: [{ code: 'wrong_type', params: { expected: 'YYYY-MM-DD', got: String(opts.date) }, message: `the assessment date must be written YYYY-MM-DD, got "${opts.date}"` }] };
  }
  const { state, errors, fired } = parseAnswers(rs, answers);
  if (errors.length) return { ok: false, errors };
  return { ok: true, assessment: evaluate(rs, state, opts.date, fired, unansweredQuestions(rs, state)) };
}

/** Asked (or maybe asked) required questions, other than free text, that have no answer (a shared empty list when none). */
function unansweredQuestions(rs: RuleSet, state: EvalState): string[] {
  const { answerable, questionIds } = programOf(rs);
  const { vis, values, disputed } = state;
  let out: string[] | undefined;
  for (const i of answerable) if (vis[i] !== F && values[i] === undefined && !disputed?.has(i)) (out ??= []).push(questionIds[i]!);
  return out ?? NONE;
}

let lastValidDate = '';

/** A real calendar date written YYYY-MM-DD (batch runs share one date: the last good one is remembered). */
function isIsoDate(date: string): boolean {
  const ok = ISO_DATE.test(date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`));
  if (ok) lastValidDate = date;
  return ok;
}

/** EU-style scale used for the overall level. */
const LEVEL_RANK: Record<TierName, number> = {
  out_of_scope: 0,
  minimal: 1,
  limited: 2,
  medium_low: 2,
  high: 3,
  unacceptable: 4,
  prohibited: 4,
};
const RANK_LEVEL: OverallLevel[] = ['out_of_scope', 'minimal', 'limited', 'high', 'unacceptable'];

/** The SH/SZ tier mapped to the EU-style level (prohibited → unacceptable, medium_low → limited). */
export function euLevelOf(tier: TierName): OverallLevel {
  return RANK_LEVEL[LEVEL_RANK[tier]]!;
}

function evaluate(rs: RuleSet, state: EvalState, date: string, fired: readonly number[], unanswered: string[]): Assessment {
  const p = programOf(rs);
  const compiled = compiledOf(rs, p);
  const regimes = {} as Record<Regime, RegimeResult>;
  for (const regime of REGIMES) {
    const conflicts = fired.length ? fired.filter((i) => rs.consistency[i]!.regimes.includes(regime)) : NO_CONFLICTS;
    regimes[regime] = decideRegime(rs, p, compiled, state, regime, date, conflicts);
  }

  const gpaiApplies = refValue(p, state, 'gpai_applies');
  const gpaiSystemic = refValue(p, state, 'gpai_systemic');
  let gpai: GpaiResult = { applies: tri(gpaiApplies), systemicRisk: tri(gpaiSystemic) };
  if (gpaiApplies === U || gpaiSystemic === U) {
    let open: OpenQuestion[] | undefined;
    const openOf = () => {
      const m = new Map<number, Set<string>>();
      for (const name of ['gpai_applies', 'gpai_systemic']) {
        if (refValue(p, state, name) !== U) continue;
        const s = new Set<number>();
        p.support(p.refNodes[p.refIndex.get(name)!]!, state, U, s);
        for (const qi of s) addAll(m, qi, rs.terms.get(name)?.cites ?? []);
      }
      return openQuestionList(rs, state, m);
    };
    gpai = {
      applies: gpai.applies,
      systemicRisk: gpai.systemicRisk,
      get openQuestions() {
        return (open ??= openOf());
      },
    };
  }

  const duties: DutyResult[] = [];
  const notices: DutyResult[] = [];
  for (const { duty, when, guard, from, articles } of compiled.duties) {
    // Most duties start with their regime's scope term, computed once and memoised: a false guard
    // settles the duty without walking its condition.
    if (guard !== undefined && guard.eval(state) === F) continue;
    const v = when.eval(state);
    if (v === F) continue;
    const fromDate = dateOf(duty, from, state);
    // An anticipated item is not operative on any date: it waits for implementing measures.
    const appliesNow = duty.kind !== 'anticipated' && date >= fromDate;
    const r: DutyResult =
      v === T
        ? {
            id: duty.id,
            regime: duty.regime,
            kind: duty.kind,
            mandatory: duty.kind === 'duty',
            article: duty.article,
            articles,
            from: fromDate,
            appliesNow,
            certain: true,
            ...(duty.showAnswers ? { decidedBy: factsOf(rs, p, when, state, T) } : {}),
          }
        : new UncertainDuty(duty, articles, fromDate, appliesNow, p, when, state);
    (duty.kind === 'notice' ? notices : duties).push(r);
  }

  // Tiers are listed strictest first, so possible[0] is a regime's worst case and the last its best.
  let worst = 0;
  let atLeast = 0;
  for (const regime of REGIMES) {
    const poss = regimes[regime].possible;
    worst = Math.max(worst, LEVEL_RANK[poss[0]!]);
    atLeast = Math.max(atLeast, LEVEL_RANK[poss[poss.length - 1]!]);
  }
  const decidedBy = worst > 0 ? REGIMES.filter((r) => LEVEL_RANK[regimes[r].possible[0]!] === worst) : [];
  const subject: Assessment['subject'] = {};
  const company = valueOf(rs, state, 'company_name');
  const product = valueOf(rs, state, 'product_name');
  if (typeof company === 'string') subject.company = company;
  if (typeof product === 'string') subject.product = product;

  return {
    ruleSet: { version: rs.version, date: rs.date },
    assessedOn: date,
    subject,
    overall: worst === atLeast ? RANK_LEVEL[worst]! : 'needs_review',
    overallDetail: { worstCase: RANK_LEVEL[worst]!, atLeast: RANK_LEVEL[atLeast]!, regimes: decidedBy },
    regimes,
    gpai,
    duties,
    notices,
    conflicts: fired.length ? fired.map((i) => conflictOf(rs, i)) : [],
    unanswered,
  };
}

interface CompiledRules {
  tiers: Record<Regime, { file: RegimeTiers; nodes: (Node | undefined)[]; notes: (Node[] | undefined)[]; findings: Node[] }>;
  duties: { duty: Duty; when: Node; guard?: Node; from: { when?: Node; date: string }[]; articles: readonly string[] }[];
}

const compiledCache = new WeakMap<RuleSet, CompiledRules>();

function compiledOf(rs: RuleSet, p: Program): CompiledRules {
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

function decideRegime(rs: RuleSet, p: Program, compiled: CompiledRules, state: EvalState, regime: Regime, date: string, conflicts: readonly number[]): RegimeResult {
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

/** A duty that applies only if open questions are settled one way; what it depends on is computed on first read. */
class UncertainDuty implements DutyResult {
  readonly id: string;
  readonly regime: DutyRegime;
  readonly kind: DutyKind;
  readonly mandatory: boolean;
  readonly article: string;
  readonly certain = false;
  // What the duty depends on is worked out from these on first read (then they are let go).
  #p: Program | undefined;
  #node: Node | undefined;
  #state: EvalState | undefined;
  #dependsOn: string[] | undefined;

  constructor(duty: Duty, readonly articles: readonly string[], readonly from: string, readonly appliesNow: boolean, p: Program, node: Node, state: EvalState) {
    this.id = duty.id;
    this.regime = duty.regime;
    this.kind = duty.kind;
    this.mandatory = duty.kind === 'duty';
    this.article = duty.article;
    this.#p = p;
    this.#node = node;
    this.#state = state;
  }

  get dependsOn(): string[] {
    if (!this.#dependsOn) {
      this.#dependsOn = supportIds(this.#p!, this.#node!, this.#state!, U);
      this.#p = this.#node = this.#state = undefined;
    }
    return this.#dependsOn;
  }

  toJSON(): DutyResult {
    const { id, regime, kind, mandatory, article, articles, from, appliesNow, certain, dependsOn } = this;
    return { id, regime, kind, mandatory, article, articles, from, appliesNow, certain, dependsOn };
  }
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

interface Explanation {
  reasons: Reason[];
  ruledOut: Reason[];
  openQuestions: OpenQuestion[];
}

interface ExplainInputs {
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
function explainRegime({ rs, p, state, regime, compiled, values, firstTrue, possible, date, conflicts }: ExplainInputs): Explanation {
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

const NONE: string[] = [];
const NO_CONFLICTS: readonly number[] = [];
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

function addAll(m: Map<number, Set<string>>, qi: number, arts: readonly string[]): void {
  let s = m.get(qi);
  if (!s) m.set(qi, (s = new Set()));
  for (const a of arts) s.add(a);
}

function openQuestionList(rs: RuleSet, state: EvalState, open: Map<number, Set<string>>): OpenQuestion[] {
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
function factsOf(rs: RuleSet, p: Program, node: Node, state: EvalState, v: K): AnswerFact[] {
  const s = new Set<number>();
  p.support(node, state, v, s);
  return facts(rs, state, s);
}

/** The ids of the questions whose answers gave `node` the value `v`, in questionnaire order. */
function supportIds(p: Program, node: Node, state: EvalState, v: K): string[] {
  const s = new Set<number>();
  p.support(node, state, v, s);
  return [...s].sort((a, b) => a - b).map((qi) => p.rs.questions[qi]!.id);
}

function refValue(p: Program, state: EvalState, name: string): K {
  const idx = p.refIndex.get(name);
  if (idx === undefined) return F;
  return p.refNodes[idx]!.eval(state);
}

function tri(v: K): Tri {
  return v === U ? 'needs_review' : v === T;
}

function dateOf(duty: Duty, from: { when?: Node; date: string }[], state: EvalState): string {
  // The earliest date that may apply: a cautious reading when an open answer decides the date.
  let best: string | undefined;
  for (const e of from) {
    const v = e.when ? e.when.eval(state) : T;
    if (v === F) continue;
    if (best === undefined || e.date < best) best = e.date;
    if (v === T) break;
  }
  return best ?? (typeof duty.from === 'string' ? duty.from : duty.from[duty.from.length - 1]!.date);
}

function valueOf(rs: RuleSet, state: EvalState, id: string): AnswerValue | undefined {
  const q = rs.questionById.get(id);
  return q ? state.values[q.index] : undefined;
}
