/**
 * The browser's store of assessments: IndexedDB (through `idb`), one entry per assessment in the
 * exported-file shape, so what is read back passes the same checks as an imported file. Entries that
 * fail them are moved to a `damaged` store (kept, never deleted) and reported. Also holds which
 * assessment is open, and migrates the single assessment the app used to keep in localStorage.
 * No React here: state.ts keeps the in-memory copy the pages render.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { RuleSet } from '../engine/ruleset';
import { readAssessmentData, toFile, type AssessmentFile, type AssessmentRecord, type FileNotice, type FileProblem } from '../report/assessment-file';

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
  /** Notes on entries made under another rule-set version. */
  notices: FileNotice[];
  /** What the migration from localStorage did, if anything. */
  migrated?: MigrationOutcome;
}

export type MigrationOutcome = { kind: 'moved'; id: string } | { kind: 'kept_newer'; id: string } | { kind: 'damaged'; problems: FileProblem[] };

export class AssessmentStore {
  private constructor(
    private readonly db: IDBPDatabase<Schema>,
    private readonly rs: RuleSet,
  ) {}

  static async open(rs: RuleSet, name = DB_NAME): Promise<AssessmentStore> {
    const db = await openDB<Schema>(name, DB_VERSION, {
      upgrade(database, oldVersion) {
        for (let v = oldVersion + 1; v <= DB_VERSION; v++) UPGRADES[v]!(database);
      },
      blocking() {
        // A newer copy of the app in another tab wants to upgrade: let it.
        db.close();
      },
    });
    return new AssessmentStore(db, rs);
  }

  close(): void {
    this.db.close();
  }

  /** Every stored assessment that passes the checks; the others are moved aside and reported. */
  async load(): Promise<Loaded> {
    const tx = this.db.transaction(['assessments', 'damaged'], 'readwrite');
    const records: AssessmentRecord[] = [];
    const damaged: FileProblem[][] = [];
    const notices: FileNotice[] = [];
    let cursor = await tx.objectStore('assessments').openCursor();
    while (cursor) {
      const r = readAssessmentData(this.rs, cursor.value);
      if (r.ok) {
        records.push(r.record);
        notices.push(...r.notices.filter((n) => n.code !== 'rule_set_no_change'));
      } else {
        damaged.push(r.problems);
        await tx.objectStore('damaged').add({ at: new Date().toISOString(), data: cursor.value });
        await cursor.delete();
      }
      cursor = await cursor.continue();
    }
    await tx.done;
    return { records, damaged, notices };
  }

  /**
   * Stored with its result under the current rule set (so a later one can say what it changes). The
   * evaluation code that computes it is not part of the page's first load: until it has arrived
   * (fetched shortly after), single entries are stored without the result and completed once it is.
   */
  async put(record: AssessmentRecord): Promise<void> {
    await this.putMany([record]);
  }

  /** Many in one transaction (an import): all are written or, if the browser refuses, none. */
  async putMany(records: readonly AssessmentRecord[]): Promise<void> {
    const summarize = this.summarize ?? (records.length > 1 ? await this.loadSummarize() : undefined);
    const tx = this.db.transaction('assessments', 'readwrite');
    await Promise.all([...records.map((r) => tx.store.put(summarize ? summarize.exportFile(this.rs, r) : toFile(this.rs, r))), tx.done]);
    if (!summarize) {
      for (const r of records) this.withoutResult.add(r.id);
      this.scheduleCompletion();
    }
  }

  private summarize?: typeof import('../report/summarize');
  private readonly withoutResult = new Set<string>();
  private completion?: Promise<void>;

  private async loadSummarize(): Promise<typeof import('../report/summarize')> {
    this.summarize ??= await import('../report/summarize');
    return this.summarize;
  }

  /** Adds the result to entries stored without it, unless they changed since (then they have it). */
  private scheduleCompletion(): void {
    this.completion ??= new Promise<void>((resolve) => setTimeout(resolve, 1500))
      .then(() => this.loadSummarize())
      .then(async (m) => {
        const ids = [...this.withoutResult];
        this.withoutResult.clear();
        const tx = this.db.transaction('assessments', 'readwrite');
        for (const id of ids) {
          const entry = await tx.store.get(id);
          if (!entry || entry.result) continue;
          const r = readAssessmentData(this.rs, entry);
          if (r.ok) await tx.store.put(m.exportFile(this.rs, r.record, new Date(entry.exportedAt)));
        }
        await tx.done;
      })
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
    await this.db.delete('assessments', id);
  }

  async getSetting<T>(key: string): Promise<T | undefined> {
    return (await this.db.get('settings', key)) as T | undefined;
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    await this.db.put('settings', value, key);
  }

  /**
   * Moves the assessment kept in localStorage by the app before the portfolio into this store. An
   * entry with the same id already here is kept if it is newer. The localStorage entry is removed
   * only once the store has it; a damaged one is set aside under LEGACY_DAMAGED_KEY, as before.
   */
  async migrateLegacy(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>): Promise<MigrationOutcome | undefined> {
    let text: string | null;
    try {
      text = storage.getItem(LEGACY_KEY);
    } catch {
      return undefined;
    }
    if (text === null) return undefined;
    let data: unknown;
    let problems: FileProblem[] | undefined;
    try {
      data = JSON.parse(text);
    } catch (e) {
      problems = [{ code: 'bad_json', params: { reason: (e as Error).message } }];
    }
    const r = problems ? undefined : readAssessmentData(this.rs, data);
    if (!r?.ok) {
      try {
        storage.setItem(LEGACY_DAMAGED_KEY, text);
        storage.removeItem(LEGACY_KEY);
      } catch {
        // leave it where it is
      }
      return { kind: 'damaged', problems: problems ?? (r && !r.ok ? r.problems : []) };
    }
    const existing = await this.db.get('assessments', r.record.id);
    const keepExisting = existing !== undefined && existing.assessment.updatedAt >= r.record.updatedAt;
    if (!keepExisting) await this.put(r.record);
    if ((await this.getSetting('current')) === undefined) await this.setSetting('current', r.record.id);
    storage.removeItem(LEGACY_KEY);
    return keepExisting ? { kind: 'kept_newer', id: r.record.id } : { kind: 'moved', id: r.record.id };
  }
}
