/**
 * Reads assessment inputs: a JSON object `{ meta, answers }`, a JSON array of those, a file exported by
 * the app (`"format": "ai-risk-self-assessment"`, with its assessor and duty statuses), NDJSON/JSON Lines,
 * or CSV with one column per question id (plus `meta.company`, `meta.product`, `meta.assessor`;
 * multi-choice cells list option ids separated by ";"). Each record keeps its file and number so that
 * errors can name them.
 *
 * Nothing in a file can stop the run or exhaust memory:
 * - the path is checked with `stat` before it is opened: folders, named pipes (which would wait
 *   forever), sockets and devices (`/dev/zero` never ends) are refused with their own message, and so is a
 *   file larger than its kind may be; the file is opened without blocking and checked again through the
 *   open handle (the same file, still a regular one), then read with that limit, so a file that grows or
 *   lies about its size cannot exceed it;
 * - NDJSON and CSV are read as a stream, one line or row at a time (each at most `recordBytes`), so
 *   memory stays flat however long the file; a JSON file is read whole (at most `jsonFileBytes`);
 * - JSON nested deeper than `depth` is refused before it is parsed (the parsed structure would overflow
 *   the stack of whatever walks it);
 * - each record is checked on its own: a bad one yields a problem and the next is read.
 */
import { isUtf8 } from 'node:buffer';
import { constants } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { extname } from 'node:path';
import Papa from 'papaparse';
import type { RuleSet } from '../engine';
import { summarizer } from '../file-format/summarize';
import { type AssessmentRecord, type DutyStatus } from '../assessment/record';
import { FILE_FORMAT, readAssessmentData } from '../file-format/assessment-file';

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

/** What a reader yields, in file order: a record, or a problem with one record or the whole file. */
export type InputItem = { record: InputRecord; problem?: undefined } | { problem: InputProblem; record?: undefined };

export interface InputLimits {
  /** A .json file is parsed whole: at most this many bytes. */
  jsonFileBytes: number;
  /** An .ndjson/.jsonl/.csv file is read as a stream: at most this many bytes in all. */
  streamFileBytes: number;
  /** One NDJSON line or CSV row. */
  recordBytes: number;
  /** Arrays and objects nested inside one another, counted from the document (or line) itself. */
  depth: number;
}

export const LIMITS: InputLimits = {
  jsonFileBytes: 50 * 1024 * 1024,
  streamFileBytes: 4 * 1024 * 1024 * 1024,
  recordBytes: 1024 * 1024,
  depth: 64,
};

/** The file operations the readers use (node:fs/promises; tests pass one that fails on purpose). */
export type FsApi = Pick<typeof fsp, 'stat' | 'lstat' | 'open' | 'readdir' | 'readlink'>;

export type InputKind = 'json' | 'ndjson' | 'csv';
const KINDS: Record<string, InputKind> = { '.json': 'json', '.ndjson': 'ndjson', '.jsonl': 'ndjson', '.csv': 'csv' };
export const inputKind = (file: string): InputKind | undefined => KINDS[extname(file).toLowerCase()];

const CHUNK = 64 * 1024;

const problem = (file: string, key: string, params: Record<string, string | number> = {}, record?: number, field?: string): InputItem => ({
  problem: { file, key, params, ...(record !== undefined ? { record } : {}), ...(field !== undefined ? { field } : {}) },
});

const errCode = (e: unknown): string => (e as NodeJS.ErrnoException)?.code ?? (e instanceof Error ? e.message : String(e));

/** The message for a path that could not be looked at or opened (`stat`, `open`, `readdir` errors). */
export async function pathProblem(file: string, e: unknown, fs: FsApi = fsp): Promise<InputItem> {
  const code = errCode(e);
  if (code === 'ENOENT') {
    // A symbolic link whose target is missing says so (the link itself exists).
    try {
      const l = await fs.lstat(file);
      if (l.isSymbolicLink()) return problem(file, 'cli:input.danglingLink', { target: await fs.readlink(file).catch(() => '?') });
    } catch {
      /* the path itself is missing */
    }
    return problem(file, 'cli:input.missing');
  }
  if (code === 'ELOOP') return problem(file, 'cli:input.linkLoop', { target: await fs.readlink(file).catch(() => '?') });
  if (code === 'EACCES' || code === 'EPERM') return problem(file, 'cli:input.denied');
  if (code === 'ENOTDIR') return problem(file, 'cli:input.missing');
  return problem(file, 'cli:input.unreadable', { reason: code });
}

