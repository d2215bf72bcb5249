/**
 * Checklist PDFs for a batch, made on every core: this thread makes PDFs too, and one worker thread
 * per other core (pdf-worker.ts) joins in as soon as it has started. A small batch, or one core, is
 * made here alone: a worker takes about a second to load the code, read the font and warm up, longer
 * than a few PDFs take here. Each thread reads the font once and keeps its layout caches for all the
 * PDFs it makes. A job is plain data (the report, answers, duty statuses, assessor); the rule set is
 * sent once per worker. Results are handed over in input order, a failed job as its error message,
 * without stopping the others; the workers are gone when `renderPdfs` has ended.
 *
 * Workers load pdf-worker.ts through tsx's `tsImport`: the command line runs under tsx, whose loader
 * Node 20 does not pass on to worker threads. The same code runs under tsx, vitest and plain Node.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AnswerValue, RuleSet } from '../engine';
import { translators, type TFunction } from '../i18n/i18n';
import { loadPdfAssets } from '../node/pdf-assets';
import type { DutyStatus, IssuedDocument } from '../assessment/record';
import type { DocumentEdition } from '../document/checklist';
import { checklistPdf } from '../pdf/checklist-pdf';
import type { PdfAssets } from '../pdf/render';
import type { Report } from '../report/present';
import { documentInput } from '../report/pipeline';

/** What one checklist PDF is made from. It is in the report's language, with that language's `t` (createI18n). */
export interface PdfJob extends DocumentEdition {
  report: Report;
  answers: Readonly<Record<string, AnswerValue>>;
  duties: Readonly<Record<string, DutyStatus>>;
  assessor?: string;
  /** The document last issued for the assessment (its revision note). */
  issued?: IssuedDocument;
}

export type PdfOutcome = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

export interface PdfBatchOptions {
  /** Worker threads besides this one; by default one per other core, none for a small batch. */
  workers?: number;
  /** Whether this thread makes PDFs too (default true; with no workers, it always does). */
  here?: boolean;
}

/** The messages between the pool and a worker: setup (workerData), jobs, and back readiness and results. */
export interface WorkerSetup {
  rs: RuleSet;
}
export interface WorkerRequest {
  id: number;
  job: PdfJob;
}
export type WorkerReply = { ready: true } | ({ id: number } & PdfOutcome);

/** Batches smaller than this are made in this thread alone (measured: see BENCHMARKS.md, "pdf"). */
export const MIN_JOBS_FOR_WORKERS = 12;
/**
 * Jobs a worker holds, so that it starts the next while this thread is busy making a PDF of its own;
 * one until its first PDF is back (the first takes a worker several times as long: cold code, empty
 * caches), so that a late-starting worker does not hold up the end of a batch.
 */
const IN_FLIGHT = 2;
/** How far past the first unfinished job work is handed out, per thread: bounds the results held for ordering. */
const AHEAD_PER_THREAD = 32;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The checklist PDF of one job, as every thread makes it (a bad job rejects, it does not throw). */
export async function jobPdf(rs: RuleSet, job: PdfJob, t: TFunction, assets: PdfAssets): Promise<Uint8Array> {
  return checklistPdf({ ...documentInput(rs, job, job.report, t), ...(job.full ? { full: true } : {}) }, assets);
}


export function defaultWorkers(jobs: number): number {
  return jobs < MIN_JOBS_FOR_WORKERS ? 0 : availableParallelism() - 1;
}

/**
 * Makes a PDF per job and calls `onResult(index, outcome)` for each, in input order, as soon as it and
 * all before it are done. Resolves when every job has been handed over; rejects (and stops) if
 * `onResult` throws.
 */
export function renderPdfs(rs: RuleSet, jobs: readonly PdfJob[], onResult: (index: number, outcome: PdfOutcome) => void, opts: PdfBatchOptions = {}): Promise<void> {
  const workers = Math.max(0, opts.workers ?? defaultWorkers(jobs.length));
  return new Batch(rs, jobs, onResult, workers === 0 || opts.here !== false).run(workers);
}

let running = 0;
/** PDF worker threads running in this process (none once every batch has ended). */
export const runningWorkers = () => running;

