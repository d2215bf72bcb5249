/**
 * `classify <files…> [--format json|csv|pdf] [--out DIR] [--lang en|zh-CN] [--date YYYY-MM-DD]`: one
 * result per record (for pdf, one file per record in DIR: pdf-files.ts). Bad records are named on
 * stderr (file, record, field) and the others are still classified; exit status 1 when any record
 * was bad, 0 otherwise.
 */
import { csvDocument } from '../lib/csv';
import { assess } from '../engine/assess';
import type { AnswerValue } from '../engine/program';
import type { RuleSet } from '../engine/ruleset';
import type { AssessmentRecord, DutyStatus } from '../report/assessment-file';
import type { Lang } from '../engine/schema';
import type { TFunction } from '../i18n/i18n';
import { type Report, formatAnswerError, present, withCohort } from '../result/present';
import { type InputProblem, readInputFile } from './inputs';

export type OutputFormat = 'json' | 'csv' | 'pdf';

export interface ClassifyOptions {
  files: string[];
  format: OutputFormat;
  lang: Lang;
  date: string;
}

/** What a report was made from: the answers, and from an app export the assessor and duty statuses. */
export interface ClassifiedInput {
  answers: Record<string, AnswerValue>;
  duties: Record<string, DutyStatus>;
  assessor?: string;
  /** Company and product from an answer file's `meta` (used where the answers do not name them). */
  meta: Record<string, string>;
  /** The whole assessment when the input was a file the app exported. */
  assessment?: AssessmentRecord;
}

export interface ClassifyOutcome {
  reports: Report[];
  /** Parallel to `reports`. */
  inputs: ClassifiedInput[];
  /** One line per bad record, in the user's language. */
  problems: string[];
}

export function classify(rs: RuleSet, opts: ClassifyOptions, t: TFunction): ClassifyOutcome {
  const reports: Report[] = [];
  const inputs: ClassifiedInput[] = [];
  const problems: string[] = [];
  const where = (p: { file: string; record?: number; field?: string }) =>
    [p.file, p.record !== undefined ? `record ${p.record}` : undefined, p.field ? `field ${p.field}` : undefined].filter(Boolean).join(': ');
  const problem = (p: InputProblem) => problems.push(`${where(p)}: ${t(p.key, p.params)}`);

  for (const file of opts.files) {
    const { records, problems: readProblems } = readInputFile(file, rs);
    readProblems.forEach(problem);
    for (const rec of records) {
      const res = assess(rs, rec.answers, { date: opts.date });
      if (!res.ok) {
        for (const e of res.errors) problems.push(`${where({ file, record: rec.record, field: e.question })}: ${formatAnswerError(e, t)}`);
        continue;
      }
      const report = withCohort(present(rs, res.assessment, opts.lang, t), rec.assessment?.cohort);
      report.source = { file, record: rec.record };
      if (!report.subject.company && rec.meta.company) report.subject.company = rec.meta.company;
      if (!report.subject.product && rec.meta.product) report.subject.product = rec.meta.product;
      reports.push(report);
      inputs.push({
        answers: rec.answers as Record<string, AnswerValue>,
        duties: rec.duties ?? {},
        ...(rec.meta.assessor ? { assessor: rec.meta.assessor } : {}),
        meta: rec.meta,
        ...(rec.assessment ? { assessment: rec.assessment } : {}),
      });
    }
  }
  return { reports, inputs, problems };
}

export const CSV_COLUMNS = [
  'file', 'record', 'company', 'product', 'assessed_on', 'rule_set_version', 'overall',
  'SH', 'SH_worst_case', 'SZ', 'SZ_worst_case', 'EU', 'EU_worst_case', 'gpai', 'gpai_systemic_risk',
  'prohibited', 'duties_mandatory', 'duties_encouraged', 'duties_applying_now', 'duty_ids',
] as const;

/** One row per assessment, written by the project's CSV rule (lib/csv.ts: formula cells neutralised). */
export function toCsv(reports: Report[]): string {
  const rows = reports.map((r) => {
    const prohibited = (['SH', 'SZ', 'EU'] as const).some((g) => r.regimes[g].possible.some((x) => x === 'prohibited' || x === 'unacceptable'));
    return [
      r.source?.file ?? '', r.source?.record ?? '', r.subject.company ?? '', r.subject.product ?? '', r.assessedOn, r.ruleSet.version, r.overall,
      r.regimes.SH.tier, r.regimes.SH.worstCase ?? '', r.regimes.SZ.tier, r.regimes.SZ.worstCase ?? '', r.regimes.EU.tier, r.regimes.EU.worstCase ?? '',
      String(r.gpai.applies), String(r.gpai.systemicRisk), prohibited ? 'yes' : 'no',
      r.duties.filter((d) => d.mandatory).length, r.duties.filter((d) => !d.mandatory).length, r.duties.filter((d) => d.appliesNow).length,
      r.duties.map((d) => d.id).join(' '),
    ];
  });
  return csvDocument(CSV_COLUMNS, rows);
}
