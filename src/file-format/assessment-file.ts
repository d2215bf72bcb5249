/**
 * The assessment file: what the app exports, imports and keeps in the browser's storage. Versioned
 * (`schemaVersion`, and the rule-set version it was made under); validated on the way in by the
 * engine's own answer checks, so a bad file is refused with specific reasons and changes nothing.
 * Pure: no browser API.
 */
import { compareVersions, migrateAnswers, parseAnswers, type AnswerError, type AnswerValue, type Question, type RuleSet } from '../engine';
import { instantTime, isCalendarDate, isInstant } from '../lib/instants';
import { checkTree, pathOf, type JsonProblem } from '../lib/json-limits';
import { checkLine, checkText, describeValue, printable, stripLine, stripText, type TextCheck } from '../lib/text-fields';
import type { Step } from '../assessment/step';
import { DOCUMENT_ID, DUTY_STATUSES, MAX_EVIDENCE, MAX_EVIDENCE_LENGTH, MAX_LABEL_LENGTH, MAX_NOTE_LENGTH, randomId, type AssessmentRecord, type Cohort, type DutyStatus, type DutyStatusName, type IssuedDocument } from '../assessment/record';
import { checkResultSummary, diffResults, isEmptyDiff, type ResultDiff, type ResultSummary } from '../assessment/result-summary';

/** What a file's answers come to under the current rule set (summarize.ts `summarizer`): needed only to say what a newer rule set changes. */
export type Summarize = (answers: Record<string, AnswerValue>, date: string) => ResultSummary | undefined;

export const FILE_FORMAT = 'ai-risk-self-assessment';
/**
 * 2 added `title`, `cohort` and `baseline` to the assessment and `result` to the file; 3 added `issued`
 * (the last document issued for the assessment). Earlier files are read through `MIGRATIONS` (nothing
 * in them changes meaning).
 */
export const FILE_SCHEMA_VERSION = 3;
const MIGRATIONS: Record<number, (data: Record<string, unknown>) => Record<string, unknown>> = {
  1: (data) => ({ ...data, schemaVersion: 2 }),
  2: (data) => ({ ...data, schemaVersion: 3 }),
};
/** Files larger than this are refused before parsing (an assessment is a few kilobytes). */
export const MAX_FILE_BYTES = 1_000_000;

export interface AssessmentFile {
  format: typeof FILE_FORMAT;
  schemaVersion: typeof FILE_SCHEMA_VERSION;
  /** The rule set it was exported under (with the SHA-256 of its files when known). */
  ruleSet: { version: string; date: string; sha256?: string };
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
  | 'bad_json_at'
  | 'bad_json_end'
  | 'too_deep'
  | 'duplicate_key'
  | 'not_object'
  | 'forbidden_key'
  | 'wrong_format'
  | 'unsupported_schema'
  | 'unknown_field'
  | 'bad_rule_set'
  | 'newer_rule_set'
  | 'bad_field'
  | 'bad_date'
  | 'dates_out_of_order'
  | 'text_control'
  | 'text_bidi'
  | 'text_surrogate'
  | 'text_too_long'
  | 'bad_answers'
  | 'bad_duty'
  | 'unexpected'
  | 'more';

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
  'old_answer_changed',
  'rule_set_overall',
  'rule_set_tier',
  'rule_set_duty_added',
  'rule_set_duty_removed',
  'rule_set_no_change',
  'more',
] as const;
export type FileNoticeCode = (typeof FILE_NOTICE_CODES)[number];

export interface FileNotice {
  code: FileNoticeCode;
  params: Record<string, string | number>;
}

export type ReadResult =
  | { ok: true; record: AssessmentRecord; notices: FileNotice[]; ruleSetVersion: string }
  | { ok: false; problems: FileProblem[] };

/** How a file names the rule set it was written under: version, date and, when known, the SHA-256 of its files. */
const fileRuleSet = (rs: RuleSet): AssessmentFile['ruleSet'] => ({ version: rs.version, date: rs.date, ...(rs.digest ? { sha256: rs.digest } : {}) });

/** The file shape; `result` (summarize.ts `exportFile` computes it) lets a later rule set say what it changes. */
export function toFile(rs: RuleSet, record: AssessmentRecord, now = new Date(), result?: ResultSummary): AssessmentFile {
  return {
    format: FILE_FORMAT,
    schemaVersion: FILE_SCHEMA_VERSION,
    ruleSet: fileRuleSet(rs),
    exportedAt: now.toISOString(),
    assessment: writable(rs, record),
    ...(result ? { result } : {}),
  };
}

