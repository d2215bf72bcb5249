/**
 * Reads assessment inputs: a JSON object `{ meta, answers }`, a JSON array of those, a file exported by
 * the app (`"format": "ai-risk-self-assessment"`, with its assessor and duty statuses), NDJSON/JSON Lines,
 * or CSV with one column per question id (plus `meta.company`, `meta.product`; multi-choice cells list
 * option ids separated by ";"). Each record keeps its file and number so that errors can name them.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import Papa from 'papaparse';
import type { RuleSet } from '../engine/ruleset';
import { summarizer } from '../report/summarize';
import { type AssessmentRecord, type DutyStatus, FILE_FORMAT, readAssessmentData } from '../report/assessment-file';

export interface InputRecord {
  file: string;
  /** 1-based: the array index + 1, the NDJSON line, or the CSV data row. */
  record: number;
  meta: Record<string, string>;
  answers: unknown;
  /** Duty statuses and notes, from a file the app exported. */
  duties?: Record<string, DutyStatus>;
  /** The whole assessment, from a file the app exported (id, title, cohort, dates). */
  assessment?: AssessmentRecord;
}

export interface InputProblem {
  file: string;
  record?: number;
  field?: string;
  /** i18n key with its namespace (`cli:input.…`, `errors:file.…`), and its parameters. */
  key: string;
  params: Record<string, string | number>;
}

export interface ReadResult {
  records: InputRecord[];
  problems: InputProblem[];
}

/** Records larger than this are refused (a runaway file should not exhaust memory). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export function readInputFile(file: string, rs: RuleSet): ReadResult {
  let text: string;
  try {
    const buf = readFileSync(file);
    if (buf.length > MAX_FILE_BYTES) return fail(file, 'cli:input.unreadable', { reason: `larger than ${MAX_FILE_BYTES} bytes` });
    text = buf.toString('utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    return fail(file, 'cli:input.unreadable', { reason: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
  const ext = extname(file).toLowerCase();
  switch (ext) {
    case '.json':
      return readJson(file, text, rs);
    case '.ndjson':
    case '.jsonl':
      return readNdjson(file, text, rs);
    case '.csv':
      return readCsv(file, text, rs);
    default:
      return fail(file, 'cli:input.unknownFormat', { ext: ext || '(none)' });
  }
}

function fail(file: string, key: string, params: Record<string, string | number>, record?: number): ReadResult {
  return { records: [], problems: [{ file, key, params, ...(record !== undefined ? { record } : {}) }] };
}

function toRecord(file: string, record: number, data: unknown, out: ReadResult, rs: RuleSet): void {
  if (typeof data === 'object' && data !== null && (data as { format?: unknown }).format === FILE_FORMAT) {
    fromAssessmentFile(file, record, data, out, rs);
    return;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !('answers' in data)) {
    out.problems.push({ file, record, key: 'cli:input.notRecord', params: {} });
    return;
  }
  const { meta, answers } = data as { meta?: unknown; answers: unknown };
  const m: Record<string, string> = {};
  if (meta !== undefined) {
    if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) {
      out.problems.push({ file, record, field: 'meta', key: 'cli:input.badMeta', params: {} });
      return;
    }
    for (const [k, v] of Object.entries(meta)) if (typeof v === 'string') m[k] = v;
  }
  out.records.push({ file, record, meta: m, answers });
}

/** A file exported by the app: checked like an import there; its assessor and duty statuses come along. */
function fromAssessmentFile(file: string, record: number, data: unknown, out: ReadResult, rs: RuleSet): void {
  const r = readAssessmentData(rs, data, summarizer(rs));
  if (!r.ok) {
    for (const p of r.problems) {
      const e = p.answerError;
      if (e) out.problems.push({ file, record, ...(e.question ? { field: e.question } : {}), key: `errors:answer.${e.code}`, params: { ...e.params, question: e.question ?? '' } });
      else out.problems.push({ file, record, key: `errors:file.${p.code}`, params: p.params });
    }
    return;
  }
  out.records.push({
    file,
    record,
    meta: r.record.assessor ? { assessor: r.record.assessor } : {},
    answers: r.record.answers,
    duties: r.record.duties,
    assessment: r.record,
  });
}

function readJson(file: string, text: string, rs: RuleSet): ReadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail(file, 'cli:input.badJson', { reason: (e as Error).message });
  }
  const out: ReadResult = { records: [], problems: [] };
  if (Array.isArray(data)) {
    if (data.length === 0) return fail(file, 'cli:input.empty', {});
    data.forEach((d, i) => toRecord(file, i + 1, d, out, rs));
  } else toRecord(file, 1, data, out, rs);
  return out;
}

function readNdjson(file: string, text: string, rs: RuleSet): ReadResult {
  const out: ReadResult = { records: [], problems: [] };
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch (e) {
      out.problems.push({ file, record: i + 1, key: 'cli:input.badJsonLine', params: { line: i + 1, reason: (e as Error).message } });
      return;
    }
    toRecord(file, i + 1, data, out, rs);
  });
  if (!out.records.length && !out.problems.length) return fail(file, 'cli:input.empty', {});
  return out;
}

const META_COLUMNS: Record<string, string> = { 'meta.company': 'company', 'meta.product': 'product', 'meta.assessor': 'assessor' };

function readCsv(file: string, text: string, rs: RuleSet): ReadResult {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy' });
  const out: ReadResult = { records: [], problems: [] };
  for (const e of parsed.errors) {
    out.problems.push({ file, ...(e.row !== undefined ? { record: e.row + 1 } : {}), key: 'cli:input.badCsv', params: { reason: e.message } });
  }
  const bad = new Set(parsed.errors.map((e) => e.row));
  parsed.data.forEach((row, i) => {
    if (bad.has(i)) return;
    const meta: Record<string, string> = {};
    const answers: Record<string, unknown> = {};
    for (const [col, raw] of Object.entries(row)) {
      const cell = (raw ?? '').trim();
      if (META_COLUMNS[col]) {
        if (cell) meta[META_COLUMNS[col]!] = cell;
        continue;
      }
      if (!cell) continue;
      const q = rs.questionById.get(col);
      if (q?.type === 'multi') answers[col] = cell.split(/[;|]/).map((s) => s.trim()).filter(Boolean);
      else if (q?.type === 'number') answers[col] = /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell;
      else answers[col] = cell; // unknown columns reach the engine, which names them
    }
    out.records.push({ file, record: i + 1, meta, answers });
  });
  if (!parsed.data.length && !out.problems.length) return fail(file, 'cli:input.empty', {});
  return out;
}
