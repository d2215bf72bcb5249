/**
 * The open assessment in the browser's localStorage, written on every change. What is read back goes
 * through the same checks as an imported file; a damaged entry is set aside (not deleted) and reported.
 */
import { useSyncExternalStore } from 'react';
import type { RuleSet } from '../engine/ruleset';
import { readAssessmentData, toFile, type AssessmentRecord, type FileNotice, type FileProblem } from '../report/assessment-file';

export const STORAGE_KEY = 'ai-risk-self-assessment:current';
const DAMAGED_KEY = `${STORAGE_KEY}:damaged`;

export type Restored =
  | { kind: 'none' }
  | { kind: 'restored'; record: AssessmentRecord; notices: FileNotice[] }
  | { kind: 'damaged'; problems: FileProblem[] }
  | { kind: 'unavailable' };

export function restore(rs: RuleSet): Restored {
  let text: string | null;
  try {
    text = localStorage.getItem(STORAGE_KEY);
  } catch {
    return { kind: 'unavailable' };
  }
  if (text === null) return { kind: 'none' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    setAside(text);
    return { kind: 'damaged', problems: [{ code: 'bad_json', params: { reason: (e as Error).message } }] };
  }
  const r = readAssessmentData(rs, data);
  if (r.ok) return { kind: 'restored', record: r.record, notices: r.notices };
  setAside(text);
  return { kind: 'damaged', problems: r.problems };
}

function setAside(text: string) {
  try {
    localStorage.setItem(DAMAGED_KEY, text);
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // nothing more can be done; the damaged entry stays where it was
  }
}

export type SaveOutcome = { ok: true } | { ok: false; reason: 'quota' | 'unavailable' };

let outcome: SaveOutcome = { ok: true };
const listeners = new Set<() => void>();

export function save(rs: RuleSet, record: AssessmentRecord): SaveOutcome {
  let next: SaveOutcome;
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(toFile(rs, record)));
    next = { ok: true };
  } catch (e) {
    next = { ok: false, reason: e instanceof DOMException && /quota/i.test(e.name) ? 'quota' : 'unavailable' };
  }
  if (next.ok !== outcome.ok) {
    outcome = next;
    for (const l of listeners) l();
  }
  return next;
}

/** Whether the last save worked: the page warns while it does not. */
export function useSaveOutcome(): SaveOutcome {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => outcome,
  );
}