/** Text questions shown as one line (the questionnaire draws those of at most 200 characters as an input, the longer as a text area). */
export const isOneLineQuestion = (q: Question): boolean => q.type === 'text' && (q.maxLength ?? 2000) <= MAX_LABEL_LENGTH;

/**
 * The record as written to storage and files: text trimmed, within its length, and without the
 * characters the checks refuse (the questionnaire saves every keystroke, pasted invisible characters and
 * overlong texts included), and a creation time no later than the last change (a clock set back). So
 * whatever the app writes, it reads back.
 */
function writable(rs: RuleSet, r: AssessmentRecord): AssessmentRecord {
  const line = (s: string | undefined) => (typeof s === 'string' ? clip(stripLine(s).trim(), MAX_LABEL_LENGTH) : '');
  const title = line(r.title);
  const assessor = line(r.assessor);
  const cohort = r.cohort && { incubator: line(r.cohort.incubator), label: line(r.cohort.label) };
  const answers: Record<string, AnswerValue> = {};
  for (const [k, v] of Object.entries(r.answers)) {
    const q = rs.questionById.get(k);
    if (typeof v !== 'string' || q?.type !== 'text') answers[k] = v;
    else {
      const t = clip((isOneLineQuestion(q) ? stripLine(v) : stripText(v).replace(/\r\n/g, '\n')).trim(), q.maxLength ?? 2000);
      if (t) answers[k] = t;
    }
  }
  const duties: Record<string, DutyStatus> = {};
  for (const [id, d] of Object.entries(r.duties)) {
    const note = typeof d.note === 'string' ? clip(stripText(d.note).replace(/\r\n/g, '\n').trim(), MAX_NOTE_LENGTH) : '';
    const owner = typeof d.owner === 'string' ? clip(stripLine(d.owner).trim(), MAX_LABEL_LENGTH) : '';
    const evidence = (d.evidence ?? []).map((e) => clip(stripLine(e).trim(), MAX_EVIDENCE_LENGTH)).filter(Boolean).slice(0, MAX_EVIDENCE);
    duties[id] = { status: d.status, ...(note ? { note } : {}), ...(owner ? { owner } : {}), ...(d.due ? { due: d.due } : {}), ...(evidence.length ? { evidence } : {}) };
  }
  const late = isInstant(r.createdAt) && isInstant(r.updatedAt) && instantTime(r.createdAt) > instantTime(r.updatedAt);
  const out: AssessmentRecord = { id: r.id, answers, step: r.step, duties, createdAt: late ? r.updatedAt : r.createdAt, updatedAt: r.updatedAt };
  if (title) out.title = title;
  if (assessor) out.assessor = assessor;
  if (cohort?.incubator && cohort.label) out.cohort = cohort;
  if (r.baseline) out.baseline = r.baseline;
  if (r.issued) out.issued = r.issued;
  return out;
}

/**
 * At most `max` UTF-16 units, never half a character (then trimmed again). The forms say when a text is
 * too long but keep what was typed; stored whole, it would be refused on the next start, and the whole
 * assessment set aside with it.
 */
function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const end = /[\uD800-\uDBFF]/.test(s[max - 1] ?? '') ? max - 1 : max;
  return s.slice(0, end).trim();
}

/** A piece of a file name safe on every system: letters and digits of any script, runs of anything else as "-". */
export function fileStem(s: string, max = 60): string {
  return s.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, max).replace(/-+$/, '');
}

export function fileName(record: AssessmentRecord, product: string | undefined): string {
  return `${fileStem(record.title ?? product ?? '') || 'assessment'}-${record.updatedAt.slice(0, 10)}.ai-risk.json`;
}

/** Containers nested deeper than this are refused before anything walks them (a file is 5 deep). */
export const MAX_DEPTH = 16;
/** At most this many problems or notices are listed (and at most PER_KIND of one kind); the rest are counted. */
export const MAX_LISTED = 50;
const PER_KIND = 20;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const STEP = /^(intro|review|result|section:[a-z][a-z0-9_.]{0,90})$/;
const VERSION = /^\d{1,6}\.\d{1,6}\.\d{1,6}$/;
const FILE_FIELDS = ['format', 'schemaVersion', 'ruleSet', 'exportedAt', 'assessment', 'result'];
const RULE_SET_FIELDS = ['version', 'date', 'sha256'];
const RECORD_FIELDS = ['id', 'title', 'assessor', 'cohort', 'answers', 'step', 'duties', 'createdAt', 'updatedAt', 'baseline', 'issued'];
const ISSUED_FIELDS = ['documentId', 'date', 'replaces'];
const REPLACES_FIELDS = ['documentId', 'date'];
const COHORT_FIELDS = ['incubator', 'label'];
const BASELINE_FIELDS = ['ruleSetVersion', 'result'];
const DUTY_FIELDS = ['status', 'note', 'owner', 'due', 'evidence'];