type Kind = 'directory' | 'fifo' | 'socket' | 'device' | 'other';
/** What a path that is not a regular file is, for its message. */
export function specialKind(s: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): Kind {
  if (s.isDirectory()) return 'directory';
  if (s.isFIFO()) return 'fifo';
  if (s.isSocket()) return 'socket';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'device';
  return 'other';
}
export const SPECIAL_KEYS: Record<Kind, string> = {
  directory: 'cli:input.isDirectory',
  fifo: 'cli:input.isFifo',
  socket: 'cli:input.isSocket',
  device: 'cli:input.isDevice',
  other: 'cli:input.notRegular',
};

/**
 * The records of one input file, one at a time. Never throws: every failure, of the file or of one
 * record, is yielded as a problem, and reading goes on with the next record where it can.
 */
export async function* readInput(file: string, rs: RuleSet, limits: InputLimits = LIMITS, fs: FsApi = fsp): AsyncGenerator<InputItem> {
  const kind = inputKind(file);
  let st;
  try {
    st = await fs.stat(file);
  } catch (e) {
    yield await pathProblem(file, e, fs);
    return;
  }
  if (!st.isFile()) {
    yield problem(file, SPECIAL_KEYS[specialKind(st)]);
    return;
  }
  if (!kind) {
    yield problem(file, 'cli:input.unknownFormat', { ext: extname(file) || '(none)' });
    return;
  }
  const max = kind === 'json' ? limits.jsonFileBytes : limits.streamFileBytes;
  if (st.size > max) {
    yield problem(file, 'cli:input.tooLarge', { bytes: st.size, max });
    return;
  }
  let fh: fsp.FileHandle;
  try {
    // O_NONBLOCK: should the path have become a named pipe since `stat`, opening it does not wait.
    fh = await fs.open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    yield await pathProblem(file, e, fs);
    return;
  }
  try {
    const now = await fh.stat();
    if (!now.isFile() || now.ino !== st.ino || now.dev !== st.dev) {
      yield problem(file, 'cli:input.changed');
      return;
    }
    const over = { bytes: 0 };
    if (kind === 'json') {
      // Read whole before parsing: a file that grew past its limit is refused, not parsed cut short.
      const parts: Uint8Array[] = [];
      for await (const c of chunksOf(fh, max, over)) parts.push(c);
      if (over.bytes) yield problem(file, 'cli:input.grew', { max });
      else yield* readInputBytes(file, kind, parts, rs, limits);
      return;
    }
    yield* readInputBytes(file, kind, chunksOf(fh, max, over), rs, limits);
    if (over.bytes) yield problem(file, 'cli:input.grew', { max });
  } catch (e) {
    yield problem(file, 'cli:input.unreadable', { reason: errCode(e) });
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/** The file's bytes in chunks, at most `max` in all; `over.bytes` is set when there was more. */
async function* chunksOf(fh: fsp.FileHandle, max: number, over: { bytes: number }): AsyncGenerator<Uint8Array> {
  let total = 0;
  for (;;) {
    const buf = Buffer.allocUnsafe(CHUNK);
    const { bytesRead } = await fh.read(buf, 0, CHUNK, null);
    if (bytesRead === 0) return;
    if (total + bytesRead > max) {
      if (max > total) yield buf.subarray(0, max - total);
      over.bytes = total + bytesRead;
      return;
    }
    total += bytesRead;
    yield buf.subarray(0, bytesRead);
  }
}

/**
 * The records in a file's bytes, given as chunks cut anywhere (the readers' core, without the file
 * system: the fuzz tests call it directly). Never throws for any bytes.
 */
export async function* readInputBytes(
  file: string,
  kind: InputKind,
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  rs: RuleSet,
  limits: InputLimits = LIMITS,
): AsyncGenerator<InputItem> {
  if (kind === 'json') {
    const parts: Uint8Array[] = [];
    let n = 0;
    for await (const c of chunks) {
      n += c.length;
      if (n > limits.jsonFileBytes) {
        yield problem(file, 'cli:input.tooLarge', { bytes: n, max: limits.jsonFileBytes });
        return;
      }
      parts.push(c);
    }
    const bytes = Buffer.concat(parts);
    if (!isUtf8(bytes)) {
      yield problem(file, 'cli:input.badUtf8');
      return;
    }
    yield* readJsonText(file, stripBom(bytes.toString('utf8')), rs, limits);
  } else if (kind === 'ndjson') yield* readNdjson(file, chunks, rs, limits);
  else yield* readCsv(file, chunks, rs, limits);
}

const stripBom = (s: string) => (s.charCodeAt(0) === 0xfeff ? s.slice(1) : s);

/**
 * Whether JSON text nests arrays and objects more than `max` deep (brackets inside strings do not
 * count). A linear scan before parsing: deep nesting is refused before any structure is built.
 */
export function nestedDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** Parses one JSON text after the depth check: the value, or the problem's key and parameters. */
function parseJson(text: string, limits: InputLimits): { ok: true; value: unknown } | { ok: false; key: string; params: Record<string, string | number> } {
  if (nestedDeeperThan(text, limits.depth)) return { ok: false, key: 'cli:input.tooDeep', params: { max: limits.depth } };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, key: 'badJson', params: { reason: (e as Error).message.slice(0, 200) } };
  }
}

