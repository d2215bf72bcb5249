/**
 * The portfolio in memory: every assessment, which one is open, and whether saving works. Pages read
 * it with `usePortfolio()`; every change goes through the functions here, which update memory at once
 * and write to IndexedDB behind (writes to one store run in the order they were made). If IndexedDB
 * cannot be opened the app still works on an assessment in memory and says that nothing is saved.
 */
import { useSyncExternalStore } from 'react';
import type { RuleSet } from '../engine/ruleset';
import { newRecord, randomId, readAssessmentData, type AssessmentRecord, type Cohort, type FileNotice, type FileProblem } from '../report/assessment-file';
import { AssessmentStore, LEGACY_KEY, type MigrationOutcome } from './store';

export type SaveProblem = 'quota' | 'unavailable';

export interface PortfolioState {
  status: 'loading' | 'ready';
  /** Insertion order; the portfolio page sorts. */
  records: ReadonlyMap<string, AssessmentRecord>;
  currentId: string;
  /** Bumped when the open assessment is replaced from outside the questionnaire (open, new, import). */
  session: number;
  saveProblem?: SaveProblem;
  startup: { damaged: FileProblem[][]; notices: FileNotice[]; migrated?: MigrationOutcome };
}

let rs: RuleSet;
let store: AssessmentStore | undefined;
const placeholder = newRecord(new Date(0), 'loading');
let state: PortfolioState = { status: 'loading', records: new Map(), currentId: placeholder.id, session: 0, startup: { damaged: [], notices: [] } };
const listeners = new Set<() => void>();

function set(next: Partial<PortfolioState>) {
  state = { ...state, ...next };
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

/**
 * Writes run one after another, in the order they were made (a write may first fetch the evaluation
 * code, so the store's own transaction order is not enough). A failure is kept in `saveProblem`
 * (the page warns); a success clears it.
 */
let queue: Promise<void> = Promise.resolve();
function write(op: (s: AssessmentStore) => Promise<void>): Promise<void> {
  const s = store;
  if (!s) return Promise.resolve();
  queue = queue.then(() =>
    op(s).then(
      () => {
        if (state.saveProblem) set({ saveProblem: undefined });
      },
      (e: unknown) => set({ saveProblem: e instanceof DOMException && /quota/i.test(e.name) ? 'quota' : 'unavailable' }),
    ),
  );
  return queue;
}

/** Resolves when every write made so far has finished. */
export const writesSettled = (): Promise<void> => queue;

let starting: Promise<void> | undefined;

/** Opens the store, brings in the legacy localStorage assessment, loads everything, picks the open one. */
export function startPortfolio(ruleSet: RuleSet, open: () => Promise<AssessmentStore> = () => AssessmentStore.open(ruleSet)): Promise<void> {
  rs = ruleSet;
  starting ??= (async () => {
    try {
      store = await open();
    } catch {
      store = undefined;
    }
    if (!store) {
      // No IndexedDB (blocked, private mode): work in memory, from the legacy entry if there is one.
      const legacy = readLegacyInMemory();
      const rec = legacy ?? newRecord();
      set({ status: 'ready', records: new Map([[rec.id, rec]]), currentId: rec.id, session: state.session + 1, saveProblem: 'unavailable' });
      return;
    }
    let migrated: MigrationOutcome | undefined;
    try {
      migrated = await store.migrateLegacy(localStorage);
    } catch {
      migrated = undefined;
    }
    const loaded = await store.load();
    const records = new Map(loaded.records.map((r) => [r.id, r]));
    let currentId = await store.getSetting<string>('current');
    if (!currentId || !records.has(currentId)) {
      currentId = [...records.values()].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))[0]?.id;
    }
    if (!currentId) {
      // A blank assessment to start with; stored with its first change (nothing is lost meanwhile).
      const rec = newRecord();
      records.set(rec.id, rec);
      currentId = rec.id;
    }
    void write((s) => s.setSetting('current', currentId));
    set({ status: 'ready', records, currentId, session: state.session + 1, startup: { damaged: loaded.damaged, notices: loaded.notices, ...(migrated ? { migrated } : {}) } });
  })();
  return starting;
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
  void write((s) => s.put(rec));
}

