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

export const FILE_FORMAT = 'ai-risk-self-assessment';
export const FILE_SCHEMA_VERSION = 1;
/** Files larger than this are refused before parsing (an assessment is a few kilobytes). */
export const MAX_FILE_BYTES = 1_000_000;

export const DUTY_STATUSES = ['todo', 'in_progress', 'done', 'not_applicable'] as const;
export type DutyStatusName = (typeof DUTY_STATUSES)[number];
export interface DutyStatus {
  status: DutyStatusName;
  note?: string;
}
export const MAX_NOTE_LENGTH = 2000;

/** One assessment as the app holds it. */
export interface AssessmentRecord {
  id: string;
  assessor?: string;
  answers: Record<string, AnswerValue>;
  step: Step;
  duties: Record<string, DutyStatus>;
  createdAt: string;
  updatedAt: string;
}

export interface AssessmentFile {
  format: typeof FILE_FORMAT;
  schemaVersion: typeof FILE_SCHEMA_VERSION;
  ruleSet: { version: string; date: string };
  exportedAt: string;
  assessment: AssessmentRecord;
}

export type FileProblemCode =
  | 'too_large'
  | 'empty'
  | 'bad_json'
  | 'not_object'
  | 'wrong_format'
  | 'unsupported_schema'
  | 'bad_rule_set'
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

export interface FileNotice {
  code: 'other_rule_set' | 'unknown_duty_dropped';
  params: Record<string, string | number>;
}

export type ReadResult = { ok: true; record: AssessmentRecord; notices: FileNotice[] } | { ok: false; problems: FileProblem[] };

export function toFile(rs: RuleSet, record: AssessmentRecord, now = new Date()): AssessmentFile {
  return {
    format: FILE_FORMAT,
    schemaVersion: FILE_SCHEMA_VERSION,
    ruleSet: { version: rs.version, date: rs.date },
    exportedAt: now.toISOString(),
    assessment: record,
  };
}

/** A piece of a file name safe on every system: letters and digits of any script, runs of anything else as "-". */
export function fileStem(s: string, max = 60): string {
  return s.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, max).replace(/-+$/, '');
}

export function fileName(record: AssessmentRecord, product: string | undefined): string {
  return `${fileStem(product ?? '') || 'assessment'}-${record.updatedAt.slice(0, 10)}.ai-risk.json`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const STEP = /^(intro|review|result|section:[a-z][a-z0-9_.]*)$/;

/** Reads a file's text into an assessment, or says precisely why not. */
export function readAssessmentFile(rs: RuleSet, text: string): ReadResult {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_FILE_BYTES) return fail('too_large', { bytes, max: MAX_FILE_BYTES });
  if (!text.trim()) return fail('empty', {});
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail('bad_json', { reason: (e as Error).message });
  }
  return readAssessmentData(rs, data);
}

/** The same checks on already-parsed data (the browser's storage holds the same shape). */
export function readAssessmentData(rs: RuleSet, data: unknown): ReadResult {
  if (!isObject(data)) return fail('not_object', {});
  if (data.format !== FILE_FORMAT) return fail('wrong_format', { expected: FILE_FORMAT, got: String(data.format ?? '') });
  if (data.schemaVersion !== FILE_SCHEMA_VERSION) return fail('unsupported_schema', { got: String(data.schemaVersion ?? ''), supported: FILE_SCHEMA_VERSION });
  const ruleSet = data.ruleSet;
  if (!isObject(ruleSet) || typeof ruleSet.version !== 'string' || !/^\d+\.\d+\.\d+$/.test(ruleSet.version)) return fail('bad_rule_set', {});
  const a = data.assessment;
  if (!isObject(a)) return fail('bad_field', { field: 'assessment' });

  const problems: FileProblem[] = [];
  const field = (name: string) => problems.push({ code: 'bad_field', params: { field: `assessment.${name}` } });
  if (typeof a.id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(a.id)) field('id');
  if (a.assessor !== undefined && (typeof a.assessor !== 'string' || a.assessor.length > 200)) field('assessor');
  if (typeof a.step !== 'string' || !STEP.test(a.step)) field('step');
  for (const k of ['createdAt', 'updatedAt'] as const) if (typeof a[k] !== 'string' || !ISO.test(a[k] as string)) field(k);

  const { errors } = parseAnswers(rs, a.answers);
  for (const e of errors) problems.push({ code: 'bad_answers', params: { question: e.question ?? '' }, answerError: e });

  const notices: FileNotice[] = [];
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
  if (ruleSet.version !== rs.version) notices.push({ code: 'other_rule_set', params: { file: ruleSet.version, current: rs.version } });
  return {
    ok: true,
    notices,
    record: {
      id: a.id as string,
      ...(a.assessor ? { assessor: a.assessor as string } : {}),
      answers: Object.fromEntries(Object.entries(a.answers as Record<string, AnswerValue>).filter(([, v]) => v !== null && v !== undefined)),
      step: a.step as Step,
      duties,
      createdAt: a.createdAt as string,
      updatedAt: a.updatedAt as string,
    },
  };
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