/** A whole JSON document: one record, an array of records, or a file the app exported. */
export function* readJsonText(file: string, text: string, rs: RuleSet, limits: InputLimits = LIMITS): Generator<InputItem> {
  if (!text.trim()) {
    yield problem(file, 'cli:input.empty');
    return;
  }
  const parsed = parseJson(text, limits);
  if (!parsed.ok) {
    yield problem(file, parsed.key === 'badJson' ? 'cli:input.badJson' : parsed.key, parsed.params);
    return;
  }
  const data = parsed.value;
  if (Array.isArray(data)) {
    if (data.length === 0) yield problem(file, 'cli:input.empty');
    for (let i = 0; i < data.length; i++) yield* toRecord(file, i + 1, data[i], rs);
  } else yield* toRecord(file, 1, data, rs);
}

/** The lines of a byte stream (split at LF, a CR before it dropped), each at most `max` bytes; a longer one comes as `tooLong`. */
export async function* linesOf(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, max: number): AsyncGenerator<{ line: number; bytes?: Buffer; tooLong?: number }> {
  let pending: Buffer[] = [];
  let pendingLen = 0;
  let tooLong = 0;
  let line = 0;
  const take = (last: Buffer) => {
    line++;
    if (tooLong) {
      const n = tooLong + last.length;
      tooLong = 0;
      return { line, tooLong: n };
    }
    let bytes = pending.length ? Buffer.concat([...pending, last]) : last;
    pending = [];
    pendingLen = 0;
    if (bytes.length > max) return { line, tooLong: bytes.length };
    if (bytes.length && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
    return { line, bytes };
  };
  for await (const c of chunks) {
    const chunk = Buffer.isBuffer(c) ? c : Buffer.from(c.buffer, c.byteOffset, c.length);
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl >= 0; nl = chunk.indexOf(10, start)) {
      yield take(chunk.subarray(start, nl));
      start = nl + 1;
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start);
      if (tooLong) tooLong += rest.length;
      else if (pendingLen + rest.length > max) {
        tooLong = pendingLen + rest.length;
        pending = [];
        pendingLen = 0;
      } else {
        pending.push(Buffer.from(rest)); // a copy: the chunk's memory may be reused
        pendingLen += rest.length;
      }
    }
  }
  if (pendingLen || tooLong) yield take(Buffer.alloc(0));
}

/** NDJSON / JSON Lines: one record per line; blank lines are skipped; the record number is the line number. */
async function* readNdjson(file: string, chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, rs: RuleSet, limits: InputLimits): AsyncGenerator<InputItem> {
  let any = false;
  for await (const l of linesOf(chunks, limits.recordBytes)) {
    if (l.tooLong !== undefined) {
      any = true;
      yield problem(file, 'cli:input.lineTooLong', { line: l.line, max: limits.recordBytes }, l.line);
      continue;
    }
    const bytes = l.bytes!;
    if (!isUtf8(bytes)) {
      any = true;
      yield problem(file, 'cli:input.badUtf8Line', { line: l.line }, l.line);
      continue;
    }
    let text = bytes.toString('utf8');
    if (l.line === 1) text = stripBom(text);
    if (!text.trim()) continue;
    any = true;
    const parsed = parseJson(text, limits);
    if (!parsed.ok) {
      yield problem(file, parsed.key === 'badJson' ? 'cli:input.badJsonLine' : parsed.key, { line: l.line, ...parsed.params }, l.line);
      continue;
    }
    yield* toRecord(file, l.line, parsed.value, rs);
  }
  if (!any) yield problem(file, 'cli:input.empty');
}

/**
 * CSV rows from a byte stream: split at line feeds outside quoted cells, each row at most `max` bytes.
 * A quote opens a quoted cell only at the start of a cell, as papaparse reads it; `delimiters` are the
 * bytes that separate cells (before the header is read, every delimiter papaparse could detect).
 */
