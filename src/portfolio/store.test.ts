/**
 * The IndexedDB store (on fake-indexeddb): what is put is loaded back; damaged entries are moved aside
 * and reported; the legacy localStorage assessment is migrated once, without losing newer work.
 */
import 'fake-indexeddb/auto';
import { forceCloseDatabase } from 'fake-indexeddb';
import { unwrap } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { idbFaults } from '../testing/idb-faults';
import { exampleAnswers, projectRules } from '../testing/fixtures';
import { FILE_FORMAT } from '../file-format/assessment-file';
import { newRecord, type AssessmentRecord } from '../assessment/record';
import { migrateLegacy } from './legacy';
import { AssessmentStore, LEGACY_DAMAGED_KEY, LEGACY_KEY } from './store';
import { deleteAssessment, putAssessments, undoDelete } from './actions';
import { createAssessment, currentRecord, getPortfolio, resetPortfolioForTests, writesSettled, startPortfolio, updateCurrent } from './state';

const rs = projectRules();
let n = 0;
const dbName = () => `test-${++n}`;
const rec = (id: string, updatedAt = '2026-11-23T10:00:00.000Z'): AssessmentRecord => ({
  ...newRecord(new Date(updatedAt), id),
  answers: exampleAnswers('E1') as AssessmentRecord['answers'],
  step: 'result',
  duties: { 'EU-4-literacy': { status: 'done', note: '培训已完成' } },
});
/** The legacy entry exactly as the app before the portfolio wrote it (schema 1). */
const legacyText = (r: AssessmentRecord) => JSON.stringify({ format: FILE_FORMAT, schemaVersion: 1, ruleSet: { version: rs.version, date: rs.date }, exportedAt: r.updatedAt, assessment: r });

class MemoryStorage {
  items = new Map<string, string>();
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => void this.items.set(k, v);
  removeItem = (k: string) => void this.items.delete(k);
}