/** A problem the strict JSON reader found, as a file problem (values made printable). */
export function jsonProblem(p: JsonProblem): FileProblem {
  switch (p.code) {
    case 'bad_json':
      // The parser's own words are English and technical: the message says where, not what it said.
      return p.end ? { code: 'bad_json_end', params: {} } : p.line !== undefined ? { code: 'bad_json_at', params: { line: p.line, column: p.column ?? 1 } } : { code: 'bad_json', params: {} };
    case 'too_deep':
      return { code: 'too_deep', params: { max: p.max, path: printable(p.path, 160) } };
    case 'duplicate_key':
      return { code: 'duplicate_key', params: { key: printable(p.key), path: printable(p.path, 160) } };
    case 'forbidden_key':
      return { code: 'forbidden_key', params: { path: printable(p.path, 120) } };
  }
}

/**
 * The same checks on already-parsed data (the browser's storage holds the same shape, and the command
 * line parses its own files). Never throws: anything unforeseen is refused as `unexpected`.
 */
export function readAssessmentData(rs: RuleSet, input: unknown, summarize?: Summarize): ReadResult {
  try {
    return readData(rs, input, summarize);
  } catch (e) {
    return fail('unexpected', { reason: printable(e instanceof Error ? e.message : describeValue(e), 200) });
  }
}

const ANSWERS_FILE_FIELDS = ['meta', 'answers'];
const META_FIELDS = ['company', 'product', 'assessor'];

/**
 * An answers file, as the command line reads it (`rules/examples/*.json`): `{ meta, answers }`, with
 * no rule-set version (read under the current one). It comes in as a new assessment with those answers,
 * through the same checks as an exported file; `meta.company` and `meta.product` fill the company and
 * product questions where the answers leave them empty, `meta.assessor` is the assessor.
 */
function readAnswersFile(rs: RuleSet, input: Record<string, unknown>, summarize?: Summarize): ReadResult {
  const problems: FileProblem[] = [];
  for (const k of Object.keys(input)) if (!ANSWERS_FILE_FIELDS.includes(k)) problems.push({ code: 'unknown_field', params: { field: printable(k, 120) } });
  const meta = input.meta ?? {};
  const fromMeta: Record<string, string> = {};
  if (!isObject(meta)) problems.push({ code: 'bad_field', params: { field: 'meta' } });
  else {
    for (const [k, v] of Object.entries(meta)) {
      if (!META_FIELDS.includes(k)) problems.push({ code: 'unknown_field', params: { field: printable(pathOf(['meta', k]), 120) } });
      else if (typeof v !== 'string') problems.push({ code: 'bad_field', params: { field: printable(pathOf(['meta', k]), 120) } });
      else if (v.trim()) fromMeta[k] = v;
    }
  }
  if (problems.length) return capped(problems);
  const answers = isObject(input.answers) ? { ...input.answers } : input.answers;
  if (isObject(answers)) {
    if (fromMeta.company && answers.company_name === undefined && rs.questionById.has('company_name')) answers.company_name = fromMeta.company;
    if (fromMeta.product && answers.product_name === undefined && rs.questionById.has('product_name')) answers.product_name = fromMeta.product;
  }
  const now = new Date().toISOString();
  return readData(
    rs,
    {
      format: FILE_FORMAT,
      schemaVersion: FILE_SCHEMA_VERSION,
      ruleSet: fileRuleSet(rs),
      exportedAt: now,
      assessment: { id: randomId(), ...(fromMeta.assessor ? { assessor: fromMeta.assessor } : {}), answers, step: 'result', duties: {}, createdAt: now, updatedAt: now },
    },
    summarize,
  );
}

