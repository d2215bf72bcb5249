/**
 * The one way from a record to every document: evaluate the answers (once per rule set, answers and
 * date), present the evaluation in one language, and hand the presented report with what the user
 * recorded beside it (duty statuses, assessor) to whichever document is made — the result page, the
 * PDF, the portfolio's zip, the command line's JSON, CSV and PDFs, and the tests.
 *
 * The date rule: an evaluation is made as of the day it is shown or written — today in the local
 * calendar, or the date the command line is given (`--date`).
 */
import { assess, memoOn, reassessmentTriggers, type AnswerValue, type AssessResult, type Lang, type RuleSet, type Trigger } from '../engine';
import { localIsoDate } from '../lib/dates';
import type { TFunction } from '../i18n/i18n';
import type { Cohort, DutyStatus, IssuedDocument } from '../assessment/record';
import { present, type Report } from './present';

/** The day an evaluation is made as of: the given date, else today (local calendar). */
export const evaluationDate = (date?: string): string => date ?? localIsoDate();

/** What a report is made from: a record of the app, or a record read by the command line. */
export interface ReportSource {
  answers: Readonly<Record<string, AnswerValue>>;
  duties?: Readonly<Record<string, DutyStatus>>;
  assessor?: string;
  cohort?: Cohort;
  /** Company and product when the answers do not name them (an answers file's `meta`). */
  meta?: { company?: string; product?: string };
  /** The document last issued for this assessment (the app records it on each download). */
  issued?: IssuedDocument;
}

/** What every document is made from, whatever its format. */
export interface DocumentInput {
  rs: RuleSet;
  /** The assessment made readable in one language (`presentSource`). */
  report: Report;
  answers: Readonly<Record<string, AnswerValue>>;
  /** Status and note per duty id, as the user recorded them. */
  duties: Readonly<Record<string, DutyStatus>>;
  assessor?: string;
  /** i18next `t` in the report's language. */
  t: TFunction;
  /** What would make a tier stricter: printed under the plan (documentInput computes it). */
  triggers?: readonly Trigger[];
  /** The document last issued for the same assessment: one with other content names it as the one it replaces. */
  issued?: IssuedDocument;
}

// One evaluation per rule set, answers object and date: the result page and the portfolio row of the
// same record share it (records are replaced, never mutated).
const evaluations = memoOn((_rs: RuleSet) => memoOn((_answers: Readonly<Record<string, AnswerValue>>) => new Map<string, AssessResult>()));

/** The engine's evaluation of `answers` as of `date` (see the date rule above). */
export function evaluate(rs: RuleSet, answers: Readonly<Record<string, AnswerValue>>, date?: string): AssessResult {
  const day = evaluationDate(date);
  const byDate = evaluations(rs)(answers);
  let r = byDate.get(day);
  if (!r) {
    r = assess(rs, answers, { date: day });
    byDate.set(day, r);
  }
  return r;
}

/** The report of a source: its evaluation presented in `lang`, with its cohort and, where the answers name none, the company and product of its meta. */
export function presentSource(rs: RuleSet, source: ReportSource, result: Extract<AssessResult, { ok: true }>, lang: Lang, t: TFunction): Report {
  const report = present(rs, result.assessment, lang, t);
  const company = report.subject.company || source.meta?.company;
  const product = report.subject.product || source.meta?.product;
  const cohort = source.cohort && { incubator: source.cohort.incubator, label: source.cohort.label };
  return {
    ...report,
    subject: { ...report.subject, ...(company ? { company } : {}), ...(product ? { product } : {}), ...(cohort ? { cohort } : {}) },
  };
}

/** Evaluates and presents in one step; undefined when the answers do not pass the rule set's checks. */
export function reportOf(rs: RuleSet, source: ReportSource, lang: Lang, t: TFunction, date?: string): Report | undefined {
  const r = evaluate(rs, source.answers, date);
  return r.ok ? presentSource(rs, source, r, lang, t) : undefined;
}

/** The input of every document (PDF, and the formats that follow it) for a presented report. */
export function documentInput(rs: RuleSet, source: ReportSource, report: Report, t: TFunction): DocumentInput {
  return {
    rs,
    report,
    answers: source.answers,
    duties: source.duties ?? {},
    ...(source.assessor ? { assessor: source.assessor } : {}),
    t,
    triggers: reassessmentTriggers(rs, source.answers, report.assessedOn),
    ...(source.issued ? { issued: source.issued } : {}),
  };
}
