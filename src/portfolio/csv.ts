/**
 * The portfolio as CSV, for the app's "Export CSV" and the command line's portfolio.csv, written by the
 * project's one CSV rule (`lib/csv.ts`: BOM, CRLF, quoting, formula neutralisation).
 */
import { csvDocument } from '../lib/csv';
import { REGIMES } from '../engine';
import type { PortfolioRow } from './rows';

export const PORTFOLIO_CSV_COLUMNS = [
  'id', 'company', 'product', 'title', 'incubator', 'cohort', 'assessor', 'overall',
  'SH', 'SH_worst_case', 'SZ', 'SZ_worst_case', 'EU', 'EU_worst_case', 'prohibited', 'complete', 'conflicts',
  'duties', 'duties_mandatory', 'duties_encouraged', 'duties_anticipated', 'duties_open', 'duties_todo', 'duties_in_progress', 'duties_done', 'duties_not_applicable',
  'updated_at', 'rule_set_version', 'source',
] as const;

export function portfolioCsv(rows: readonly PortfolioRow[], ruleSetVersion: string): string {
  const data = rows.map((r) => [
    r.id, r.company, r.product, r.title ?? '', r.cohort?.incubator ?? '', r.cohort?.label ?? '', r.assessor ?? '', r.overall,
    ...REGIMES.flatMap((g) => [r.tiers[g], r.worstCase[g] ?? '']), r.prohibited, r.complete ? 'yes' : 'no', r.conflicts,
    r.duties.total, r.kinds.duty, r.kinds.encouraged, r.kinds.anticipated, r.duties.open, r.duties.todo, r.duties.in_progress, r.duties.done, r.duties.not_applicable,
    r.updatedAt, ruleSetVersion, r.source ?? '',
  ]);
  return csvDocument(PORTFOLIO_CSV_COLUMNS, data);
}