afterEach(() => {
  resetPortfolioForTests();
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

describe('assessment store', () => {
  it('loads back exactly what was put, many at once', async () => {
    const s = await AssessmentStore.open(rs, dbName());
    const recs = Array.from({ length: 20 }, (_, i) => ({ ...rec(`a${i}`), title: `T${i}`, cohort: { incubator: 'Hub', label: 'Spring' } }));
    await s.putMany(recs);
    await s.put({ ...recs[0]!, title: 'renamed' });
    await s.delete('a1');
    const loaded = await s.load();
    expect(loaded.records.sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)))).toEqual([{ ...recs[0]!, title: 'renamed' }, ...recs.slice(2)]);
    expect(loaded.damaged).toEqual([]);
  });

  it('stores a single change at once, and adds its result once the evaluation code is loaded', async () => {
    const s = await AssessmentStore.open(rs, dbName());
    await s.put(rec('one'));
    await s.completed();
    const { summarizeResult } = await import('../file-format/summarize');
    const raw = await new Promise<{ result?: unknown }>((resolve) => {
      const r = indexedDB.open(s['db'].name);
      r.onsuccess = () => {
        const q = r.result.transaction('assessments').objectStore('assessments').get('one');
        q.onsuccess = () => {
          resolve(q.result);
          r.result.close();
        };
      };
    });
    expect(raw.result).toEqual(summarizeResult(rs, rec('one').answers, '2026-11-23'));
  });

  it('moves a damaged entry aside with its reasons, keeping the others', async () => {
    const name = dbName();
    const s = await AssessmentStore.open(rs, name);
    await s.put(rec('good'));
    s.close();
    // Damage one entry behind the store's back.
    const raw = await new Promise<IDBDatabase>((res) => {
      const r = indexedDB.open(name);
      r.onsuccess = () => res(r.result);
    });
    await new Promise((res) => {
      const tx = raw.transaction('assessments', 'readwrite');
      tx.objectStore('assessments').put({ format: FILE_FORMAT, schemaVersion: 2, ruleSet: { version: rs.version, date: rs.date }, exportedAt: '2026-11-23T10:00:00.000Z', assessment: { ...rec('bad'), answers: { ai_techniques: ['telepathy'] } } });
      tx.oncomplete = res;
    });
    raw.close();
    const again = await AssessmentStore.open(rs, name);
    const loaded = await again.load();
    expect(loaded.records.map((r) => r.id)).toEqual(['good']);
    expect(loaded.damaged).toHaveLength(1);
    expect(loaded.damaged[0]!.map((p) => p.code)).toEqual(['bad_answers']);
    expect((await again.load()).damaged).toEqual([]);
  });

  it('migrates the legacy localStorage assessment once, and removes it only when stored', async () => {
    const storage = new MemoryStorage();
    storage.setItem(LEGACY_KEY, legacyText(rec('legacy1')));
    const s = await AssessmentStore.open(rs, dbName());
    expect(await migrateLegacy(s, rs, storage)).toEqual({ kind: 'moved', id: 'legacy1' });
    expect(storage.getItem(LEGACY_KEY)).toBeNull();
    expect((await s.load()).records).toEqual([rec('legacy1')]);
    expect(await s.getSetting('current')).toBe('legacy1');
    expect(await migrateLegacy(s, rs, storage)).toBeUndefined();
  });

  it('keeps newer work already in the store over an older legacy copy of the same assessment', async () => {
    const storage = new MemoryStorage();
    storage.setItem(LEGACY_KEY, legacyText(rec('same', '2026-11-20T10:00:00.000Z')));
    const s = await AssessmentStore.open(rs, dbName());
    const newer = { ...rec('same', '2026-11-22T10:00:00.000Z'), title: 'newer' };
    await s.put(newer);
    expect(await migrateLegacy(s, rs, storage)).toEqual({ kind: 'kept_newer', id: 'same' });
    expect((await s.load()).records).toEqual([newer]);
  });

  it('sets a damaged legacy entry aside, as the old app did, and reports why', async () => {
    const storage = new MemoryStorage();
    storage.setItem(LEGACY_KEY, '{"format": "ai-risk-self-assessment", "schem');
    const s = await AssessmentStore.open(rs, dbName());
    const out = await migrateLegacy(s, rs, storage);
    expect(out?.kind).toBe('damaged');
    expect(storage.getItem(LEGACY_KEY)).toBeNull();
    expect(storage.getItem(LEGACY_DAMAGED_KEY)).toBe('{"format": "ai-risk-self-assessment", "schem');
  });
});

describe('portfolio state', () => {
  it('starts from the migrated assessment, saves changes, and deletes with undo across a restart', async () => {
    const storage = new MemoryStorage();
    storage.setItem(LEGACY_KEY, legacyText(rec('legacy2')));
    (globalThis as { localStorage?: unknown }).localStorage = storage;
    const name = dbName();
    await startPortfolio(rs, () => AssessmentStore.open(rs, name));
    expect(getPortfolio().startup.migrated).toEqual({ kind: 'moved', id: 'legacy2' });
    expect(currentRecord().id).toBe('legacy2');

    updateCurrent((r) => ({ ...r, assessor: 'Wang Fang' }));
    const second = createAssessment({ incubator: 'Pudong AI Hub', label: 'Spring' });
    await putAssessments([{ ...rec('imported'), title: 'From a tenant' }]);
    const deleted = deleteAssessment('imported')!;
    undoDelete(deleted);
    deleteAssessment('legacy2');

    await writesSettled();
    resetPortfolioForTests();
    await startPortfolio(rs, () => AssessmentStore.open(rs, name));
    const p = getPortfolio();
    expect([...p.records.keys()].sort()).toEqual(['imported', second.id].sort());
    expect(p.records.get(second.id)?.cohort).toEqual({ incubator: 'Pudong AI Hub', label: 'Spring' });
    expect(p.records.get('imported')?.title).toBe('From a tenant');
    expect(p.currentId).toBe(second.id);
  });

  it('works in memory and says so when IndexedDB cannot be opened', async () => {
    await startPortfolio(rs, () => Promise.reject(new Error('blocked')));
    const p = getPortfolio();
    expect(p.status).toBe('ready');
    expect(p.saveProblem).toBe('unavailable');
    expect(p.records.size).toBe(1);
  });
});

