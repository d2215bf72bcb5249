/**
 * `classify <files…> [--format json|ndjson|csv|pdf|docx|md] [--out DIR] [--lang en|zh-CN] [--date YYYY-MM-DD]`:
 * one result per record, handed on as soon as it is made (output.ts writes it), so that memory stays
 * flat however many records come in. Each file and each record is classified on its own: a bad record
 * is named (file, record, field) and the next one is read; a file that cannot be read is named and the
 * next file is read. Exit status 1 when any record was bad, 0 otherwise.
 */
import { assess, type AnswerValue, type Assessment, type Lang, type Regime, type RuleSet } from '../engine';
import type { TFunction } from '../i18n/i18n';
import type { CsvValue } from '../lib/csv';
import type { AssessmentRecord, DutyStatus, IssuedDocument } from '../assessment/record';
import { formatAnswerError } from '../report/answer-text';
import type { Report } from '../report/present';
import { presentSource } from '../report/pipeline';
import { type FsApi, type InputLimits, type InputProblem, LIMITS, readInput } from './inputs';

export type OutputFormat = 'json' | 'ndjson' | 'csv' | 'pdf' | 'docx' | 'md';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'ndjson', 'csv', 'pdf', 'docx', 'md'];
/** The formats written as one file per result into --out (the others go to standard output). */
export const FILE_FORMATS: readonly OutputFormat[] = ['pdf', 'docx', 'md'];

export interface ClassifyOptions {
  files: readonly string[];
  lang: Lang;
  date: string;
  /** Make the full report (present): JSON, NDJSON and the document formats need it; CSV does not. */
  reports: boolean;
  limits?: InputLimits;
  fs?: FsApi;
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
  /** The document the app last issued for it (an exported file's `assessment.issued`): a new one names it as replaced. */
  issued?: IssuedDocument;
}

/**
 * The fields one CSV row is made of: a Report has them all, and so has an engine Assessment with its
 * source (the CSV needs no explanation text, so it is written without making the report).
 */
export interface CsvSubject {
  source?: { file: string; record: number };
  subject: { company?: string; product?: string };
  assessedOn: string;
  ruleSet: { version: string; sha256?: string };
  overall: string;
  regimes: Record<Regime, { tier: string; worstCase?: string; possible: readonly string[] }>;
  gpai: { applies: unknown; systemicRisk: unknown };
  duties: readonly { id: string; kind: string; appliesNow: boolean }[];
  /** Answers that contradict each other or the law: every tier they touch is needs_review. */
  conflicts: readonly { id: string }[];
  /** Asked questions left without an answer (ids, or in a report the question and its text). */
  unanswered: readonly (string | { question: string })[];
}

export interface Classified {
  source: { file: string; record: number };
  /** The CSV row's fields (the report when one was made). */
  subject: CsvSubject;
  input: ClassifiedInput;
  report?: Report;
  /** The engine's evaluation (one per record: the CSV row, the report and the portfolio row read it). */
  evaluation: Assessment;
}

export interface ClassifyEvents {
  /** A good record's result; a promise when the caller must wait (output full). */
  result(c: Classified): Promise<void> | undefined | void;
  /** One line per problem, in the user's language (not yet made safe for a terminal: see text.ts). */
  problem(line: string): void;
  /**
   * A good record that is not complete: questions left unanswered, or answers that contradict each
   * other. The result is written all the same (its tiers say needs_review); the first WARN_RECORDS such
   * records are named one by one, then one line counts the rest.
   */
  warning?(line: string): void;
}

/** How many incomplete records are named one by one on the error stream before the rest are counted. */
export const WARN_RECORDS = 20;

const where = (p: { file: string; record?: number; field?: string }) =>
  [p.file, p.record !== undefined ? `record ${p.record}` : undefined, p.field ? `field ${p.field}` : undefined].filter(Boolean).join(': ');

/** An input problem as one line: where, then what. */
export const problemLine = (p: InputProblem, t: TFunction): string => `${where(p)}: ${t(p.key, p.params)}`;