export function openAssessment(id: string): void {
  if (!state.records.has(id) || id === state.currentId) return;
  set({ currentId: id, session: state.session + 1 });
  void write((s) => s.setSetting('current', id));
}

/** A new, empty assessment (in a cohort when started from an invite link), opened. */
export function createAssessment(cohort?: Cohort): AssessmentRecord {
  const rec = { ...newRecord(), ...(cohort ? { cohort } : {}) };
  set({ records: withRecord(rec), currentId: rec.id, session: state.session + 1 });
  void write(async (s) => {
    await s.put(rec);
    await s.setSetting('current', rec.id);
  });
  return rec;
}

export function renameAssessment(id: string, title: string): void {
  const rec = state.records.get(id);
  if (!rec) return;
  const next: AssessmentRecord = { ...rec, updatedAt: new Date().toISOString() };
  if (title) next.title = title;
  else delete next.title;
  set({ records: withRecord(next), ...(id === state.currentId ? { session: state.session + 1 } : {}) });
  void write((s) => s.put(next));
}

export function duplicateAssessment(id: string, copyTitle: (name: string) => string, name: string): AssessmentRecord | undefined {
  const rec = state.records.get(id);
  if (!rec) return undefined;
  const now = new Date().toISOString();
  const copy: AssessmentRecord = { ...structuredClone(rec), id: randomId(), title: copyTitle(name), createdAt: now, updatedAt: now };
  set({ records: withRecord(copy) });
  void write((s) => s.put(copy));
  return copy;
}

/** Deletes; returns what `undoDelete` needs to put it back. The open assessment moves to another (or a new one). */
export function deleteAssessment(id: string): { record: AssessmentRecord; wasCurrent: boolean } | undefined {
  const rec = state.records.get(id);
  if (!rec) return undefined;
  const records = new Map(state.records);
  records.delete(id);
  const wasCurrent = id === state.currentId;
  let currentId = state.currentId;
  if (wasCurrent) {
    const next = [...records.values()].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))[0] ?? newRecord();
    if (!records.has(next.id)) {
      records.set(next.id, next);
      void write((s) => s.put(next));
    }
    currentId = next.id;
  }
  set({ records, currentId, ...(wasCurrent ? { session: state.session + 1 } : {}) });
  void write(async (s) => {
    await s.delete(id);
    await s.setSetting('current', currentId);
  });
  return { record: rec, wasCurrent };
}

export function undoDelete(d: { record: AssessmentRecord; wasCurrent: boolean }): void {
  set({ records: withRecord(d.record), ...(d.wasCurrent ? { currentId: d.record.id, session: state.session + 1 } : {}) });
  void write(async (s) => {
    await s.put(d.record);
    if (d.wasCurrent) await s.setSetting('current', d.record.id);
  });
}

/** Adds or replaces many at once (an import), in one transaction. `open` opens one of them. */
export function putAssessments(recs: readonly AssessmentRecord[], open?: string): Promise<void> {
  if (!recs.length) return Promise.resolve();
  const records = new Map(state.records);
  for (const r of recs) records.set(r.id, r);
  const replacesCurrent = recs.some((r) => r.id === state.currentId);
  const currentId = open ?? state.currentId;
  set({ records, currentId, ...(replacesCurrent || open ? { session: state.session + 1 } : {}) });
  return write(async (s) => {
    await s.putMany(recs);
    if (open) await s.setSetting('current', open);
  });
}

/** For tests: forget everything (the next start opens the store again). */
export function resetPortfolioForTests(): void {
  store?.close();
  queue = Promise.resolve();
  store = undefined;
  starting = undefined;
  state = { status: 'loading', records: new Map(), currentId: placeholder.id, session: 0, startup: { damaged: [], notices: [] } };
}
