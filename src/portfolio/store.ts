/**
 * The browser's store of assessments: IndexedDB (through `idb`), one entry per assessment in the
 * exported-file shape, so what is read back passes the same checks as an imported file. Entries that
 * fail them are moved to a `damaged` store (kept, never deleted) and reported. Also holds which
 * assessment is open, and migrates the single assessment the app used to keep in localStorage.
 * No React here: state.ts keeps the in-memory copy the pages render.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { RuleSet } from '../engine';
import { readAssessmentData, toFile, type AssessmentFile, type FileNotice, type FileProblem } from '../file-format/assessment-file';
import { type AssessmentRecord } from '../assessment/record';

export const DB_NAME = 'ai-risk-self-assessment';
/** Where the app before the portfolio kept its one assessment (schema 1 file shape). */
export const LEGACY_KEY = 'ai-risk-self-assessment:current';
export const LEGACY_DAMAGED_KEY = `${LEGACY_KEY}:damaged`;

interface Schema extends DBSchema {
  assessments: { key: string; value: AssessmentFile };
  damaged: { key: number; value: { at: string; data: unknown } };
  settings: { key: string; value: unknown };
}

/**
 * Database versions and what each adds; `upgrade` runs the steps from the stored version to the
 * newest, so a browser that skipped versions gets every step in order.
 */
const DB_VERSION = 1;
const UPGRADES: Record<number, (db: IDBPDatabase<Schema>) => void> = {
  1: (db) => {
    db.createObjectStore('assessments', { keyPath: 'assessment.id' });
    db.createObjectStore('damaged', { autoIncrement: true });
    db.createObjectStore('settings');
  },
};

export interface Loaded {
  records: AssessmentRecord[];
  /** Entries that did not pass the checks (moved to the damaged store), with the reasons. */
  damaged: FileProblem[][];
  /**
   * How many of those could not even be moved aside (the write to the damaged store failed, e.g. the
   * storage is full): they stay where they are, untouched, and are skipped in memory.
   */
  notSetAside: number;
  /** Notes on entries made under another rule-set version. */
  notices: FileNotice[];
  /** What the migration from localStorage did, if anything. */
  migrated?: MigrationOutcome;
}

export type MigrationOutcome = { kind: 'moved'; id: string } | { kind: 'kept_newer'; id: string } | { kind: 'damaged'; problems: FileProblem[] };

/**
 * What a tab expects to find stored before it writes: the `updatedAt` of the entry as this tab last
 * read or wrote it, or null when it knows of no stored entry (a new assessment, or one it deleted).
 */
export type Expected = string | null;

/** A checked write: which entries were written, and which were not because another tab changed or deleted them. */
export interface PutOutcome {
  written: string[];
  /** Not written: what is stored now (the raw entry; undefined when it was deleted). */
  conflicts: { id: string; stored: unknown }[];
}

/** A checked delete: done (or already gone), or refused because another tab changed it since. */
export type DeleteOutcome = { ok: true } | { ok: false; stored: unknown };

const storedUpdatedAt = (entry: unknown): Expected => {
  const a = (entry as { assessment?: { updatedAt?: unknown } } | undefined)?.assessment;
  return typeof a?.updatedAt === 'string' ? a.updatedAt : entry === undefined ? null : '';
};

/**
 * The result of `work` done in `tx`, once `tx` has committed. If it did not, the error that says why:
 * a failed request's own error (QuotaExceededError…) rather than the AbortError it causes, which idb
 * may report first; else the transaction's error (a quota exceeded at commit shows only there).
 */
async function settle<T>(work: Promise<T>, tx: { done: Promise<void>; error: DOMException | null }): Promise<T> {
  const [result, done] = await Promise.allSettled([work, tx.done]);
  if (result.status === 'fulfilled' && done.status === 'fulfilled') return result.value;
  const errors = [result, done].flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  const named = (e: unknown) => e instanceof Error && e.name !== 'AbortError';
  throw errors.find(named) ?? (tx.error && tx.error.name !== 'AbortError' ? tx.error : errors[0]);
}

/** Equal as data (object keys in any order). */
function sameContent(a: unknown, b: unknown): boolean {
  const canon = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canon) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon((v as Record<string, unknown>)[k])])) : v;
  return a !== undefined && JSON.stringify(canon(a)) === JSON.stringify(canon(b));
}

export class AssessmentStore {
  private constructor(
    private db: IDBPDatabase<Schema>,
    private readonly rs: RuleSet,
    readonly name: string,
  ) {}

