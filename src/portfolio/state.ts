/**
 * The portfolio in memory: every assessment, which one is open, and whether saving works. Pages read
 * it with `usePortfolio()`; every change goes through the functions here and in actions.ts (the
 * portfolio page's operations, loaded with it), which update memory at once and write to IndexedDB
 * behind (store operations run one after another, in the order they were made).
 *
 * Several tabs may hold the same portfolio. Each write is checked against the version of the entry
 * this tab last read or wrote (`known`): if another tab changed or deleted it meanwhile, nothing is
 * overwritten; the assessment is marked as a conflict (keep mine, take theirs, keep both) and this
 * tab's version stays in memory. Committed changes are announced to the other tabs (tabs.ts), which
 * take them over where they have no unsaved changes of their own.
 *
 * A write the browser refuses (storage full, transaction aborted, connection lost) leaves the data in
 * memory, marked unsaved with the reason, for the pages to say so and offer an export; the next
 * change (or `retryUnsaved`) tries again. If IndexedDB cannot be opened at all the app works in memory.
 */
import { useSyncExternalStore } from 'react';
import type { RuleSet } from '../engine';
import { newRecord, type AssessmentRecord, type Cohort } from '../assessment/record';
import { readAssessmentData, type FileNotice, type FileProblem } from '../file-format/assessment-file';
import { migrateLegacy } from './legacy';
import { AssessmentStore, LEGACY_KEY, type Expected, type MigrationOutcome } from './store';
import { openTabChannel, type TabChannel } from './tabs';

export type SaveProblem = 'quota' | 'failed' | 'unavailable';
/** Why an assessment's version here is not stored: the browser refused, or another tab changed it. */
export type UnsavedReason = SaveProblem | 'conflict';

/** Things another tab did that this tab tells its user. */
export type TabNotice =
  /** The assessment open here was deleted in another tab (with no unsaved changes here): another one is open now. */
  | { kind: 'deleted_elsewhere'; record: AssessmentRecord }
  /** Deleted here, but another tab had changed it since: it stays, with their changes. */
  | { kind: 'not_deleted'; record: AssessmentRecord }
  /** The browser refused the deletion: it is gone here but still stored. */
  | { kind: 'delete_failed'; record: AssessmentRecord; reason: SaveProblem };

export interface PortfolioState {
  status: 'loading' | 'ready';
  /** Insertion order; the portfolio page sorts. */
  records: ReadonlyMap<string, AssessmentRecord>;
  currentId: string;
  /** Bumped when the open assessment is replaced from outside the questionnaire (open, new, import, another tab). */
  session: number;
  /** Why saving fails, while something is unsaved for that reason (or storage is unavailable). */
  saveProblem?: SaveProblem;
  /** Assessments whose version here is not stored, and why. Their data stays here, in memory. */
  unsaved: ReadonlyMap<string, UnsavedReason>;
  /** Assessments another tab changed (their version) or deleted (null) while this tab had unsaved changes. */
  conflicts: ReadonlyMap<string, AssessmentRecord | null>;
  notices: readonly TabNotice[];
  /** What the browser answered when asked to keep the storage (asked once, after the first save). */
  persistence?: 'persisted' | 'refused';
  startup: { damaged: FileProblem[][]; notSetAside: number; notices: FileNotice[]; migrated?: MigrationOutcome };
}

/** What became of a write: the ids stored, and the others with the reason. */
export interface SaveOutcome {
  saved: string[];
  failed: { id: string; reason: UnsavedReason }[];
}

let rs: RuleSet;
let store: AssessmentStore | undefined;
let channel: TabChannel | undefined;
const placeholder = newRecord(new Date(0), 'loading');
const initial = (): PortfolioState => ({
  status: 'loading',
  records: new Map(),
  currentId: placeholder.id,
  session: 0,
  unsaved: new Map(),
  conflicts: new Map(),
  notices: [],
  startup: { damaged: [], notSetAside: 0, notices: [] },
});
let state: PortfolioState = initial();
const listeners = new Set<() => void>();

/** The stored entry's `updatedAt` as this tab last read or wrote it (null: not stored, as far as it knows). */
const known = new Map<string, Expected>();
/** The version of each assessment last read from or written to the store (the same object as in memory until it changes). */
const stored = new Map<string, AssessmentRecord>();

function set(next: Partial<PortfolioState>) {
  const merged = { ...state, ...next };
  const reasons = [...merged.unsaved.values()].filter((r): r is SaveProblem => r !== 'conflict');
  const saveProblem: SaveProblem | undefined = merged.status === 'ready' && !store ? 'unavailable' : reasons.at(-1);
  state = { ...merged, saveProblem };
  for (const l of listeners) l();
}

export const getPortfolio = (): PortfolioState => state;
export function usePortfolio(): PortfolioState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}

