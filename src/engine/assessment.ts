/**
 * What an assessment is: per regime the tier (or `needs_review` with the strictest tier still possible
 * and the questions to settle), the reasons, the GPAI track, the duties and notices with their dates.
 * Types only; `assess.ts` computes them.
 */
import type { Conflict } from './consistency';
import type { AnswerValue } from './program';
import type { DutyKind, DutyRegime, Regime, TierName } from './constants';
import type { AnswerError } from './answers';

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
