/**
 * The assessment file: what the app exports, imports and keeps in the browser's storage. Versioned
 * (`schemaVersion`, and the rule-set version it was made under); validated on the way in by the
 * engine's own answer checks, so a bad file is refused with specific reasons and changes nothing.
 * Pure: no browser API.
 */
import { parseAnswers } from '../engine/answers';
import type { AnswerValue } from '../engine/program';
import type { RuleSet } from '../engine/ruleset';
import type { AnswerError } from '../engine/answers';
import type { Step } from '../questionnaire/machine';
import { compareVersions, diffResults, isEmptyDiff, isResultSummary, type ResultDiff, type ResultSummary } from './result-summary';

/** What a file's answers come to under the current rule set (summarize.ts `summarizer`): needed only to say what a newer rule set changes. */
export type Summarize = (answers: Record<string, AnswerValue>, date: string) => ResultSummary | undefined;

export const FILE_FORMAT = 'ai-risk-self-assessment';
/**
 * 2 added `title`, `cohort` and `baseline` to the assessment and `result` to the file. Version 1 files
 * are read through `MIGRATIONS` (nothing in them changes meaning).
 */
export const FILE_SCHEMA_VERSION = 2;
const MIGRATIONS: Record<number, (data: Record<string, unknown>) => Record<string, unknown>> = {
  1: (data) => ({ ...data, schemaVersion: 2 }),
};
/** Files larger than this are refused before parsing (an assessment is a few kilobytes). */
export const MAX_FILE_BYTES = 1_000_000;

export const DUTY_STATUSES = ['todo', 'in_progress', 'done', 'not_applicable'] as const;
export type DutyStatusName = (typeof DUTY_STATUSES)[number];
export interface DutyStatus {
  status: DutyStatusName;
  note?: string;
}
export const MAX_NOTE_LENGTH = 2000;
/** Title, assessor, incubator and cohort label: one line each. */
export const MAX_LABEL_LENGTH = 200;

/** The group an incubator invited the assessment into (from its invite link); it travels in every export. */
export interface Cohort {
  incubator: string;
  label: string;
}

/** One assessment as the app holds it. */
export interface AssessmentRecord {
  id: string;
  /** The owner's own name for it in the portfolio (otherwise company · product). */
  title?: string;
  assessor?: string;
  cohort?: Cohort;
  answers: Record<string, AnswerValue>;
  step: Step;
  duties: Record<string, DutyStatus>;
  createdAt: string;
  updatedAt: string;
  /** What it came to under the earlier rule set it was made with: kept so the change can be compared. */
  baseline?: { ruleSetVersion: string; result: ResultSummary };
}

export interface AssessmentFile {
  format: typeof FILE_FORMAT;
  schemaVersion: typeof FILE_SCHEMA_VERSION;
  ruleSet: { version: string; date: string };
  exportedAt: string;
  assessment: AssessmentRecord;
  /** The result under `ruleSet`, for whoever reads the file under another rule-set version. */
  result?: ResultSummary;
}

export type FileProblemCode =
  | 'too_large'
  | 'unreadable'
  | 'empty'
  | 'bad_json'
  | 'not_object'
  | 'forbidden_key'
  | 'wrong_format'
  | 'unsupported_schema'
  | 'unknown_field'
  | 'bad_rule_set'
  | 'newer_rule_set'
  | 'bad_field'
  | 'bad_answers'
  | 'bad_duty';

export interface FileProblem {
  code: FileProblemCode;
  /** Values for the message (field name, versions, JSON error...). */
  params: Record<string, string | number>;
  /** For bad_answers: the engine's answer error. */
  answerError?: AnswerError;
}

export const FILE_NOTICE_CODES = [
  'other_rule_set',
  'unknown_duty_dropped',
  'old_answer_dropped',
  'rule_set_overall',
  'rule_set_tier',
  'rule_set_duty_added',
  'rule_set_duty_removed',
  'rule_set_no_change',
] as const;
export type FileNoticeCode = (typeof FILE_NOTICE_CODES)[number];

export interface FileNotice {
  code: FileNoticeCode;
  params: Record<string, string | number>;
}

export type ReadResult =
  | { ok: true; record: AssessmentRecord; notices: FileNotice[]; ruleSetVersion: string }
  | { ok: false; problems: FileProblem[] };

/** The file shape; `result` (summarize.ts `exportFile` computes it) lets a later rule set say what it changes. */
export function toFile(rs: RuleSet, record: AssessmentRecord, now = new Date(), result?: ResultSummary): AssessmentFile {
  return {
    format: FILE_FORMAT,
    schemaVersion: FILE_SCHEMA_VERSION,
    ruleSet: { version: rs.version, date: rs.date },
    exportedAt: now.toISOString(),
    assessment: record,
    ...(result ? { result } : {}),
  };
}