  /** True once the browser closed the connection (storage cleared, or another tab upgrading). */
  private closed = false;

  static async open(rs: RuleSet, name = DB_NAME): Promise<AssessmentStore> {
    const ref: { store?: AssessmentStore } = {};
    ref.store = new AssessmentStore(await AssessmentStore.connect(name, () => ref.store), rs, name);
    return ref.store;
  }

  private static connect(name: string, self: () => AssessmentStore | undefined): Promise<IDBPDatabase<Schema>> {
    return openDB<Schema>(name, DB_VERSION, {
      upgrade(database, oldVersion) {
        for (let v = oldVersion + 1; v <= DB_VERSION; v++) UPGRADES[v]!(database);
      },
      blocking() {
        // A newer copy of the app in another tab wants to upgrade: let it.
        const s = self();
        if (s) {
          s.closed = true;
          s.db.close();
        }
      },
      terminated() {
        // The browser closed the connection (storage cleared, disk error): the next write reopens.
        const s = self();
        if (s) s.closed = true;
      },
    });
  }

  /** The connection, opened again if the browser closed it. */
  private async conn(): Promise<IDBPDatabase<Schema>> {
    if (this.closed) {
      this.db = await AssessmentStore.connect(this.name, () => this);
      this.closed = false;
    }
    return this.db;
  }

  close(): void {
    this.db.close();
  }

  /** The record an entry holds, if it passes the checks (what another tab wrote is read like a file). */
  read(entry: unknown): AssessmentRecord | undefined {
    if (entry === undefined) return undefined;
    const r = readAssessmentData(this.rs, entry);
    return r.ok ? r.record : undefined;
  }

  /**
   * Every stored assessment that passes the checks; the others are moved aside and reported. Reading
   * and moving are separate transactions: if the move fails (storage full, the damaged store
   * unwritable), the damaged entries are left where they are and skipped, and the start goes on.
   */
  async load(): Promise<Loaded> {
    const db = await this.conn();
    const tx = db.transaction('assessments', 'readonly');
    const [keys, values] = await settle(Promise.all([tx.store.getAllKeys(), tx.store.getAll()]), tx);
    const records: AssessmentRecord[] = [];
    const damaged: FileProblem[][] = [];
    const bad: string[] = [];
    const notices: FileNotice[] = [];
    values.forEach((value, i) => {
      const r = readAssessmentData(this.rs, value);
      if (r.ok) {
        records.push(r.record);
        notices.push(...r.notices.filter((n) => n.code !== 'rule_set_no_change'));
      } else {
        damaged.push(r.problems);
        bad.push(keys[i]!);
      }
    });
    let notSetAside = 0;
    if (bad.length) {
      try {
        await this.setAside(bad);
      } catch {
        notSetAside = bad.length;
      }
    }
    return { records, damaged, notSetAside, notices };
  }

  /** Moves the entries under `keys` that still fail the checks to the damaged store, in one transaction. */
  private async setAside(keys: readonly string[]): Promise<void> {
    const db = await this.conn();
    const tx = db.transaction(['assessments', 'damaged'], 'readwrite');
    const run = async () => {
      for (const key of keys) {
        const value = await tx.objectStore('assessments').get(key);
        // Another tab may have replaced it with a good entry meanwhile: then it stays.
        if (value === undefined || readAssessmentData(this.rs, value).ok) continue;
        await tx.objectStore('damaged').add({ at: new Date().toISOString(), data: value });
        await tx.objectStore('assessments').delete(key);
      }
    };
    await settle(run(), tx);
  }

  /**
   * Stored with its result under the current rule set (so a later one can say what it changes). The
   * evaluation code that computes it is not part of the page's first load: until it has arrived
   * (fetched shortly after), single entries are stored without the result and completed once it is.
   * Unconditional: for the migration and tests; the app writes with `putChecked`.
   */
  async put(record: AssessmentRecord): Promise<void> {
    await this.putMany([record]);
  }

  /** Many in one transaction, whatever is stored: all are written or, if the browser refuses, none. */
  async putMany(records: readonly AssessmentRecord[]): Promise<void> {
    const files = await this.files(records);
    const db = await this.conn();
    const tx = db.transaction('assessments', 'readwrite');
    await settle(Promise.all(files.map((f) => tx.store.put(f))), tx);
    this.afterWrite(records);
  }

