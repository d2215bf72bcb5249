/**
 * The portfolio's rows: one line per assessment with what an incubator scans for — who, which cohort,
 * the level and tiers, whether anything is (or may be) prohibited, and how many duties are still open.
 * Built by the app from its stored assessments and by the command line from files. Pure.
 */
import { allAnswered, REGIMES, type AnswerValue, type AssessResult, type DutyKind, type OverallLevel, type Regime, type RegimeTier, type RuleSet, type TierName } from '../engine';
import { evaluate } from '../report/pipeline';
import { isOverdue, type AssessmentRecord, type Cohort, type DutyStatus, type DutyStatusName } from '../assessment/record';

export type Prohibited = 'yes' | 'possible' | 'no';

export interface PortfolioRow {
  id: string;
  title?: string;
  company: string;
  product: string;
  cohort?: Cohort;
  assessor?: string;
  overall: OverallLevel;
  tiers: Record<Regime, RegimeTier>;
  /** For a tier that needs review: the strictest still possible. */
  worstCase: Partial<Record<Regime, TierName>>;
  /** `yes` when a regime decides prohibited/unacceptable; `possible` when open answers could still make it so. */
  prohibited: Prohibited;
  /**
   * Duties and encouraged items by status; `open` = to do or in progress; `openNow` = open mandatory duties
   * that apply on the day; `overdue` = open mandatory duties whose due date (by default the date they
   * apply from) has passed.
   */
  duties: { total: number; open: number; openNow: number; overdue: number } & Record<DutyStatusName, number>;
  /** The duties by force: mandatory now or later, encouraged, anticipated (not yet law). */
  kinds: Record<Exclude<DutyKind, 'notice'>, number>;
  /** Answers that contradict each other or the law (each makes the tiers it touches needs_review). */
  conflicts: number;
  /** Time to assess again: made under an older rule set, or last changed more than 12 months ago. */
  reassess?: 'rule_set' | 'age';
  /** Any question answered: an assessment not started has no tiers worth showing (all would be "needs review"). */
  started: boolean;
  /** Every question the answers ask is answered. */
  complete: boolean;
  updatedAt: string;
  /** Where the row came from on the command line. */
  source?: string;
}

export interface RowInput {
  id: string;
  answers: Record<string, AnswerValue>;
  duties: Record<string, DutyStatus>;
  title?: string;
  cohort?: Cohort;
  assessor?: string;
  updatedAt: string;
  /** Company and product when the answers do not name them (answer files' `meta`). */
  company?: string;
  product?: string;
  source?: string;
  /** The rule-set version it was first made under, when older than the current one (its baseline). */
  madeUnder?: string;
}

const PROHIBITED = new Set<string>(['prohibited', 'unacceptable']);

/** Last changed more than 12 months before the day of the evaluation. */
function yearOld(updatedAt: string, today: string): boolean {
  const t = Date.parse(updatedAt);
  if (Number.isNaN(t)) return false;
  const limit = new Date(`${today}T00:00:00Z`);
  limit.setUTCFullYear(limit.getUTCFullYear() - 1);
  return t < limit.getTime();
}

/** The row, or undefined when the answers do not pass the rule set's checks. */
export function portfolioRow(rs: RuleSet, x: RowInput, evaluation: AssessResult): PortfolioRow | undefined {
  if (!evaluation.ok) return undefined;
  const a = evaluation.assessment;
  const counts = { total: a.duties.length, open: 0, openNow: 0, overdue: 0, todo: 0, in_progress: 0, done: 0, not_applicable: 0 };
  const kinds: PortfolioRow['kinds'] = { duty: 0, encouraged: 0, anticipated: 0 };
  for (const d of a.duties) {
    if (d.kind !== 'notice') kinds[d.kind]++;
    const s = x.duties[d.id]?.status ?? 'todo';
    counts[s]++;
    if (s === 'todo' || s === 'in_progress') {
      counts.open++;
      if (d.kind === 'duty' && d.appliesNow) counts.openNow++;
      if (d.kind === 'duty' && isOverdue(x.duties[d.id], d.from, a.assessedOn)) counts.overdue++;
    }
  }
  const decided = REGIMES.some((g) => PROHIBITED.has(a.regimes[g].tier));
  const possible = REGIMES.some((g) => a.regimes[g].possible.some((t) => PROHIBITED.has(t)));
  return {
    id: x.id,
    ...(x.title ? { title: x.title } : {}),
    company: a.subject.company ?? x.company ?? '',
    product: a.subject.product ?? x.product ?? '',
    ...(x.cohort ? { cohort: x.cohort } : {}),
    ...(x.assessor ? { assessor: x.assessor } : {}),
    overall: a.overall,
    tiers: Object.fromEntries(REGIMES.map((g) => [g, a.regimes[g].tier])) as Record<Regime, RegimeTier>,
    worstCase: Object.fromEntries(REGIMES.flatMap((g) => (a.regimes[g].worstCase ? [[g, a.regimes[g].worstCase]] : []))),
    prohibited: decided ? 'yes' : possible && Object.keys(x.answers).length > 0 ? 'possible' : 'no',
    duties: counts,
    kinds,
    conflicts: a.conflicts.length,
    ...(x.madeUnder ? { reassess: 'rule_set' as const } : yearOld(x.updatedAt, a.assessedOn) ? { reassess: 'age' as const } : {}),
    started: Object.keys(x.answers).length > 0,
    complete: allAnswered(rs, x.answers),
    updatedAt: x.updatedAt,
    ...(x.source ? { source: x.source } : {}),
  };
}

/** The row of a record, from its evaluation as of `date` (default today: the pipeline's date rule). */
export const recordRow = (rs: RuleSet, rec: AssessmentRecord, date?: string): PortfolioRow | undefined =>
  portfolioRow(rs, {
    id: rec.id,
    answers: rec.answers,
    duties: rec.duties,
    updatedAt: rec.updatedAt,
    ...(rec.title ? { title: rec.title } : {}),
    ...(rec.cohort ? { cohort: rec.cohort } : {}),
    ...(rec.assessor ? { assessor: rec.assessor } : {}),
    ...(rec.baseline ? { madeUnder: rec.baseline.ruleSetVersion } : {}),
  }, evaluate(rs, rec.answers, date));
