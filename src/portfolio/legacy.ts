/**
 * The move of the assessment the app before the portfolio kept in localStorage into IndexedDB. Loaded
 * only when there is such an entry (state.ts looks first), so no other start carries this code.
 */
import type { RuleSet } from '../engine';
import { readAssessmentData, type FileProblem } from '../file-format/assessment-file';
import { LEGACY_DAMAGED_KEY, LEGACY_KEY, type AssessmentStore, type MigrationOutcome } from './store';

/**
 * Moves the assessment kept in localStorage by the app before the portfolio into this store. An
 * entry with the same id already here is kept if it is newer. The localStorage entry is removed
 * only once the store has it; a damaged one is set aside under LEGACY_DAMAGED_KEY, as before.
 */
export async function migrateLegacy(store: AssessmentStore, rs: RuleSet, storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>): Promise<MigrationOutcome | undefined> {
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
  const r = problems ? undefined : readAssessmentData(rs, data);
  if (!r?.ok) {
    try {
      storage.setItem(LEGACY_DAMAGED_KEY, text);
      storage.removeItem(LEGACY_KEY);
    } catch {
      // leave it where it is
    }
    return { kind: 'damaged', problems: problems ?? (r && !r.ok ? r.problems : []) };
  }
  const raw = (await store.entries([r.record.id]))[0];
  const existing = store.read(raw);
  // An unreadable entry under the same id is not overwritten: both stay where they are.
  if (raw !== undefined && !existing) return undefined;
  const keepExisting = existing !== undefined && existing.updatedAt >= r.record.updatedAt;
  if (!keepExisting) await store.put(r.record);
  if ((await store.getSetting('current')) === undefined) await store.setSetting('current', r.record.id);
  storage.removeItem(LEGACY_KEY);
  return keepExisting ? { kind: 'kept_newer', id: r.record.id } : { kind: 'moved', id: r.record.id };
}