/** Classifies every record of every file, in order; resolves with the counts. Never throws for bad input. */
export async function classifyFiles(rs: RuleSet, opts: ClassifyOptions, t: TFunction, on: ClassifyEvents): Promise<{ results: number; problems: number }> {
  let results = 0;
  let problems = 0;
  const report = (line: string) => {
    problems++;
    on.problem(line);
  };
  const assessOpts = { date: opts.date };
  const pt = memoT(t);
  let warned = 0;
  let unwarned = 0;
  const warnIncomplete = (s: CsvSubject) => {
    if (!on.warning || (!s.unanswered.length && !s.conflicts.length)) return;
    if (warned >= WARN_RECORDS) {
      unwarned++;
      return;
    }
    warned++;
    const at = where({ file: s.source!.file, record: s.source!.record });
    if (s.unanswered.length) {
      const ids = s.unanswered.map((u) => (typeof u === 'string' ? u : u.question));
      on.warning(t('cli:warning.incomplete', { where: at, count: ids.length, questions: ids.length > 6 ? `${ids.slice(0, 6).join(', ')}, …` : ids.join(', ') }));
    }
    if (s.conflicts.length) on.warning(t('cli:warning.conflicting', { where: at, conflicts: s.conflicts.map((c) => c.id).join(', ') }));
  };
  for (const file of opts.files) {
    for await (const item of readInput(file, rs, opts.limits ?? LIMITS, opts.fs)) {
      if (item.problem) {
        report(problemLine(item.problem, t));
        continue;
      }
      const rec = item.record;
      let c: Classified;
      try {
        const res = assess(rs, rec.answers, assessOpts);
        if (!res.ok) {
          for (const e of res.errors) report(`${where({ file, record: rec.record, field: e.question })}: ${formatAnswerError(e, t)}`);
          continue;
        }
        c = classified(rs, res.assessment, rec, opts, pt);
      } catch (e) {
        report(problemLine({ file, record: rec.record, key: 'cli:input.failed', params: { reason: e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 200) : String(e).slice(0, 200) } }, t));
        continue;
      }
      results++;
      warnIncomplete(c.subject);
      const wait = on.result(c);
      if (wait) await wait;
    }
  }
  if (unwarned) on.warning?.(t('cli:warning.moreIncomplete', { count: unwarned }));
  return { results, problems };
}

/**
 * `t` remembering the texts it made: a report asks for the same few labels (tier names) thousands of
 * times, and i18next takes microseconds for each (a fifth of the time of a JSON result, measured).
 */
export function memoT(t: TFunction): TFunction {
  const made = new Map<string, string>();
  const memo = (key: string | string[], params?: unknown): string => {
    if (typeof key !== 'string' || (params !== undefined && typeof params !== 'object')) return t(key as string, params as never) as unknown as string;
    const k = params === undefined ? key : `${key}\u0000${JSON.stringify(params)}`;
    let s = made.get(k);
    if (s === undefined) {
      s = t(key, params as never) as unknown as string;
      if (made.size < 10_000) made.set(k, s);
    }
    return s;
  };
  return memo as unknown as TFunction;
}

function classified(rs: RuleSet, a: Assessment, rec: { file: string; record: number; meta: Record<string, string>; answers: unknown; duties?: Record<string, DutyStatus>; assessment?: AssessmentRecord }, opts: ClassifyOptions, t: TFunction): Classified {
  const source = { file: rec.file, record: rec.record };
  const company = a.subject.company || rec.meta.company;
  const product = a.subject.product || rec.meta.product;
  const input: ClassifiedInput = {
    answers: rec.answers as Record<string, AnswerValue>,
    duties: rec.duties ?? {},
    ...(rec.meta.assessor ? { assessor: rec.meta.assessor } : {}),
    meta: rec.meta,
    ...(rec.assessment ? { assessment: rec.assessment } : {}),
    ...(rec.assessment?.issued ? { issued: rec.assessment.issued } : {}),
  };
  if (opts.reports) {
    const report = presentSource(rs, { ...input, ...(rec.assessment?.cohort ? { cohort: rec.assessment.cohort } : {}) }, { ok: true, assessment: a }, opts.lang, t);
    report.source = source;
    return { source, subject: report, input, report, evaluation: a };
  }
  const subject: CsvSubject = {
    source,
    subject: { ...(company ? { company } : {}), ...(product ? { product } : {}) },
    assessedOn: a.assessedOn,
    ruleSet: { ...a.ruleSet, ...(rs.digest ? { sha256: rs.digest } : {}) },
    overall: a.overall,
    regimes: a.regimes,
    gpai: a.gpai,
    duties: a.duties,
    conflicts: a.conflicts,
    unanswered: a.unanswered,
  };
  return { source, subject, input, evaluation: a };
}