async function* csvRowsOf(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, max: number, delimiters: { set: Set<number> }): AsyncGenerator<{ line: number; bytes?: Buffer; tooLong?: number }> {
  const START = 0;
  const FIELD = 1;
  const QUOTED = 2;
  const QUOTE_IN_QUOTED = 3;
  let state = START;
  let line = 1;
  let rowLine = 1;
  let pending: Buffer[] = [];
  let pendingLen = 0;
  let tooLong = 0;
  const take = (last: Buffer) => {
    const at = rowLine;
    rowLine = line;
    if (tooLong) {
      const n = tooLong + last.length;
      tooLong = 0;
      return { line: at, tooLong: n };
    }
    let bytes = pending.length ? Buffer.concat([...pending, last]) : last;
    pending = [];
    pendingLen = 0;
    if (bytes.length > max) return { line: at, tooLong: bytes.length };
    if (bytes.length && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
    return { line: at, bytes };
  };
  const keep = (piece: Buffer) => {
    if (!piece.length) return;
    if (tooLong) tooLong += piece.length;
    else if (pendingLen + piece.length > max) {
      tooLong = pendingLen + piece.length;
      pending = [];
      pendingLen = 0;
    } else {
      pending.push(Buffer.from(piece));
      pendingLen += piece.length;
    }
  };
  for await (const c of chunks) {
    const chunk = Buffer.isBuffer(c) ? c : Buffer.from(c.buffer, c.byteOffset, c.length);
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b === 10) {
        line++;
        if (state !== QUOTED) {
          yield take(chunk.subarray(start, i));
          start = i + 1;
          state = START;
        }
        continue;
      }
      switch (state) {
        case START:
          state = b === 0x22 ? QUOTED : delimiters.set.has(b) ? START : FIELD;
          break;
        case FIELD:
          if (delimiters.set.has(b)) state = START;
          break;
        case QUOTED:
          if (b === 0x22) state = QUOTE_IN_QUOTED;
          break;
        case QUOTE_IN_QUOTED:
          state = b === 0x22 ? QUOTED : delimiters.set.has(b) ? START : FIELD;
          break;
      }
    }
    keep(chunk.subarray(start));
  }
  if (pendingLen || tooLong) yield take(Buffer.alloc(0));
}

const META_COLUMNS: Record<string, string> = { 'meta.company': 'company', 'meta.product': 'product', 'meta.assessor': 'assessor' };
/** The delimiters papaparse detects, as bytes. */
const CSV_DELIMITERS = [0x2c, 0x09, 0x7c, 0x3b, 0x1e, 0x1f];

/** One CSV row's cells, parsed by papaparse; or why it could not be. */
function csvCells(text: string, delimiter: string | undefined): { cells: string[]; delimiter: string } | { error: string } {
  const r = Papa.parse<string[]>(text, { ...(delimiter ? { delimiter } : {}), newline: '\n' });
  const errors = r.errors.filter((e) => e.code !== 'UndetectableDelimiter');
  if (errors.length) return { error: errors[0]!.message };
  if (r.data.length !== 1) return { error: 'a quoted cell is not closed where the row ends' };
  return { cells: r.data[0]!, delimiter: r.meta.delimiter };
}

/**
 * CSV: a header row of question ids (and meta.company / meta.product / meta.assessor), then one record
 * per row; rows holding only blank cells are skipped; the record number counts data rows.
 */
async function* readCsv(file: string, chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, rs: RuleSet, limits: InputLimits): AsyncGenerator<InputItem> {
  const delimiters = { set: new Set(CSV_DELIMITERS) };
  let header: string[] | undefined;
  let delimiter: string | undefined;
  let record = 0;
  let any = false;
  for await (const row of csvRowsOf(chunks, limits.recordBytes, delimiters)) {
    if (row.tooLong !== undefined) {
      any = true;
      if (!header) {
        yield problem(file, 'cli:input.csvHeaderTooLong', { max: limits.recordBytes });
        return;
      }
      yield problem(file, 'cli:input.rowTooLong', { line: row.line, max: limits.recordBytes }, ++record);
      continue;
    }
    if (!isUtf8(row.bytes!)) {
      any = true;
      if (!header) {
        yield problem(file, 'cli:input.badUtf8');
        return;
      }
      yield problem(file, 'cli:input.badUtf8Line', { line: row.line }, ++record);
      continue;
    }
    let text = row.bytes!.toString('utf8');
    if (!header) text = stripBom(text);
    if (!text.trim()) continue;
    const parsed = csvCells(text, delimiter);
    if ('cells' in parsed && parsed.cells.every((c) => !c.trim())) continue;
    any = true;
    if (!header) {
      if ('error' in parsed) {
        yield problem(file, 'cli:input.badCsv', { reason: `line ${row.line}: ${parsed.error}` });
        return;
      }
      header = parsed.cells.map((c) => c.trim());
      delimiter = parsed.delimiter;
      delimiters.set = new Set([delimiter.charCodeAt(0)]);
      const seen = new Map<string, number>();
      for (const [i, col] of header.entries()) {
        if (seen.has(col)) {
          yield problem(file, 'cli:input.csvDuplicateColumn', { column: col, first: seen.get(col)! + 1, second: i + 1 });
          return;
        }
        seen.set(col, i);
      }
      continue;
    }
    record++;
    if ('error' in parsed) {
      yield problem(file, 'cli:input.badCsv', { reason: `line ${row.line}: ${parsed.error}` }, record);
      continue;
    }
    if (parsed.cells.length !== header.length) {
      yield problem(file, 'cli:input.csvCellCount', { line: row.line, cells: parsed.cells.length, columns: header.length }, record);
      continue;
    }
    yield* guarded(file, record, () => csvRecord(file, record, header!, parsed.cells, rs));
  }
  if (!any) yield problem(file, 'cli:input.empty');
  else if (header && record === 0) yield problem(file, 'cli:input.empty');
}