/*
 * Storage faults and a second tab. Faults are simulated on fake-indexeddb (src/testing/idb-faults.ts):
 * a request failing with QuotaExceededError (a full disk or quota) or UnknownError (an IndexedDB
 * error), a transaction aborted, the connection closed by the browser; a second tab is a second,
 * independent copy of state.ts (and its store) on the same database, with BroadcastChannel between
 * them or, to play a tab that missed the messages (an older browser, a frozen tab), without it.
 */
type Tab = typeof import('./state') & typeof import('./actions');
const tabs: Tab[] = [];
/**
 * A fresh copy of the portfolio state, as in another tab. `hears: false` plays a tab that misses the
 * others' messages (frozen in the background, or the message still in flight) but still posts its
 * own; `channel: false` a browser without BroadcastChannel.
 */
async function openTab(name: string, { hears = true, channel = true } = {}): Promise<Tab> {
  vi.resetModules();
  // Both from the same fresh module graph: actions.ts works on this copy of state.ts.
  const tab: Tab = { ...(await import('./state')), ...(await import('./actions')) };
  tabs.push(tab);
  const Real = globalThis.BroadcastChannel;
  const g = globalThis as { BroadcastChannel?: unknown };
  if (!channel) g.BroadcastChannel = undefined;
  else if (!hears) {
    g.BroadcastChannel = class Deaf {
      private readonly real: BroadcastChannel;
      onmessage = null;
      constructor(channelName: string) {
        this.real = new Real(channelName);
      }
      postMessage(m: unknown) {
        this.real.postMessage(m);
      }
      close() {
        this.real.close();
      }
    };
  }
  try {
    await tab.startPortfolio(rs, () => AssessmentStore.open(rs, name));
  } finally {
    g.BroadcastChannel = Real;
  }
  return tab;
}

async function until(ok: () => boolean, what: string, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Every assessment stored under `name`, read directly (as after a reload). */
async function storedRecords(name: string): Promise<Map<string, AssessmentRecord>> {
  const raw = await rawEntries(name, 'assessments');
  return new Map(raw.map((e) => [(e as { assessment: AssessmentRecord }).assessment.id, (e as { assessment: AssessmentRecord }).assessment]));
}

function rawEntries(name: string, storeName: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open(name);
    r.onerror = () => reject(r.error);
    r.onsuccess = () => {
      const q = r.result.transaction(storeName).objectStore(storeName).getAll();
      q.onsuccess = () => {
        resolve(q.result);
        r.result.close();
      };
      q.onerror = () => reject(q.error);
    };
  });
}

/** A database holding `recs` (the first one open), as a previous session left it. */
async function seeded(...recs: AssessmentRecord[]): Promise<string> {
  const name = dbName();
  const s = await AssessmentStore.open(rs, name);
  await s.putMany(recs);
  await s.setSetting('current', recs[0]!.id);
  s.close();
  return name;
}

const at = (minute: number) => `2026-11-23T10:${String(minute).padStart(2, '0')}:00.000Z`;
const note = (text: string) => (r: AssessmentRecord): AssessmentRecord => ({ ...r, duties: { ...r.duties, 'EU-4-literacy': { status: 'in_progress', note: text } }, updatedAt: at(30 + text.length) });

afterEach(async () => {
  idbFaults.clear();
  vi.unstubAllGlobals();
  for (const t of tabs.splice(0)) {
    await t.writesSettled();
    t.resetPortfolioForTests();
  }
});