/** For `--format pdf|docx|md` and `portfolio`: every result held (the files are made afterwards; PDFs on all cores). */
export async function classifyAll(rs: RuleSet, opts: Omit<ClassifyOptions, 'reports'>, t: TFunction, onProblem?: (line: string) => void, onWarning?: (line: string) => void) {
  const reports: Report[] = [];
  const inputs: ClassifiedInput[] = [];
  const evaluations: Assessment[] = [];
  const problems: string[] = [];
  await classifyFiles(rs, { ...opts, reports: true }, t, {
    result: (c) => {
      reports.push(c.report!);
      inputs.push(c.input);
      evaluations.push(c.evaluation);
    },
    problem: (line) => {
      problems.push(line);
      onProblem?.(line);
    },
    ...(onWarning ? { warning: onWarning } : {}),
  });
  return { reports, inputs, evaluations, problems };
}

const PROHIBITED = new Set(['prohibited', 'unacceptable']);
const yesNo = (b: boolean) => (b ? 'yes' : 'no');

/**
 * The CSV columns, in order: a name and how its cell is read from a result. A new column is one more
 * entry here (the header and every row follow).
 */
export const CSV_COLUMNS: readonly { name: string; cell: (r: CsvSubject) => CsvValue }[] = [
  { name: 'file', cell: (r) => r.source?.file ?? '' },
  { name: 'record', cell: (r) => r.source?.record ?? '' },
  { name: 'company', cell: (r) => r.subject.company ?? '' },
  { name: 'product', cell: (r) => r.subject.product ?? '' },
  { name: 'assessed_on', cell: (r) => r.assessedOn },
  { name: 'rule_set_version', cell: (r) => r.ruleSet.version },
  { name: 'rule_set_sha256', cell: (r) => r.ruleSet.sha256 ?? '' },
  { name: 'overall', cell: (r) => r.overall },
  ...(['SH', 'SZ', 'EU'] as const).flatMap((g) => [
    { name: g, cell: (r: CsvSubject) => r.regimes[g].tier },
    { name: `${g}_worst_case`, cell: (r: CsvSubject) => r.regimes[g].worstCase ?? '' },
  ]),
  { name: 'gpai', cell: (r) => String(r.gpai.applies) },
  { name: 'gpai_systemic_risk', cell: (r) => String(r.gpai.systemicRisk) },
  { name: 'prohibited', cell: (r) => yesNo((['SH', 'SZ', 'EU'] as const).some((g) => r.regimes[g].possible.some((x) => PROHIBITED.has(x)))) },
  { name: 'duties_mandatory', cell: (r) => r.duties.filter((d) => d.kind === 'duty').length },
  { name: 'duties_encouraged', cell: (r) => r.duties.filter((d) => d.kind === 'encouraged').length },
  { name: 'duties_anticipated', cell: (r) => r.duties.filter((d) => d.kind === 'anticipated').length },
  { name: 'duties_applying_now', cell: (r) => r.duties.filter((d) => d.appliesNow).length },
  { name: 'duty_ids', cell: (r) => r.duties.map((d) => d.id).join(' ') },
  { name: 'conflicts', cell: (r) => r.conflicts.map((c) => c.id).join(' ') },
  { name: 'unanswered', cell: (r) => r.unanswered.map((u) => (typeof u === 'string' ? u : u.question)).join(' ') },
];
