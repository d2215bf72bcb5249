/**
 * The IndexedDB store (on fake-indexeddb): what is put is loaded back; damaged entries are moved aside
 * and reported; the legacy localStorage assessment is migrated once, without losing newer work.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { exampleAnswers, projectRules } from '../testing/fixtures';
import { FILE_FORMAT, newRecord, type AssessmentRecord } from '../report/assessment-file';
import { AssessmentStore, LEGACY_DAMAGED_KEY, LEGACY_KEY } from './store';
import { createAssessment, currentRecord, deleteAssessment, getPortfolio, putAssessments, resetPortfolioForTests, writesSettled, startPortfolio, undoDelete, updateCurrent } from './state';

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
    const { summarizeResult } = await import('../report/summarize');
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
    expect(await s.migrateLegacy(storage)).toEqual({ kind: 'moved', id: 'legacy1' });
    expect(storage.getItem(LEGACY_KEY)).toBeNull();
    expect((await s.load()).records).toEqual([rec('legacy1')]);
    expect(await s.getSetting('current')).toBe('legacy1');
    expect(await s.migrateLegacy(storage)).toBeUndefined();
  });

  it('keeps newer work already in the store over an older legacy copy of the same assessment', async () => {
    const storage = new MemoryStorage();
    storage.setItem(LEGACY_KEY, legacyText(rec('same', '2026-11-20T10:00:00.000Z')));
    const s = await AssessmentStore.open(rs, dbName());
    const newer = { ...rec('same', '2026-11-22T10:00:00.000Z'), title: 'newer' };
    await s.put(newer);
    expect(await s.migrateLegacy(storage)).toEqual({ kind: 'kept_newer', id: 'same' });
    expect((await s.load()).records).toEqual([newer]);
  });

  it('sets a damaged legacy entry aside, as the old app did, and reports why', async () => {
    const storage = new MemoryStorage();
    storage.setItem(LEGACY_KEY, '{"format": "ai-risk-self-assessment", "schem');
    const s = await AssessmentStore.open(rs, dbName());
    const out = await s.migrateLegacy(storage);
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