describe('two tabs on one portfolio', () => {
  it('a stale tab does not overwrite what another tab saved: it shows a conflict and keeps its own version; "keep both" stores both', async () => {
    const name = await seeded(rec('x'), rec('y', at(5)));
    const a = await openTab(name);
    const b = await openTab(name, { hears: false }); // missed A's messages
    a.updateCurrent((r) => ({ ...r, assessor: 'Tab A', updatedAt: at(20) }));
    await a.writesSettled();
    b.updateCurrent(note('typed in tab B'));
    await b.writesSettled();

    // Stored: A's change, not overwritten by B's stale copy.
    expect((await storedRecords(name)).get('x')?.assessor).toBe('Tab A');
    // B: told, and B's typing is still there.
    const pb = b.getPortfolio();
    expect(pb.conflicts.get('x')?.assessor).toBe('Tab A');
    expect(pb.unsaved.get('x')).toBe('conflict');
    expect(pb.records.get('x')?.duties['EU-4-literacy']?.note).toBe('typed in tab B');
    // Typing on while the conflict stands changes nothing stored.
    b.updateCurrent(note('typed in tab B, more'));
    await b.writesSettled();
    expect((await storedRecords(name)).get('x')?.assessor).toBe('Tab A');

    b.resolveConflict('x', 'both', (n) => `${n} (tab B)`);
    await b.writesSettled();
    const stored = await storedRecords(name);
    expect(stored.size).toBe(3);
    expect(stored.get('x')?.assessor).toBe('Tab A');
    const copy = [...stored.values()].find((r) => r.id !== 'x' && r.id !== 'y')!;
    expect(copy.duties['EU-4-literacy']?.note).toBe('typed in tab B, more');
    expect(copy.title).toMatch(/\(tab B\)$/);
    expect(b.getPortfolio().currentId).toBe(copy.id);
    expect(b.getPortfolio().conflicts.size).toBe(0);
    expect(b.getPortfolio().unsaved.size).toBe(0);
    // A, listening, gets B's copy.
    await until(() => a.getPortfolio().records.has(copy.id), "B's copy in tab A");
  });

  it.each([
    ['mine', 'typed in tab B', undefined],
    ['theirs', undefined, 'Tab A'],
  ] as const)('"%s" settles the conflict: the chosen version is stored and shown in both tabs', async (choice, expectNote, expectAssessor) => {
    const name = await seeded(rec('x'));
    const a = await openTab(name);
    const b = await openTab(name, { hears: false });
    a.updateCurrent((r) => ({ ...r, assessor: 'Tab A', updatedAt: at(20) }));
    await a.writesSettled();
    b.updateCurrent(note('typed in tab B'));
    await b.writesSettled();
    const session = b.getPortfolio().session;
    b.resolveConflict('x', choice);
    await b.writesSettled();
    const stored = (await storedRecords(name)).get('x')!;
    expect(stored.duties['EU-4-literacy']?.note).toBe(expectNote === undefined ? '培训已完成' : expectNote);
    expect(stored.assessor).toBe(expectAssessor);
    expect(b.getPortfolio().records.get('x')).toEqual(stored);
    expect(b.getPortfolio().unsaved.size).toBe(0);
    // Taking theirs replaces the open questionnaire (a new session); keeping mine leaves it as it is.
    expect(b.getPortfolio().session).toBe(choice === 'theirs' ? session + 1 : session);
    await until(() => JSON.stringify(a.getPortfolio().records.get('x')) === JSON.stringify(stored), 'the chosen version in tab A');
  });

  it('a delete sticks: a stale tab writing the deleted assessment does not bring it back; it is told and keeps its typing', async () => {
    const name = await seeded(rec('x'), rec('y', at(5)));
    const a = await openTab(name);
    const b = await openTab(name, { channel: false });
    a.deleteAssessment('x');
    await a.writesSettled();
    b.updateCurrent(note('typed in tab B'));
    await b.writesSettled();

    expect([...(await storedRecords(name)).keys()]).toEqual(['y']);
    expect(b.getPortfolio().conflicts.get('x')).toBeNull();
    expect(b.getPortfolio().records.get('x')?.duties['EU-4-literacy']?.note).toBe('typed in tab B');
    b.resolveConflict('x', 'theirs');
    await b.writesSettled();
    expect(b.getPortfolio().records.has('x')).toBe(false);
    expect(b.getPortfolio().currentId).toBe('y');
    b.updateCurrent(note('on y'));
    await b.writesSettled();
    expect([...(await storedRecords(name)).keys()]).toEqual(['y']);
  });

  it('a deleted assessment can be kept by the tab that was editing it ("restore")', async () => {
    const name = await seeded(rec('x'));
    const a = await openTab(name);
    const b = await openTab(name, { hears: false });
    a.deleteAssessment('x');
    await a.writesSettled();
    b.updateCurrent(note('typed in tab B'));
    await b.writesSettled();
    b.resolveConflict('x', 'mine');
    await b.writesSettled();
    expect((await storedRecords(name)).get('x')?.duties['EU-4-literacy']?.note).toBe('typed in tab B');
    await until(() => a.getPortfolio().records.has('x'), 'x back in tab A');
  });

  it('a listening tab drops an assessment deleted elsewhere, says so if it was open, and never writes it again', async () => {
    const name = await seeded(rec('x'), rec('y', at(5)));
    const a = await openTab(name);
    const b = await openTab(name);
    a.deleteAssessment('x');
    await a.writesSettled();
    await until(() => !b.getPortfolio().records.has('x'), 'x gone in tab B');
    expect(b.getPortfolio().notices.map((n) => [n.kind, n.record.id])).toEqual([['deleted_elsewhere', 'x']]);
    expect(b.getPortfolio().currentId).toBe('y');
    b.updateCurrent(note('on y'));
    await b.writesSettled();
    expect([...(await storedRecords(name)).keys()]).toEqual(['y']);
  });

  it("the open assessment follows another tab's changes when this tab has no unsaved changes, both ways, without conflicts", async () => {
    const name = await seeded(rec('x'));
    const a = await openTab(name);
    const b = await openTab(name);
    const session = b.getPortfolio().session;
    a.updateCurrent((r) => ({ ...r, assessor: 'Tab A', updatedAt: at(20) }));
    await until(() => b.getPortfolio().records.get('x')?.assessor === 'Tab A', "A's change in tab B");
    expect(b.getPortfolio().session).toBe(session + 1); // the questionnaire shows it
    b.updateCurrent(note('typed in tab B'));
    await until(() => a.getPortfolio().records.get('x')?.duties['EU-4-literacy']?.note === 'typed in tab B', "B's change in tab A");
    await a.writesSettled();
    await b.writesSettled();
    const stored = (await storedRecords(name)).get('x')!;
    expect([stored.assessor, stored.duties['EU-4-literacy']?.note]).toEqual(['Tab A', 'typed in tab B']);
    for (const t of [a, b]) expect([t.getPortfolio().conflicts.size, t.getPortfolio().unsaved.size]).toEqual([0, 0]);
  });

  it("another tab's change does not replace unsaved changes here (a write the browser refused): it becomes a conflict", async () => {
    const name = await seeded(rec('x'));
    const a = await openTab(name);
    const b = await openTab(name);
    idbFaults.add({ store: 'assessments', method: 'put', kind: 'error', name: 'QuotaExceededError', times: 1 });
    b.updateCurrent(note('typed in tab B'));
    await b.writesSettled();
    expect(b.getPortfolio().unsaved.get('x')).toBe('quota');
    a.updateCurrent((r) => ({ ...r, assessor: 'Tab A', updatedAt: at(20) }));
    await a.writesSettled();
    await until(() => b.getPortfolio().conflicts.has('x'), 'the conflict in tab B');
    expect(b.getPortfolio().records.get('x')?.duties['EU-4-literacy']?.note).toBe('typed in tab B');
    expect(b.getPortfolio().conflicts.get('x')?.assessor).toBe('Tab A');
  });

  it('a delete is refused when another tab changed the assessment since: it comes back with their changes, and a notice says so', async () => {
    const name = await seeded(rec('x'), rec('y', at(5)));
    const a = await openTab(name, { hears: false });
    const b = await openTab(name);
    b.updateCurrent(note('typed in tab B'));
    await b.writesSettled();
    a.deleteAssessment('x');
    await a.writesSettled();
    expect((await storedRecords(name)).get('x')?.duties['EU-4-literacy']?.note).toBe('typed in tab B');
    expect(a.getPortfolio().records.get('x')?.duties['EU-4-literacy']?.note).toBe('typed in tab B');
    expect(a.getPortfolio().notices.map((n) => n.kind)).toEqual(['not_deleted']);
  });

  it("a delete made while another tab's news of the same assessment waits to be applied does not lose that tab's change", async () => {
    const name = await seeded(rec('x'), rec('y', at(5)));
    const a = await openTab(name, { hears: false });
    const b = await openTab(name);
    b.updateCurrent(note('typed in tab B'));
    await b.writesSettled();
    // B's message reaches A and is queued; the user deletes before it is applied.
    void a.internals.enqueue(() => a.applyRemote(['x']));
    a.deleteAssessment('x');
    await a.writesSettled();
    expect((await storedRecords(name)).get('x')?.duties['EU-4-literacy']?.note).toBe('typed in tab B');
    expect(a.getPortfolio().records.get('x')?.duties['EU-4-literacy']?.note).toBe('typed in tab B');
    expect(a.getPortfolio().notices.map((n) => n.kind)).toEqual(['not_deleted']);
  });

  it('the store itself refuses a stale write or delete from a second connection', async () => {
    const name = await seeded(rec('x'));
    const one = await AssessmentStore.open(rs, name);
    const two = await AssessmentStore.open(rs, name);
    const base = rec('x').updatedAt;
    expect(await one.putChecked([{ record: { ...rec('x'), assessor: 'one', updatedAt: at(20) }, expected: base }])).toEqual({ written: ['x'], conflicts: [] });
    const out = await two.putChecked([{ record: { ...rec('x'), assessor: 'two', updatedAt: at(21) }, expected: base }]);
    expect(out.written).toEqual([]);
    expect(two.read(out.conflicts[0]!.stored)?.assessor).toBe('one');
    expect((await two.deleteChecked('x', base)).ok).toBe(false);
    expect((await storedRecords(name)).get('x')?.assessor).toBe('one');
    // The same content written by both (the same file imported twice) is no conflict.
    expect((await two.putChecked([{ record: { ...rec('x'), assessor: 'one', updatedAt: at(20) }, expected: base }])).written).toEqual(['x']);
    one.close();
    two.close();
  });
});