function startWorker(rs: RuleSet): Worker {
  // A script evaluated as the worker's entry: tsx's API imports pdf-worker.ts (and what it imports).
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./pdf-worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}));`;
  const w = new Worker(code, { eval: true, execArgv: [], workerData: { rs } satisfies WorkerSetup });
  running++;
  w.once('exit', () => running--);
  return w;
}

class Batch {
  /** The live workers, each with the jobs it holds (none until it is ready) and how many it may hold. */
  private workers = new Map<Worker, { held: Set<number>; limit: number }>();
  /** Finished jobs waiting for those before them. */
  private done = new Map<number, PdfOutcome>();
  private next = 0;
  private delivered = 0;
  private threads = 1;
  private restarts = 0;
  private localBusy = false;
  private settled = false;
  private assets?: PdfAssets;
  private tFor = translators();
  private resolve!: () => void;
  private reject!: (e: Error) => void;

  constructor(
    private rs: RuleSet,
    private jobs: readonly PdfJob[],
    private onResult: (index: number, outcome: PdfOutcome) => void,
    private here: boolean,
  ) {}

  run(workers: number): Promise<void> {
    const ended = new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    if (!this.jobs.length) return Promise.resolve();
    this.threads = (this.here ? 1 : 0) + workers;
    this.restarts = workers; // a dead worker is replaced, once per worker started
    for (let k = 0; k < workers; k++) this.spawn();
    this.feed();
    return ended;
  }

  /** The next job to hand out, if it is not too far ahead of the first unfinished one. */
  private take(): number | undefined {
    if (this.settled || this.next >= this.jobs.length || this.next >= this.delivered + AHEAD_PER_THREAD * this.threads) return undefined;
    return this.next++;
  }

  private feed() {
    for (const [w, { held, limit }] of this.workers) {
      for (let i: number | undefined; held.size < limit && (i = this.take()) !== undefined; ) {
        held.add(i);
        w.postMessage({ id: i, job: this.jobs[i]! } satisfies WorkerRequest);
      }
    }
    if (this.here && !this.localBusy) {
      const i = this.take();
      if (i !== undefined) void this.renderHere(i);
    }
  }

  private async renderHere(i: number) {
    this.localBusy = true;
    const job = this.jobs[i]!;
    let outcome: PdfOutcome;
    try {
      this.assets ??= loadPdfAssets();
      outcome = { ok: true, bytes: await jobPdf(this.rs, job, this.tFor(job.report.language), this.assets) };
    } catch (e) {
      outcome = { ok: false, error: message(e) };
    }
    this.localBusy = false;
    this.finish(i, outcome);
    // Let workers' messages in before the next PDF here (which holds this thread for a while).
    setImmediate(() => this.feed());
  }

  private finish(i: number, outcome: PdfOutcome) {
    if (this.settled) return;
    this.done.set(i, outcome);
    try {
      for (let o; (o = this.done.get(this.delivered)); ) {
        this.done.delete(this.delivered);
        this.onResult(this.delivered++, o);
      }
    } catch (e) {
      return this.settle(e); // the caller's own failure (writing a file, a progress callback) ends the batch
    }
    if (this.delivered === this.jobs.length) this.settle();
  }

  /** Ends the batch once the workers are gone. */
  private settle(error?: unknown) {
    this.settled = true;
    const stopped = [...this.workers.keys()].map((w) => w.terminate());
    this.workers.clear();
    void Promise.allSettled(stopped).then(() => {
      if (error === undefined) this.resolve();
      else this.reject(error instanceof Error ? error : new Error(String(error)));
    });
  }

  private spawn() {
    let w: Worker;
    try {
      w = startWorker(this.rs);
    } catch {
      if (!this.workers.size) this.here = true; // no tsx to load the worker with: this thread does it all
      return;
    }
    const state = { held: new Set<number>(), limit: 0 };
    this.workers.set(w, state);
    w.on('message', (reply: WorkerReply) => {
      if ('ready' in reply) state.limit = 1;
      else {
        state.held.delete(reply.id);
        state.limit = IN_FLIGHT;
        this.finish(reply.id, reply.ok ? { ok: true, bytes: reply.bytes } : { ok: false, error: reply.error });
      }
      this.feed();
    });
    // A worker that dies (it could not start, it ran out of memory) fails the jobs it held; another
    // takes its place while there is work left, and with none left this thread does the rest.
    const died = (reason: string) => {
      if (this.settled || !this.workers.has(w)) return;
      this.workers.delete(w);
      if (this.next < this.jobs.length && this.restarts-- > 0) this.spawn();
      if (!this.workers.size) this.here = true;
      for (const i of state.held) this.finish(i, { ok: false, error: reason });
      this.feed();
    };
    w.on('error', (e) => died(message(e)));
    w.on('exit', (code) => died(`the PDF worker stopped (exit code ${code})`));
  }
}
