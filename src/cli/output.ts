/**
 * Results written as they are made, so that memory does not grow with the input: a JSON array written
 * element by element, NDJSON (one result per line), or CSV (the project's CSV rule, lib/csv.ts). Writes
 * are gathered into blocks of about 64 KB; when the stream says it is full (`write` returns false), the
 * writer waits for 'drain' before going on.
 */
import { CSV_BOM, csvLine } from '../lib/csv';
import type { Report } from '../report/present';
import { CSV_COLUMNS, type CsvSubject } from './classify';

/** Where output goes: `write` returns false when the stream is full, and `drain` resolves when it has room again. */
export interface Sink {
  write(s: string): unknown;
  drain?(): Promise<void>;
}

const BLOCK = 64 * 1024;

export class BufferedWriter {
  private buf = '';
  constructor(
    private readonly sink: Sink,
    private readonly block = BLOCK,
  ) {}

  /** Adds `s`; a promise when the caller must wait (the stream was full), otherwise undefined. */
  write(s: string): Promise<void> | undefined {
    this.buf += s;
    return this.buf.length >= this.block ? this.flush() : undefined;
  }

  flush(): Promise<void> | undefined {
    if (!this.buf) return undefined;
    const s = this.buf;
    this.buf = '';
    if (this.sink.write(s) === false && this.sink.drain) return this.sink.drain();
    return undefined;
  }
}

/** One output format, written as results come. */
export interface ResultWriter {
  /** Whether results must carry the full report (present): JSON and NDJSON do, CSV does not. */
  readonly needsReport: boolean;
  begin(): Promise<void> | undefined;
  result(r: { subject: CsvSubject; report?: Report }): Promise<void> | undefined;
  end(): Promise<void> | undefined;
}

/** A JSON array, one element per line: `[`, the results separated by `,`, `]`. */
export function jsonArrayWriter(w: BufferedWriter): ResultWriter {
  let first = true;
  return {
    needsReport: true,
    begin: () => undefined,
    result: ({ report }) => {
      const s = `${first ? '[\n' : ',\n'}${JSON.stringify(report)}`;
      first = false;
      return w.write(s);
    },
    end: () => w.write(first ? '[]\n' : '\n]\n') ?? w.flush(),
  };
}

/** NDJSON: one result per line. */
export function ndjsonWriter(w: BufferedWriter): ResultWriter {
  return {
    needsReport: true,
    begin: () => undefined,
    result: ({ report }) => w.write(`${JSON.stringify(report)}\n`),
    end: () => w.flush(),
  };
}

/** CSV: byte-order mark and header, then one row per result (CSV_COLUMNS). */
export function csvWriter(w: BufferedWriter): ResultWriter {
  return {
    needsReport: false,
    begin: () => w.write(CSV_BOM + csvLine(CSV_COLUMNS.map((c) => c.name))),
    result: ({ subject }) => w.write(csvLine(CSV_COLUMNS.map((c) => c.cell(subject)))),
    end: () => w.flush(),
  };
}