/** A piece of a file name safe on every system: letters and digits of any script, runs of anything else as "-". */
export function fileStem(s: string, max = 60): string {
  return s.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, max).replace(/-+$/, '');
}

/** What the assessment is called: its title, or the company and product it is about. */
export function displayName(record: AssessmentRecord): string {
  if (record.title) return record.title;
  return [record.answers.company_name, record.answers.product_name].filter((v) => typeof v === 'string' && v.trim()).join(' · ');
}

export function fileName(record: AssessmentRecord, product: string | undefined): string {
  return `${fileStem(record.title ?? product ?? '') || 'assessment'}-${record.updatedAt.slice(0, 10)}.ai-risk.json`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const STEP = /^(intro|review|result|section:[a-z][a-z0-9_.]*)$/;
const VERSION = /^\d{1,6}\.\d{1,6}\.\d{1,6}$/;
const FILE_FIELDS = ['format', 'schemaVersion', 'ruleSet', 'exportedAt', 'assessment', 'result'];
const RECORD_FIELDS = ['id', 'title', 'assessor', 'cohort', 'answers', 'step', 'duties', 'createdAt', 'updatedAt', 'baseline'];
/** Keys that mean something to JavaScript objects: refused wherever they appear in a file. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** One line of text a person typed: no control characters, at most MAX_LABEL_LENGTH. */
const isLabel = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= MAX_LABEL_LENGTH && !/\p{Cc}/u.test(v);

/** Reads a file's text into an assessment, or says precisely why not. */
export function readAssessmentFile(rs: RuleSet, text: string, summarize?: Summarize): ReadResult {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_FILE_BYTES) return fail('too_large', { bytes, max: MAX_FILE_BYTES });
  if (!text.trim()) return fail('empty', {});
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail('bad_json', { reason: (e as Error).message });
  }
  return readAssessmentData(rs, data, summarize);
}

/** The path of the first key in `data` that JavaScript treats specially, if any (walked without recursion). */
function forbiddenKeyPath(data: unknown): string | undefined {
  const stack: [unknown, string][] = [[data, '']];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    for (const k of Object.keys(v)) {
      const p = Array.isArray(v) ? `${path}[${k}]` : path ? `${path}.${k}` : k;
      if (!Array.isArray(v) && FORBIDDEN_KEYS.has(k)) return p;
      stack.push([(v as Record<string, unknown>)[k], p]);
    }
  }
  return undefined;
}