function csvRecord(file: string, record: number, header: string[], cells: string[], rs: RuleSet): InputItem[] {
  const meta: Record<string, string> = {};
  const answers: Record<string, unknown> = {};
  for (let i = 0; i < header.length; i++) {
    const col = header[i]!;
    const cell = cells[i]!.trim();
    const metaKey = Object.hasOwn(META_COLUMNS, col) ? META_COLUMNS[col] : undefined;
    if (metaKey) {
      if (cell) meta[metaKey] = cell;
      continue;
    }
    if (!cell) continue;
    const q = rs.questionById.get(col);
    let value: unknown = cell; // unknown columns reach the engine, which names them
    if (q?.type === 'multi') value = cell.split(/[;|]/).map((s) => s.trim()).filter(Boolean);
    else if (q?.type === 'number') value = /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell;
    Object.defineProperty(answers, col, { value, enumerable: true, writable: true, configurable: true });
  }
  return [{ record: { file, record, meta, answers } }];
}

/** `make`'s items; an exception (a bug, or input no check foresaw) becomes a problem with this record. */
function* guarded(file: string, record: number, make: () => Iterable<InputItem>): Generator<InputItem> {
  let items: InputItem[];
  try {
    items = [...make()];
  } catch (e) {
    yield problem(file, 'cli:input.failed', { reason: e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 200) : String(e).slice(0, 200) }, record);
    return;
  }
  yield* items;
}

/** Only these `meta` fields are read (company and product name the subject where the answers do not). */
const META_FIELDS = ['company', 'product', 'assessor'] as const;

function toRecord(file: string, record: number, data: unknown, rs: RuleSet): Generator<InputItem> {
  return guarded(file, record, () => toRecordItems(file, record, data, rs));
}

function toRecordItems(file: string, record: number, data: unknown, rs: RuleSet): InputItem[] {
  if (typeof data === 'object' && data !== null && (data as { format?: unknown }).format === FILE_FORMAT) return fromAssessmentFile(file, record, data, rs);
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !Object.hasOwn(data, 'answers')) return [problem(file, 'cli:input.notRecord', {}, record)];
  const { meta, answers } = data as { meta?: unknown; answers: unknown };
  const m: Record<string, string> = {};
  if (meta !== undefined) {
    if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) return [problem(file, 'cli:input.badMeta', {}, record, 'meta')];
    for (const k of META_FIELDS) {
      const v = Object.hasOwn(meta, k) ? (meta as Record<string, unknown>)[k] : undefined;
      if (typeof v === 'string') m[k] = v;
    }
  }
  return [{ record: { file, record, meta: m, answers } }];
}

/** A file exported by the app: checked like an import there; its assessor and duty statuses come along. */
function fromAssessmentFile(file: string, record: number, data: unknown, rs: RuleSet): InputItem[] {
  const r = readAssessmentData(rs, data, summarizer(rs));
  if (!r.ok) {
    return r.problems.map((p) => {
      const e = p.answerError;
      if (e) return problem(file, `errors:answer.${e.code}`, { ...e.params, question: e.question ?? '' }, record, e.question);
      return problem(file, `errors:file.${p.code}`, p.params, record);
    });
  }
  return [
    {
      record: {
        file,
        record,
        meta: r.record.assessor ? { assessor: r.record.assessor } : {},
        answers: r.record.answers,
        duties: r.record.duties,
        assessment: r.record,
      },
    },
  ];
}
