/** Saving to and restoring from the browser's storage: damaged entries are set aside, full storage is reported. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectRules } from '../testing/fixtures';
import { newRecord } from '../report/assessment-file';
import { restore, save, STORAGE_KEY } from './storage';

const rs = projectRules();

class MemoryStorage {
  items = new Map<string, string>();
  full = false;
  getItem = (k: string) => this.items.get(k) ?? null;
  setItem = (k: string, v: string) => {
    if (this.full) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(k, v);
  };
  removeItem = (k: string) => void this.items.delete(k);
}

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  (globalThis as { localStorage?: unknown }).localStorage = storage;
});
afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

describe('browser storage', () => {
  it('restores exactly what was saved', () => {
    const r = { ...newRecord(new Date('2026-11-23T00:00:00Z'), 'x1'), answers: { ai_techniques: ['machine_learning'] }, step: 'section:scope' as const };
    expect(save(rs, r)).toEqual({ ok: true });
    expect(restore(rs)).toEqual({ kind: 'restored', record: r, notices: [] });
  });

  it('starts empty when nothing was saved', () => {
    expect(restore(rs)).toEqual({ kind: 'none' });
  });

  it('sets a damaged entry aside instead of deleting it, and says why', () => {
    storage.setItem(STORAGE_KEY, '{"format": "ai-risk-self-assessment", "schemaVersion": 1, "ruleSet": {"version": "1.0.0"}, "assessment": {"id": "x"');
    const r = restore(rs);
    expect(r.kind).toBe('damaged');
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
    expect(storage.getItem(`${STORAGE_KEY}:damaged`)).toContain('"id": "x"');
  });

  it('reports full storage instead of failing silently', () => {
    storage.full = true;
    expect(save(rs, newRecord())).toEqual({ ok: false, reason: 'quota' });
  });
});