export const currentRecord = (s: PortfolioState = state): AssessmentRecord => s.records.get(s.currentId) ?? placeholder;

/** True when this tab's version of `id` differs from what it last read or wrote. */
const dirty = (id: string): boolean => state.records.has(id) && state.records.get(id) !== stored.get(id);

/** Why the browser refused a write. */
function problemOf(e: unknown): SaveProblem {
  const name = e instanceof Error || e instanceof DOMException ? e.name : '';
  const message = e instanceof Error || e instanceof DOMException ? e.message : String(e);
  return /quota/i.test(name) || /quota|disk.*full|no space/i.test(message) ? 'quota' : 'failed';
}

/**
 * Store operations run one after another, in the order they were made (a write may first fetch the
 * evaluation code, so the store's own transaction order is not enough).
 */
let queue: Promise<unknown> = Promise.resolve();
function enqueue<T>(op: () => Promise<T>): Promise<T> {
  const p = queue.then(op);
  queue = p.catch(() => undefined);
  return p;
}

/** Resolves when every store operation queued so far has finished. */
export const writesSettled = (): Promise<void> => queue.then(() => undefined);

/** A setting (which assessment is open): worth keeping, not worth a warning when the browser refuses. */
function saveSetting(key: string, value: unknown): void {
  void enqueue(async () => {
    await store?.setSetting(key, value);
  }).catch(() => undefined);
}

/** Queues a checked write of the current versions of `ids` (see `save`). */
function saveIds(ids: readonly string[]): Promise<SaveOutcome> {
  return enqueue(() => save(ids));
}

/**
 * Writes this tab's versions of `ids` where they differ from what is stored, each only if the stored
 * entry is still the one this tab knows. Another tab's change makes a conflict; a refusal by the
 * browser marks them unsaved with the reason. The data stays in memory either way.
 */
async function save(ids: readonly string[]): Promise<SaveOutcome> {
  const out: SaveOutcome = { saved: [], failed: [] };
  const todo: AssessmentRecord[] = [];
  for (const id of new Set(ids)) {
    const rec = state.records.get(id);
    if (!rec) continue; // deleted here since
    if (state.conflicts.has(id)) out.failed.push({ id, reason: 'conflict' });
    else if (stored.get(id) === rec) out.saved.push(id);
    else todo.push(rec);
  }
  if (!todo.length) return out;
  const s = store;
  if (!s) {
    markUnsaved(todo, 'unavailable', out);
    return out;
  }
  try {
    const r = await s.putChecked(todo.map((record) => ({ record, expected: known.get(record.id) ?? null })));
    // Read the state again: it may have changed while the write was under way.
    const unsaved = new Map(state.unsaved);
    const conflicts = new Map(state.conflicts);
    for (const id of r.written) {
      const rec = todo.find((x) => x.id === id)!;
      known.set(id, rec.updatedAt);
      stored.set(id, rec);
      unsaved.delete(id);
      out.saved.push(id);
    }
    for (const c of r.conflicts) {
      if (!state.records.has(c.id)) continue; // deleted here meanwhile
      conflicts.set(c.id, s.read(c.stored) ?? null);
      unsaved.set(c.id, 'conflict');
      out.failed.push({ id: c.id, reason: 'conflict' });
    }
    set({ unsaved, conflicts });
    channel?.post(r.written);
    if (r.written.length) askPersistence();
  } catch (e) {
    markUnsaved(todo, problemOf(e), out);
  }
  return out;
}

function markUnsaved(recs: readonly AssessmentRecord[], reason: SaveProblem, out: SaveOutcome): void {
  const unsaved = new Map(state.unsaved);
  for (const r of recs) {
    out.failed.push({ id: r.id, reason });
    // Deleted here meanwhile, or in conflict now: not this write's to mark.
    if (state.records.has(r.id) && !state.conflicts.has(r.id)) unsaved.set(r.id, reason);
  }
  set({ unsaved });
}

let persistAsked = false;
/** Asks the browser once to keep the storage (not to clear it under pressure), after the first save. */
function askPersistence(): void {
  if (persistAsked) return;
  persistAsked = true;
  const sm = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!sm?.persist) return;
  void (async () => (await sm.persisted?.()) || (await sm.persist()))().then(
    (ok) => set({ persistence: ok ? 'persisted' : 'refused' }),
    () => undefined,
  );
}

/** The assessment to open when the open one goes: the latest changed, else a new one (added to `records`). */
function nextOpen(records: Map<string, AssessmentRecord>): string {
  const next = [...records.values()].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))[0] ?? newRecord();
  records.set(next.id, next);
  return next.id;
}

let starting: Promise<void> | undefined;

/**
 * Opens the store, brings in the legacy localStorage assessment, loads everything, picks the open one.
 * Never fails: whatever the store does, the app starts (in memory if need be, saying so).
 */
