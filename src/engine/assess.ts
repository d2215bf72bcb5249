/**
 * `assess(ruleSet, answers, { date })`: answers in, per regime the tier (or `needs_review` with the
 * strictest tier still possible and the questions to settle), the reasons that decided it, the GPAI
 * track, and the duties and notices with their dates. Pure: no I/O, no clock (the date is an input).
 */
import { type Answers, parseAnswers } from './answers';
import { conflictOf } from './consistency';
import { type AnswerValue, type EvalState, F, type K, programOf, T, U } from './program';
import type { RuleSet } from './ruleset';
import { REGIMES, type Regime, type TierName } from './constants';
import type { Assessment, AssessOptions, AssessResult, DutyResult, GpaiResult, OpenQuestion, OverallLevel, RegimeResult, Tri } from './assessment';
import { compiledOf, decideRegime, NO_CONFLICTS } from './regimes';
import { UncertainDuty, dateOf } from './duties';
import { addAll, factsOf, NONE, openQuestionList, refValue } from './explain';

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



function tri(v: K): Tri {
  return v === U ? 'needs_review' : v === T;
}


function valueOf(rs: RuleSet, state: EvalState, id: string): AnswerValue | undefined {
  const q = rs.questionById.get(id);
  return q ? state.values[q.index] : undefined;
}