describe('storage faults', () => {
  it('full storage: an import reports only what was committed, keeps the rest in memory, and saves it once space is back', async () => {
    const name = dbName();
    const a = await openTab(name);
    const recs = Array.from({ length: 20 }, (_, i) => ({ ...rec(`imp${i}`), title: `Imported ${i}` }));
    // The 20th write fails: the one transaction aborts, so none of the 20 is stored.
    const quota = idbFaults.add({ store: 'assessments', method: 'put', kind: 'error', name: 'QuotaExceededError', skip: 19 });
    const out = await a.putAssessments(recs);
    expect(quota.hits).toBe(1);
    expect(out.saved).toEqual([]);
    expect(out.failed).toHaveLength(20);
    expect(new Set(out.failed.map((f) => f.reason))).toEqual(new Set(['quota']));
    expect(a.getPortfolio().saveProblem).toBe('quota');
    expect(a.getPortfolio().unsaved.size).toBe(20);
    expect(a.getPortfolio().records.size).toBe(21); // the blank one and the 20, in memory
    expect((await storedRecords(name)).size).toBe(0); // what a reload would find: nothing was claimed otherwise

    idbFaults.clear();
    const retried = await a.retryUnsaved();
    expect(retried.saved).toHaveLength(20);
    expect(a.getPortfolio().saveProblem).toBeUndefined();
    const reloaded = await openTab(name);
    expect([...reloaded.getPortfolio().records.keys()].filter((id) => id.startsWith('imp'))).toHaveLength(20);
  });

  it('an import where another tab changed one of the assessments meanwhile stores the others and reports that one as a conflict', async () => {
    const name = await seeded(rec('x'));
    const a = await openTab(name, { hears: false });
    const b = await openTab(name);
    b.updateCurrent(note('typed in tab B'));
    await b.writesSettled();
    const out = await a.putAssessments([{ ...rec('x'), title: 'from a file', updatedAt: at(40) }, rec('new1')]);
    expect(out.saved).toEqual(['new1']);
    expect(out.failed).toEqual([{ id: 'x', reason: 'conflict' }]);
    expect((await storedRecords(name)).get('x')?.duties['EU-4-literacy']?.note).toBe('typed in tab B');
  });

  it('full storage and a damaged entry: the app still starts, the entry is left in place, skipped and reported', async () => {
    const name = await seeded(rec('good'));
    await putRaw(name, damagedEntry('bad'));
    idbFaults.quota('damaged', 'add');
    const a = await openTab(name);
    const p = a.getPortfolio();
    expect(p.status).toBe('ready');
    expect([...p.records.keys()]).toEqual(['good']);
    expect(p.startup.damaged).toHaveLength(1);
    expect(p.startup.notSetAside).toBe(1);
    expect((await rawEntries(name, 'assessments')).length).toBe(2); // untouched
    expect(await rawEntries(name, 'damaged')).toEqual([]);
    // Once space is back, the next start moves it aside.
    idbFaults.clear();
    const again = await openTab(name);
    expect(again.getPortfolio().startup.notSetAside).toBe(0);
    expect(await rawEntries(name, 'damaged')).toHaveLength(1);
  });

  it('a damaged entry whose removal is aborted does not stop the start either', async () => {
    const name = await seeded(rec('good'));
    await putRaw(name, damagedEntry('bad'));
    idbFaults.add({ store: 'assessments', method: 'delete', kind: 'abort' });
    const a = await openTab(name);
    expect([...a.getPortfolio().records.keys()]).toEqual(['good']);
    expect(a.getPortfolio().startup.notSetAside).toBe(1);
    expect(await rawEntries(name, 'damaged')).toEqual([]); // the move was one transaction: nothing half-done
  });

  it('reading the store failing at start: the app starts in memory and says nothing is saved', async () => {
    const name = await seeded(rec('good'));
    idbFaults.add({ store: 'assessments', method: 'getAll', kind: 'error', name: 'UnknownError' });
    const a = await openTab(name);
    expect(a.getPortfolio().status).toBe('ready');
    expect(a.getPortfolio().saveProblem).toBe('unavailable');
    a.updateCurrent(note('kept in memory'));
    await a.writesSettled();
    expect(a.getPortfolio().unsaved.size).toBe(1);
  });

  it.each([
    ['QuotaExceededError on the request', { kind: 'error', name: 'QuotaExceededError' }, 'quota'],
    ['UnknownError on the request (an IndexedDB error)', { kind: 'error', name: 'UnknownError' }, 'failed'],
    ['the transaction aborted', { kind: 'abort' }, 'failed'],
  ] as const)('a refused edit (%s): kept in memory, marked unsaved with its reason, saved by the next edit once the fault is gone', async (_what, fault, reason) => {
    const name = await seeded(rec('x'));
    const a = await openTab(name);
    idbFaults.add({ store: 'assessments', method: 'put', ...fault });
    a.updateCurrent(note('first'));
    await a.writesSettled();
    expect(a.getPortfolio().saveProblem).toBe(reason);
    expect(a.getPortfolio().unsaved.get('x')).toBe(reason);
    expect(a.getPortfolio().records.get('x')?.duties['EU-4-literacy']?.note).toBe('first');
    expect((await storedRecords(name)).get('x')?.duties['EU-4-literacy']?.note).toBe('培训已完成');
    idbFaults.clear();
    a.updateCurrent(note('second one'));
    await a.writesSettled();
    expect(a.getPortfolio().saveProblem).toBeUndefined();
    expect(a.getPortfolio().unsaved.size).toBe(0);
    expect((await storedRecords(name)).get('x')?.duties['EU-4-literacy']?.note).toBe('second one');
  });

  it('an assessment deleted while its refused write was under way is not left marked unsaved', async () => {
    const name = await seeded(rec('x'), rec('y', at(5)));
    const a = await openTab(name);
    const quota = idbFaults.quota();
    a.updateCurrent(note('typed'));
    // Let the write start (its transaction is open), then delete.
    while (quota.seen === 0) await new Promise((r) => setImmediate(r));
    a.deleteAssessment('x');
    await a.writesSettled();
    expect(quota.hits).toBe(1);
    expect(a.getPortfolio().unsaved.size).toBe(0);
    expect(a.getPortfolio().saveProblem).toBeUndefined();
    expect([...(await storedRecords(name)).keys()]).toEqual(['y']);
  });

  it('a delete the browser refuses is told (it would be back after a reload)', async () => {
    const name = await seeded(rec('x'), rec('y', at(5)));
    const a = await openTab(name);
    idbFaults.add({ store: 'assessments', method: 'delete', kind: 'abort' });
    a.deleteAssessment('x');
    await a.writesSettled();
    expect(a.getPortfolio().notices.map((n) => [n.kind, n.record.id])).toEqual([['delete_failed', 'x']]);
  });

  it('the browser closing the connection (storage cleared under the page): the next write opens it again', async () => {
    const name = await seeded(rec('x'));
    const s = await AssessmentStore.open(rs, name);
    forceCloseDatabase(unwrap(s['db']) as unknown as Parameters<typeof forceCloseDatabase>[0]);
    await s.putChecked([{ record: { ...rec('x'), assessor: 'after', updatedAt: at(20) }, expected: rec('x').updatedAt }]);
    expect((await storedRecords(name)).get('x')?.assessor).toBe('after');
    s.close();
  });

  it('asks the browser once, after the first real save, to keep the storage, and records a refusal', async () => {
    const persist = vi.fn(async () => false);
    vi.stubGlobal('navigator', { storage: { persisted: async () => false, persist } });
    const name = await seeded(rec('x'));
    const a = await openTab(name);
    await a.writesSettled();
    expect(persist).not.toHaveBeenCalled(); // starting writes only which assessment is open
    a.updateCurrent(note('one'));
    await a.writesSettled();
    await until(() => a.getPortfolio().persistence === 'refused', 'the answer');
    a.updateCurrent(note('two more'));
    await a.writesSettled();
    expect(persist).toHaveBeenCalledTimes(1);
  });
});

function damagedEntry(id: string) {
  return { format: FILE_FORMAT, schemaVersion: 2, ruleSet: { version: rs.version, date: rs.date }, exportedAt: 'x', assessment: { ...rec(id), answers: { ai_techniques: ['telepathy'] } } };
}

function putRaw(name: string, value: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open(name);
    r.onsuccess = () => {
      const tx = r.result.transaction('assessments', 'readwrite');
      tx.objectStore('assessments').put(value);
      tx.oncomplete = () => {
        r.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}