export function startPortfolio(ruleSet: RuleSet, open: () => Promise<AssessmentStore> = () => AssessmentStore.open(ruleSet)): Promise<void> {
  rs = ruleSet;
  starting ??= (async () => {
    try {
      store = await open();
    } catch {
      store = undefined;
    }
    let loaded: Awaited<ReturnType<AssessmentStore['load']>> | undefined;
    let migrated: MigrationOutcome | undefined;
    if (store) {
      try {
        migrated = await migrateLegacy(store, rs, localStorage);
      } catch {
        migrated = undefined;
      }
      try {
        loaded = await store.load();
      } catch {
        store.close();
        store = undefined;
      }
    }
    if (!store || !loaded) {
      // No IndexedDB (blocked, private mode, unreadable): work in memory, from the legacy entry if there is one.
      const rec = readLegacyInMemory() ?? newRecord();
      set({ status: 'ready', records: new Map([[rec.id, rec]]), currentId: rec.id, session: state.session + 1 });
      return;
    }
    for (const r of loaded.records) {
      known.set(r.id, r.updatedAt);
      stored.set(r.id, r);
    }
    const records = new Map(loaded.records.map((r) => [r.id, r]));
    let currentId: string | undefined;
    try {
      currentId = await store.getSetting<string>('current');
    } catch {
      currentId = undefined;
    }
    // A blank assessment to start with when there is none; stored with its first change (nothing is lost meanwhile).
    if (!currentId || !records.has(currentId)) currentId = nextOpen(records);
    saveSetting('current', currentId);
    const s = store;
    channel = openTabChannel(s.name, (ids) => {
      if (store !== s) return;
      // The code that applies them comes with the portfolio page, or now.
      void enqueue(async () => (remote ?? (await import('./actions')).applyRemote)(ids)).catch(() => undefined);
    });
    void checkPersistence();
    set({
      status: 'ready',
      records,
      currentId,
      session: state.session + 1,
      startup: { damaged: loaded.damaged, notSetAside: loaded.notSetAside, notices: loaded.notices, ...(migrated ? { migrated } : {}) },
    });
  })();
  return starting;
}

/** Whether the browser already keeps the storage (then it is not asked again). */
async function checkPersistence(): Promise<void> {
  try {
    if (typeof navigator !== 'undefined' && (await navigator.storage?.persisted?.())) {
      persistAsked = true;
      set({ persistence: 'persisted' });
    }
  } catch {
    // unknown: asked after the first save
  }
}

function readLegacyInMemory(): AssessmentRecord | undefined {
  try {
    const text = localStorage.getItem(LEGACY_KEY);
    if (!text) return undefined;
    const r = readAssessmentData(rs, JSON.parse(text));
    return r.ok ? r.record : undefined;
  } catch {
    return undefined;
  }
}

function withRecord(rec: AssessmentRecord): Map<string, AssessmentRecord> {
  const records = new Map(state.records);
  records.set(rec.id, rec);
  return records;
}

/** The questionnaire's changes to the open assessment. */
export function updateCurrent(f: (r: AssessmentRecord) => AssessmentRecord): void {
  const before = state.records.get(state.currentId);
  if (!before) return;
  const rec = f(before);
  if (rec === before) return;
  set({ records: withRecord(rec) });
  void saveIds([rec.id]);
}

export function openAssessment(id: string): void {
  if (!state.records.has(id) || id === state.currentId) return;
  set({ currentId: id, session: state.session + 1 });
  saveSetting('current', id);
}

/** A new, empty assessment (in a cohort when started from an invite link), opened. */
export function createAssessment(cohort?: Cohort): AssessmentRecord {
  const rec = { ...newRecord(), ...(cohort ? { cohort } : {}) };
  set({ records: withRecord(rec), currentId: rec.id, session: state.session + 1 });
  void saveIds([rec.id]);
  saveSetting('current', rec.id);
  return rec;
}

let remote: ((ids: readonly string[]) => Promise<void>) | undefined;

/** For actions.ts, the portfolio page's operations on this state (loaded with the page). */
export const internals = {
  set,
  enqueue,
  saveIds,
  saveSetting,
  nextOpen,
  withRecord,
  dirty,
  problemOf,
  known,
  stored,
  store: () => store,
  channel: () => channel,
  /** Where other tabs' changes go once actions.ts is loaded. */
  onRemote(f: (ids: readonly string[]) => Promise<void>) {
    remote = f;
  },
};

/** For tests: forget everything (the next start opens the store again). */
export function resetPortfolioForTests(): void {
  channel?.close();
  channel = undefined;
  store?.close();
  queue = Promise.resolve();
  store = undefined;
  starting = undefined;
  persistAsked = false;
  remote = undefined;
  known.clear();
  stored.clear();
  state = initial();
}