function readData(rs: RuleSet, input: unknown, summarize?: Summarize): ReadResult {
  if (!isObject(input)) return fail('not_object', {});
  const tree = checkTree(input, MAX_DEPTH);
  if (tree) return { ok: false, problems: [jsonProblem(tree)] };
  if (input.format === undefined && Object.hasOwn(input, 'answers')) return readAnswersFile(rs, input, summarize);
  if (input.format !== FILE_FORMAT) return fail('wrong_format', { expected: FILE_FORMAT, got: describeValue(input.format) });
  let data = input;
  const schema = input.schemaVersion;
  if (typeof schema !== 'number' || (schema !== FILE_SCHEMA_VERSION && !Object.hasOwn(MIGRATIONS, schema))) {
    return fail('unsupported_schema', { got: describeValue(schema), supported: FILE_SCHEMA_VERSION });
  }
  for (let v = data.schemaVersion; typeof v === 'number' && Object.hasOwn(MIGRATIONS, v); v = data.schemaVersion) data = MIGRATIONS[v]!(data);

  const problems: FileProblem[] = [];
  const unknownKeys = (obj: Record<string, unknown>, allowed: readonly string[], at: (string | number)[]) => {
    for (const k of Object.keys(obj)) if (!allowed.includes(k)) problems.push({ code: 'unknown_field', params: { field: printable(pathOf([...at, k]), 120) } });
  };
  const field = (at: (string | number)[]) => problems.push({ code: 'bad_field', params: { field: printable(pathOf(at), 120) } });
  const text = (at: (string | number)[], r: TextCheck): string | undefined => {
    if (r.ok) return r.value;
    const f = printable(pathOf(at), 120);
    const p = r.problem;
    if (p.kind === 'not_text') problems.push({ code: 'bad_field', params: { field: f } });
    else if (p.kind === 'too_long') problems.push({ code: 'text_too_long', params: { field: f, length: p.length, max: p.max } });
    else if (p.kind === 'control') problems.push({ code: 'text_control', params: { field: f, char: p.char } });
    else if (p.kind === 'bidi') problems.push({ code: 'text_bidi', params: { field: f, char: p.char } });
    else problems.push({ code: 'text_surrogate', params: { field: f } });
    return undefined;
  };

  unknownKeys(data, FILE_FIELDS, []);
  const ruleSet = data.ruleSet;
  if (!isObject(ruleSet) || typeof ruleSet.version !== 'string' || !VERSION.test(ruleSet.version)) return capped([...problems, { code: 'bad_rule_set', params: {} }]);
  unknownKeys(ruleSet, RULE_SET_FIELDS, ['ruleSet']);
  if (!isCalendarDate(ruleSet.date)) problems.push({ code: 'bad_date', params: { field: 'ruleSet.date', got: describeValue(ruleSet.date) } });
  const fileVersion = ruleSet.version;
  const order = compareVersions(fileVersion, rs.version);
  if (order > 0) return fail('newer_rule_set', { file: fileVersion, current: rs.version });
  const older = order < 0;
  if (!isInstant(data.exportedAt)) problems.push({ code: 'bad_date', params: { field: 'exportedAt', got: describeValue(data.exportedAt) } });
  const a = data.assessment;
  if (!isObject(a)) return capped([...problems, { code: 'bad_field', params: { field: 'assessment' } }]);

  unknownKeys(a, RECORD_FIELDS, ['assessment']);
  if (typeof a.id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(a.id)) field(['assessment', 'id']);
  const label = (k: 'title' | 'assessor') => (a[k] === undefined ? '' : text(['assessment', k], checkLine(a[k], MAX_LABEL_LENGTH)));
  const title = label('title');
  const assessor = label('assessor');
  let cohort: Cohort | undefined;
  if (a.cohort !== undefined) {
    const c = a.cohort;
    if (!isObject(c)) field(['assessment', 'cohort']);
    else {
      unknownKeys(c, COHORT_FIELDS, ['assessment', 'cohort']);
      const incubator = text(['assessment', 'cohort', 'incubator'], checkLine(c.incubator, MAX_LABEL_LENGTH));
      const lab = text(['assessment', 'cohort', 'label'], checkLine(c.label, MAX_LABEL_LENGTH));
      if (incubator === '') field(['assessment', 'cohort', 'incubator']);
      if (lab === '') field(['assessment', 'cohort', 'label']);
      if (incubator && lab) cohort = { incubator, label: lab };
    }
  }
  if (typeof a.step !== 'string' || !STEP.test(a.step)) field(['assessment', 'step']);
  for (const k of ['createdAt', 'updatedAt'] as const) if (!isInstant(a[k])) problems.push({ code: 'bad_date', params: { field: `assessment.${k}`, got: describeValue(a[k]) } });
  if (isInstant(a.createdAt) && isInstant(a.updatedAt) && instantTime(a.createdAt) > instantTime(a.updatedAt)) {
    problems.push({ code: 'dates_out_of_order', params: { created: a.createdAt, updated: a.updatedAt } });
  }
  const summary = (v: unknown, at: string[]) => {
    const c = checkResultSummary(v);
    for (const k of c.unknown) problems.push({ code: 'unknown_field', params: { field: printable([...at, k].join('.'), 120) } });
    for (const k of c.bad) field(k ? [...at, ...k.split('.')] : at);
  };
  const baseline = a.baseline;
  if (baseline !== undefined) {
    if (!isObject(baseline)) field(['assessment', 'baseline']);
    else {
      unknownKeys(baseline, BASELINE_FIELDS, ['assessment', 'baseline']);
      if (typeof baseline.ruleSetVersion !== 'string' || !VERSION.test(baseline.ruleSetVersion)) field(['assessment', 'baseline', 'ruleSetVersion']);
      summary(baseline.result, ['assessment', 'baseline', 'result']);
    }
  }
  if (data.result !== undefined) summary(data.result, ['result']);
  // The last document issued: its id and date, and the one it replaced.
  const issuedDocument = (v: unknown, at: string[], allowed: readonly string[]): boolean => {
    if (!isObject(v)) {
      field(at);
      return false;
    }
    const before = problems.length;
    unknownKeys(v, allowed, at);
    if (typeof v.documentId !== 'string' || !DOCUMENT_ID.test(v.documentId)) field([...at, 'documentId']);
    if (!isCalendarDate(v.date)) problems.push({ code: 'bad_date', params: { field: printable(pathOf([...at, 'date']), 120), got: describeValue(v.date) } });
    return problems.length === before;
  };
  let issued: IssuedDocument | undefined;
  if (a.issued !== undefined && issuedDocument(a.issued, ['assessment', 'issued'], ISSUED_FIELDS)) {
    const i = a.issued as Record<string, unknown>;
    if (i.replaces === undefined || issuedDocument(i.replaces, ['assessment', 'issued', 'replaces'], REPLACES_FIELDS)) {
      const r = i.replaces as Record<string, string> | undefined;
      issued = { documentId: i.documentId as string, date: i.date as string, ...(r ? { replaces: { documentId: r.documentId!, date: r.date! } } : {}) };
    }
  }

  const notices: FileNotice[] = [];
  // Text answers are checked as names (one line) or texts and trimmed before the engine's own checks.
  let answers: unknown = a.answers;
  if (isObject(a.answers)) {
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(a.answers)) {
      const q = rs.questionById.get(k);
      if (q?.type !== 'text' || typeof v !== 'string') copy[k] = v;
      else {
        const t = text(['assessment', 'answers', k], isOneLineQuestion(q) ? checkLine(v, Infinity) : checkText(v, Infinity));
        if (t) copy[k] = t;
      }
    }
    answers = copy;
  }
  // Under an older rule set, answers to questions (or options) the current one no longer has are
  // dropped with a notice; every other answer error, and any under the same version, refuses the file.
  if (older && isObject(answers)) {
    // First the rule set's own answer changes (an option split or moved to another question: the
    // manifest's answerChanges), each named so the user checks it; then what is left over is dropped.
    const migrated = migrateAnswers(rs, answers as Record<string, AnswerValue>, fileVersion);
    answers = migrated.answers;
    for (const q of migrated.changed) if (rs.questionById.has(q)) notices.push({ code: 'old_answer_changed', params: { question: printable(q) } });
    for (let round = 0; round < 3; round++) {
      const stale = parseAnswers(rs, answers).errors.filter((e) => e.question && (e.code === 'unknown_question' || e.code === 'unknown_option' || e.code === 'not_asked'));
      if (!stale.length) break;
      for (const e of stale) {
        delete (answers as Record<string, unknown>)[e.question!];
        notices.push({ code: 'old_answer_dropped', params: { question: printable(e.question) } });
      }
    }
  }
  const { errors } = parseAnswers(rs, answers);
  for (const e of errors) problems.push({ code: 'bad_answers', params: { question: printable(e.question ?? '') }, answerError: printableError(e) });

  const duties: Record<string, DutyStatus> = {};
  if (a.duties !== undefined && !isObject(a.duties)) field(['assessment', 'duties']);
  else {
    const known = new Set(rs.duties.map((d) => d.id));
    for (const [id, v] of Object.entries(a.duties ?? {})) {
      if (!isObject(v) || !(DUTY_STATUSES as readonly unknown[]).includes(v.status)) {
        problems.push({ code: 'bad_duty', params: { duty: printable(id) } });
        continue;
      }
      const before = problems.length;
      unknownKeys(v, DUTY_FIELDS, ['assessment', 'duties', id]);
      const note = v.note === undefined ? '' : text(['assessment', 'duties', id, 'note'], checkText(v.note, MAX_NOTE_LENGTH));
      const owner = v.owner === undefined ? '' : text(['assessment', 'duties', id, 'owner'], checkLine(v.owner, MAX_LABEL_LENGTH));
      if (v.due !== undefined && !isCalendarDate(v.due)) problems.push({ code: 'bad_date', params: { field: printable(pathOf(['assessment', 'duties', id, 'due']), 120), got: describeValue(v.due) } });
      const evidence: string[] = [];
      if (v.evidence !== undefined) {
        if (!Array.isArray(v.evidence) || v.evidence.length > MAX_EVIDENCE) field(['assessment', 'duties', id, 'evidence']);
        else v.evidence.forEach((e, i) => {
          const line = text(['assessment', 'duties', id, 'evidence', i], checkLine(e, MAX_EVIDENCE_LENGTH));
          if (line) evidence.push(line);
        });
      }
      if (problems.length > before) continue;
      if (!known.has(id)) {
        notices.push({ code: 'unknown_duty_dropped', params: { duty: printable(id) } });
        continue;
      }
      duties[id] = { status: v.status as DutyStatusName, ...(note ? { note } : {}), ...(owner ? { owner } : {}), ...(v.due !== undefined ? { due: v.due as string } : {}), ...(evidence.length ? { evidence } : {}) };
    }
  }
  if (problems.length) return capped(problems);

  const record: AssessmentRecord = {
    id: a.id as string,
    ...(title ? { title } : {}),
    ...(assessor ? { assessor } : {}),
    ...(cohort ? { cohort } : {}),
    answers: Object.fromEntries(Object.entries(answers as Record<string, AnswerValue>).filter(([, v]) => v !== null && v !== undefined)),
    step: a.step as Step,
    duties,
    createdAt: a.createdAt as string,
    updatedAt: a.updatedAt as string,
    ...(isObject(baseline) ? { baseline: { ruleSetVersion: baseline.ruleSetVersion as string, result: baseline.result as ResultSummary } } : {}),
    ...(issued ? { issued } : {}),
  };
  if (older) {
    notices.unshift({ code: 'other_rule_set', params: { file: fileVersion, current: rs.version } });
    const before = data.result as ResultSummary | undefined;
    const after = summarize?.(record.answers, record.updatedAt.slice(0, 10));
    if (before && after) notices.push(...changeNotices(diffResults(before, after)));
    if (before && !record.baseline) record.baseline = { ruleSetVersion: fileVersion, result: before };
  }
  return { ok: true, notices: capList(notices, (count) => ({ code: 'more', params: { count } })), record, ruleSetVersion: fileVersion };
}