/** The same checks on already-parsed data (the browser's storage holds the same shape). */
export function readAssessmentData(rs: RuleSet, input: unknown, summarize?: Summarize): ReadResult {
  if (!isObject(input)) return fail('not_object', {});
  const forbidden = forbiddenKeyPath(input);
  if (forbidden !== undefined) return fail('forbidden_key', { path: forbidden.slice(0, 120) });
  if (input.format !== FILE_FORMAT) return fail('wrong_format', { expected: FILE_FORMAT, got: String(input.format ?? '').slice(0, 80) });
  let data = input;
  for (let v = data.schemaVersion; typeof v === 'number' && MIGRATIONS[v]; v = data.schemaVersion) data = MIGRATIONS[v]!(data);
  if (data.schemaVersion !== FILE_SCHEMA_VERSION) return fail('unsupported_schema', { got: String(input.schemaVersion ?? '').slice(0, 20), supported: FILE_SCHEMA_VERSION });
  const extra = Object.keys(data).filter((k) => !FILE_FIELDS.includes(k));
  if (extra.length) return { ok: false, problems: extra.map((k) => ({ code: 'unknown_field', params: { field: k.slice(0, 80) } })) };
  const ruleSet = data.ruleSet;
  if (!isObject(ruleSet) || typeof ruleSet.version !== 'string' || !VERSION.test(ruleSet.version)) return fail('bad_rule_set', {});
  const fileVersion = ruleSet.version;
  const order = compareVersions(fileVersion, rs.version);
  if (order > 0) return fail('newer_rule_set', { file: fileVersion, current: rs.version });
  const older = order < 0;
  const a = data.assessment;
  if (!isObject(a)) return fail('bad_field', { field: 'assessment' });

  const problems: FileProblem[] = [];
  const field = (name: string) => problems.push({ code: 'bad_field', params: { field: `assessment.${name}` } });
  for (const k of Object.keys(a)) if (!RECORD_FIELDS.includes(k)) problems.push({ code: 'unknown_field', params: { field: `assessment.${k.slice(0, 80)}` } });
  if (typeof a.id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(a.id)) field('id');
  for (const k of ['title', 'assessor'] as const) if (a[k] !== undefined && a[k] !== '' && !isLabel(a[k])) field(k);
  const cohort = a.cohort;
  if (cohort !== undefined && (!isObject(cohort) || !isLabel(cohort.incubator) || !isLabel(cohort.label) || Object.keys(cohort).length !== 2)) field('cohort');
  if (typeof a.step !== 'string' || !STEP.test(a.step)) field('step');
  for (const k of ['createdAt', 'updatedAt'] as const) if (typeof a[k] !== 'string' || !ISO.test(a[k] as string)) field(k);
  const baseline = a.baseline;
  if (baseline !== undefined && (!isObject(baseline) || typeof baseline.ruleSetVersion !== 'string' || !VERSION.test(baseline.ruleSetVersion) || !isResultSummary(baseline.result))) field('baseline');
  if (data.result !== undefined && !isResultSummary(data.result)) problems.push({ code: 'bad_field', params: { field: 'result' } });

  const notices: FileNotice[] = [];
  // Under an older rule set, answers to questions (or options) the current one no longer has are
  // dropped with a notice; every other answer error, and any under the same version, refuses the file.
  const answers = isObject(a.answers) ? { ...a.answers } : a.answers;
  if (older && isObject(answers)) {
    for (let round = 0; round < 3; round++) {
      const stale = parseAnswers(rs, answers).errors.filter((e) => e.question && (e.code === 'unknown_question' || e.code === 'unknown_option' || e.code === 'not_asked'));
      if (!stale.length) break;
      for (const e of stale) {
        delete (answers as Record<string, unknown>)[e.question!];
        notices.push({ code: 'old_answer_dropped', params: { question: e.question!.slice(0, 80) } });
      }
    }
  }
  const { errors } = parseAnswers(rs, answers);
  for (const e of errors) problems.push({ code: 'bad_answers', params: { question: e.question ?? '' }, answerError: e });

  const duties: Record<string, DutyStatus> = {};
  if (a.duties !== undefined && !isObject(a.duties)) field('duties');
  else {
    const known = new Set(rs.duties.map((d) => d.id));
    for (const [id, v] of Object.entries(a.duties ?? {})) {
      if (!isObject(v) || !(DUTY_STATUSES as readonly unknown[]).includes(v.status) || (v.note !== undefined && (typeof v.note !== 'string' || v.note.length > MAX_NOTE_LENGTH))) {
        problems.push({ code: 'bad_duty', params: { duty: id.slice(0, 80) } });
        continue;
      }
      if (!known.has(id)) {
        notices.push({ code: 'unknown_duty_dropped', params: { duty: id.slice(0, 80) } });
        continue;
      }
      duties[id] = v.note ? { status: v.status as DutyStatusName, note: v.note } : { status: v.status as DutyStatusName };
    }
  }
  if (problems.length) return { ok: false, problems };

  const record: AssessmentRecord = {
    id: a.id as string,
    ...(a.title ? { title: a.title as string } : {}),
    ...(a.assessor ? { assessor: a.assessor as string } : {}),
    ...(isObject(cohort) ? { cohort: { incubator: cohort.incubator as string, label: cohort.label as string } } : {}),
    answers: Object.fromEntries(Object.entries(answers as Record<string, AnswerValue>).filter(([, v]) => v !== null && v !== undefined)),
    step: a.step as Step,
    duties,
    createdAt: a.createdAt as string,
    updatedAt: a.updatedAt as string,
    ...(isObject(baseline) ? { baseline: baseline as AssessmentRecord['baseline'] & object } : {}),
  };
  if (older) {
    notices.unshift({ code: 'other_rule_set', params: { file: fileVersion, current: rs.version } });
    const before = data.result as ResultSummary | undefined;
    const after = summarize?.(record.answers, record.updatedAt.slice(0, 10));
    if (before && after) notices.push(...changeNotices(diffResults(before, after)));
    if (before && !record.baseline) record.baseline = { ruleSetVersion: fileVersion, result: before };
  }
  return { ok: true, notices, record, ruleSetVersion: fileVersion };
}

/** What the current rule set changes for an assessment, as notices (one per moved tier and changed duty). */
function changeNotices(d: ResultDiff): FileNotice[] {
  if (isEmptyDiff(d)) return [{ code: 'rule_set_no_change', params: {} }];
  return [
    ...(d.overall ? [{ code: 'rule_set_overall' as const, params: { from: d.overall.from, to: d.overall.to } }] : []),
    ...d.tiers.map((x) => ({ code: 'rule_set_tier' as const, params: { regime: x.regime, from: x.from, to: x.to } })),
    ...d.dutiesAdded.map((duty) => ({ code: 'rule_set_duty_added' as const, params: { duty } })),
    ...d.dutiesRemoved.map((duty) => ({ code: 'rule_set_duty_removed' as const, params: { duty } })),
  ];
}

function fail(code: FileProblemCode, params: FileProblem['params']): ReadResult {
  return { ok: false, problems: [{ code, params }] };
}

export function newRecord(now = new Date(), id = randomId()): AssessmentRecord {
  const ts = now.toISOString();
  return { id, answers: {}, step: 'intro', duties: {}, createdAt: ts, updatedAt: ts };
}

export function randomId(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
