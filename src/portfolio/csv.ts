/**
 * The portfolio as CSV, for the app's "Export CSV" and the command line's portfolio.csv, written by the
 * project's one CSV rule (`lib/csv.ts`: BOM, CRLF, quoting, formula neutralisation).
 *
 * Two forms of one table: for people, headers, tiers and yes/no in the reader's language and dates
 * written as everywhere else in the app (an assessment not started shows no tiers and no duty counts);
 * with `codes`, the machine codes (tier ids, ISO instants, every count) for scripts. Company first; the
 * record id last.
 */
import { csvDocument } from '../lib/csv';
import { formatInstant } from '../lib/instants';
import type { Lang } from '../engine';
import type { TFunction } from '../i18n/i18n';
import type { PortfolioRow } from './rows';

export const PORTFOLIO_CSV_COLUMNS = [
  'company', 'product', 'title', 'incubator', 'cohort', 'assessor', 'overall',
  'SH', 'SH_worst_case', 'SZ', 'SZ_worst_case', 'EU', 'EU_worst_case', 'prohibited', 'started', 'complete', 'conflicts',
  'duties_open_now', 'duties_overdue', 'duties_open', 'duties', 'duties_mandatory', 'duties_encouraged', 'duties_anticipated', 'duties_todo', 'duties_in_progress', 'duties_done', 'duties_not_applicable',
  'updated_at', 'rule_set_version', 'rule_set_sha256', 'source', 'id',
] as const;
export type PortfolioCsvColumn = (typeof PORTFOLIO_CSV_COLUMNS)[number];

export type CsvForm = { codes: true } | { codes?: false; lang: Lang; t: TFunction };

/** A row's cells, column by column, as codes. */
function codeCells(r: PortfolioRow, ruleSetVersion: string, digest: string): Record<PortfolioCsvColumn, string | number> {
  return {
    company: r.company, product: r.product, title: r.title ?? '', incubator: r.cohort?.incubator ?? '', cohort: r.cohort?.label ?? '', assessor: r.assessor ?? '', overall: r.overall,
    SH: r.tiers.SH, SH_worst_case: r.worstCase.SH ?? '', SZ: r.tiers.SZ, SZ_worst_case: r.worstCase.SZ ?? '', EU: r.tiers.EU, EU_worst_case: r.worstCase.EU ?? '',
    prohibited: r.prohibited, started: r.started ? 'yes' : 'no', complete: r.complete ? 'yes' : 'no', conflicts: r.conflicts,
    duties_open_now: r.duties.openNow, duties_overdue: r.duties.overdue, duties_open: r.duties.open, duties: r.duties.total,
    duties_mandatory: r.kinds.duty, duties_encouraged: r.kinds.encouraged, duties_anticipated: r.kinds.anticipated,
    duties_todo: r.duties.todo, duties_in_progress: r.duties.in_progress, duties_done: r.duties.done, duties_not_applicable: r.duties.not_applicable,
    updated_at: r.updatedAt, rule_set_version: ruleSetVersion, rule_set_sha256: digest, source: r.source ?? '', id: r.id,
  };
}

const TIER_COLUMNS = new Set<PortfolioCsvColumn>(['overall', 'SH', 'SH_worst_case', 'SZ', 'SZ_worst_case', 'EU', 'EU_worst_case']);
const YES_NO_COLUMNS = new Set<PortfolioCsvColumn>(['started', 'complete']);
/** What an assessment not started leaves empty for people: tiers and counts would all be "open". */
const NOT_STARTED_EMPTY = new Set<PortfolioCsvColumn>([...TIER_COLUMNS, 'prohibited', 'conflicts', ...PORTFOLIO_CSV_COLUMNS.filter((c) => c.startsWith('duties'))]);

function readableCells(r: PortfolioRow, ruleSetVersion: string, digest: string, lang: Lang, t: TFunction): string[] {
  const codes = codeCells(r, ruleSetVersion, digest);
  return PORTFOLIO_CSV_COLUMNS.map((c) => {
    const v = codes[c];
    if (!r.started && NOT_STARTED_EMPTY.has(c)) return '';
    if (TIER_COLUMNS.has(c)) return v === '' ? '' : t(`result:tier.${String(v)}`);
    if (c === 'prohibited') return t(`portfolio:prohibited.${r.prohibited}`);
    if (YES_NO_COLUMNS.has(c)) return t(`portfolio:csv.${String(v)}`);
    if (c === 'updated_at') return formatInstant(r.updatedAt, lang, { time: true, placeholder: '' });
    return String(v);
  });
}

/** The CSV of `rows`, naming the rule set (its version and SHA-256: a RuleSet will do) in every row. */
export function portfolioCsv(rows: readonly PortfolioRow[], ruleSet: { version: string; digest: string }, form: CsvForm): string {
  const { version: ruleSetVersion, digest } = ruleSet;
  if (form.codes) return csvDocument(PORTFOLIO_CSV_COLUMNS, rows.map((r) => PORTFOLIO_CSV_COLUMNS.map((c) => codeCells(r, ruleSetVersion, digest)[c])));
  const { lang, t } = form;
  const head = PORTFOLIO_CSV_COLUMNS.map((c) => t(`portfolio:csv.col.${c}`));
  return csvDocument(head, rows.map((r) => readableCells(r, ruleSetVersion, digest, lang, t)));
}