/** An answer error with the values it quotes from the file made printable. */
function printableError(e: AnswerError): AnswerError {
  const params = Object.fromEntries(Object.entries(e.params).map(([k, v]) => [k, typeof v === 'string' ? printable(v, 120) : v]));
  return { ...e, ...(e.question !== undefined ? { question: printable(e.question) } : {}), params, message: printable(e.message, 300) };
}

/**
 * A long list shortened: at most PER_KIND items of one code and MAX_LISTED in all (but always the first of
 * each code), each kind with items left out followed by one "…and N more of the same kind".
 */
export function capList<T extends { code: string }>(items: readonly T[], more: (count: number) => T): T[] {
  const listed = new Map<string, number>();
  const skipped = new Map<string, number>();
  const kept: T[] = [];
  for (const x of items) {
    const k = listed.get(x.code) ?? 0;
    if (k === 0 || (k < PER_KIND && kept.length < MAX_LISTED)) {
      kept.push(x);
      listed.set(x.code, k + 1);
    } else skipped.set(x.code, (skipped.get(x.code) ?? 0) + 1);
  }
  if (!skipped.size) return kept;
  const last = new Map<string, number>();
  kept.forEach((x, i) => last.set(x.code, i));
  return kept.flatMap((x, i) => (last.get(x.code) === i && skipped.has(x.code) ? [x, more(skipped.get(x.code)!)] : [x]));
}

const capped = (problems: FileProblem[]): ReadResult => ({ ok: false, problems: capList(problems, (count) => ({ code: 'more', params: { count } })) });

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