  /**
   * Writes each record only if the stored entry is still the one this tab knows (`expected`), all in
   * one transaction; IndexedDB runs read-write transactions on the same store one at a time across
   * every tab of the origin, so nothing can come between the check and the write. An entry another
   * tab changed or deleted meanwhile is not overwritten: it is returned as a conflict. Resolves only
   * once the transaction has committed; rejects (nothing written) if the browser refuses it (storage
   * full, transaction aborted, connection lost).
   */
  async putChecked(items: readonly { record: AssessmentRecord; expected: Expected }[]): Promise<PutOutcome> {
    const files = await this.files(items.map((i) => i.record));
    const db = await this.conn();
    const tx = db.transaction('assessments', 'readwrite');
    const outcome: PutOutcome = { written: [], conflicts: [] };
    const run = async () => {
      for (const [i, { record, expected }] of items.entries()) {
        const stored = await tx.store.get(record.id);
        // The very same content (the same file imported in two tabs) is no conflict.
        if (storedUpdatedAt(stored) !== expected && !sameContent(stored?.assessment, files[i]!.assessment)) {
          outcome.conflicts.push({ id: record.id, stored });
          continue;
        }
        await tx.store.put(files[i]!);
        outcome.written.push(record.id);
      }
    };
    await settle(run(), tx);
    this.afterWrite(items.map((i) => i.record).filter((r) => outcome.written.includes(r.id)));
    return outcome;
  }

  private async files(records: readonly AssessmentRecord[]): Promise<AssessmentFile[]> {
    const summarize = this.summarize ?? (records.length > 1 ? await this.loadSummarize() : undefined);
    return records.map((r) => (summarize ? summarize.exportFile(this.rs, r) : toFile(this.rs, r)));
  }

  private afterWrite(records: readonly AssessmentRecord[]): void {
    if (this.summarize || !records.length) return;
    for (const r of records) this.withoutResult.add(r.id);
    this.scheduleCompletion();
  }

  /** The raw entries stored under `ids` (undefined where there is none), read in one transaction. */
  async entries(ids: readonly string[]): Promise<unknown[]> {
    const db = await this.conn();
    const tx = db.transaction('assessments', 'readonly');
    return settle(Promise.all(ids.map((id) => tx.store.get(id))), tx);
  }

  private summarize?: typeof import('../file-format/summarize');
  private readonly withoutResult = new Set<string>();
  private completion?: Promise<void>;

  private async loadSummarize(): Promise<typeof import('../file-format/summarize')> {
    this.summarize ??= await import('../file-format/summarize');
    return this.summarize;
  }

  /** Adds the result to entries stored without it, unless they changed since (then they have it). */
  private scheduleCompletion(): void {
    this.completion ??= new Promise<void>((resolve) => setTimeout(resolve, 1500))
      .then(() => this.loadSummarize())
      .then(async (m) => {
        const ids = [...this.withoutResult];
        this.withoutResult.clear();
        const db = await this.conn();
        const tx = db.transaction('assessments', 'readwrite');
        for (const id of ids) {
          const entry = await tx.store.get(id);
          if (!entry || entry.result) continue;
          const r = readAssessmentData(this.rs, entry);
          if (r.ok) await tx.store.put(m.exportFile(this.rs, r.record, new Date(entry.exportedAt)));
        }
        await tx.done;
      })
      // Only the stored result is missing then (it is added again on the entry's next write).
      .catch(() => undefined)
      .finally(() => {
        this.completion = undefined;
      });
  }

  /** Resolves when entries stored without their result have been completed. */
  completed(): Promise<void> {
    return this.completion ?? Promise.resolve();
  }

  async delete(id: string): Promise<void> {
    await (await this.conn()).delete('assessments', id);
  }

  /**
   * Deletes only if the stored entry is still the one this tab knows (`expected`); if another tab
   * changed it since, it stays and is returned. Already gone counts as done.
   */
  async deleteChecked(id: string, expected: Expected): Promise<DeleteOutcome> {
    const db = await this.conn();
    const tx = db.transaction('assessments', 'readwrite');
    const run = async (): Promise<DeleteOutcome> => {
      const stored = await tx.store.get(id);
      if (stored === undefined) return { ok: true };
      if (storedUpdatedAt(stored) !== expected) return { ok: false, stored };
      await tx.store.delete(id);
      return { ok: true };
    };
    return settle(run(), tx);
  }

  async getSetting<T>(key: string): Promise<T | undefined> {
    return (await (await this.conn()).get('settings', key)) as T | undefined;
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    await (await this.conn()).put('settings', value, key);
  }
}
