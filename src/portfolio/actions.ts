/**
 * The portfolio's operations beyond the open assessment (rename, duplicate, delete and undo, import,
 * settling conflicts) and taking over other tabs' changes: the same state as state.ts, loaded with
 * the pages that use them (state.ts loads it on the first message from another tab), so the first
 * load carries only what the questionnaire needs.
 */
import { displayName, randomId, type AssessmentRecord, type Cohort, type IssuedDocument } from '../assessment/record';
import { getPortfolio, internals, type SaveOutcome, type TabNotice } from './state';

const { set, enqueue, saveIds, saveSetting, nextOpen, withRecord, dirty, problemOf, known, stored } = internals;

/** Deleted here, the stored entry not yet: another tab's news of them waits for the delete's outcome. */
const deleting = new Set<string>();

/** Tries again to store every assessment the browser refused (not the conflicts: they need a choice). */
export function retryUnsaved(): Promise<SaveOutcome> {
  return saveIds([...getPortfolio().unsaved].filter(([, r]) => r !== 'conflict').map(([id]) => id));
}

/** Another tab stored or deleted `ids`: take over its versions where this tab has no unsaved changes. */
export async function applyRemote(ids: readonly string[]): Promise<void> {
  const s = internals.store();
  if (!s) return;
  let entries: unknown[];
  try {
    entries = await s.entries(ids);
  } catch {
    return; // unreadable now: the checked writes still protect both sides
  }
  const records = new Map(getPortfolio().records);
  const conflicts = new Map(getPortfolio().conflicts);
  const unsaved = new Map(getPortfolio().unsaved);
  const notices = [...getPortfolio().notices];
  let { currentId, session } = getPortfolio();
  ids.forEach((id, i) => {
    if (deleting.has(id)) return; // the checked delete that follows meets their version
    const entry = entries[i];
    const mine = records.get(id);
    const hasChanges = dirty(id) || conflicts.has(id);
    if (entry === undefined) {
      if ((known.get(id) ?? null) === null) return; // never stored, as far as this tab knows
      known.set(id, null);
      stored.delete(id);
      if (!mine) return;
      if (hasChanges) {
        conflicts.set(id, null);
        unsaved.set(id, 'conflict');
        return;
      }
      records.delete(id);
      if (id === currentId) {
        notices.push({ kind: 'deleted_elsewhere', record: mine });
        currentId = nextOpen(records);
        session++;
      }
      return;
    }
    const theirs = s.read(entry);
    if (!theirs || known.get(id) === theirs.updatedAt) return;
    if (mine && hasChanges) {
      conflicts.set(id, theirs);
      unsaved.set(id, 'conflict');
      return;
    }
    known.set(id, theirs.updatedAt);
    stored.set(id, theirs);
    records.set(id, theirs);
    if (id === currentId) session++;
  });
  set({ records, conflicts, unsaved, notices, currentId, session });
}

export function renameAssessment(id: string, title: string): void {
  const rec = getPortfolio().records.get(id);
  if (!rec) return;
  const next: AssessmentRecord = { ...rec, updatedAt: new Date().toISOString() };
  if (title) next.title = title;
  else delete next.title;
  set({ records: withRecord(next), ...(id === getPortfolio().currentId ? { session: getPortfolio().session + 1 } : {}) });
  void saveIds([id]);
}

/** Puts the assessments `ids` into `cohort`, or takes them out of any (undefined); each is stored. */
export function setCohort(ids: readonly string[], cohort: Cohort | undefined): void {
  const now = new Date().toISOString();
  let records = getPortfolio().records;
  const changed: string[] = [];
  for (const id of ids) {
    const rec = records.get(id);
    if (!rec) continue;
    if (rec.cohort?.incubator === cohort?.incubator && rec.cohort?.label === cohort?.label) continue;
    const next: AssessmentRecord = { ...rec, updatedAt: now };
    if (cohort) next.cohort = { incubator: cohort.incubator, label: cohort.label };
    else delete next.cohort;
    records = new Map(records).set(id, next);
    changed.push(id);
  }
  if (!changed.length) return;
  set({ records, ...(changed.includes(getPortfolio().currentId) ? { session: getPortfolio().session + 1 } : {}) });
  void saveIds(changed);
}

/** Keeps with each assessment the document just issued for it (the portfolio's zip of checklists); each is stored. */
export function recordIssued(issued: ReadonlyMap<string, IssuedDocument>): void {
  const now = new Date().toISOString();
  let records = getPortfolio().records;
  const changed: string[] = [];
  for (const [id, doc] of issued) {
    const rec = records.get(id);
    if (!rec || rec.issued === doc) continue;
    records = new Map(records).set(id, { ...rec, issued: doc, updatedAt: now });
    changed.push(id);
  }
  if (!changed.length) return;
  set({ records, ...(changed.includes(getPortfolio().currentId) ? { session: getPortfolio().session + 1 } : {}) });
  void saveIds(changed);
}

export function duplicateAssessment(id: string, copyTitle: (name: string) => string, name: string): AssessmentRecord | undefined {
  const rec = getPortfolio().records.get(id);
  if (!rec) return undefined;
  const now = new Date().toISOString();
  const copy: AssessmentRecord = { ...structuredClone(rec), id: randomId(), title: copyTitle(name), createdAt: now, updatedAt: now };
  set({ records: withRecord(copy) });
  void saveIds([copy.id]);
  return copy;
}

/**
 * Deletes; returns what `undoDelete` needs to put it back. The open assessment moves to another (or a
 * new one). The stored entry is deleted only if no other tab changed it since; if one did, it comes
 * back here with their changes, and a notice says so.
 */
export function deleteAssessment(id: string): { record: AssessmentRecord; wasCurrent: boolean } | undefined {
  const rec = getPortfolio().records.get(id);
  if (!rec) return undefined;
  const records = new Map(getPortfolio().records);
  records.delete(id);
  const conflicts = new Map(getPortfolio().conflicts);
  conflicts.delete(id);
  const unsaved = new Map(getPortfolio().unsaved);
  unsaved.delete(id);
  const wasCurrent = id === getPortfolio().currentId;
  let currentId = getPortfolio().currentId;
  if (wasCurrent) {
    const before = new Set(records.keys());
    currentId = nextOpen(records);
    if (!before.has(currentId)) void saveIds([currentId]);
  }
  set({ records, conflicts, unsaved, currentId, ...(wasCurrent ? { session: getPortfolio().session + 1 } : {}) });
  deleting.add(id);
  void enqueue(() => removeStored(id, rec)).finally(() => deleting.delete(id));
  if (wasCurrent) saveSetting('current', currentId);
  return { record: rec, wasCurrent };
}

async function removeStored(id: string, rec: AssessmentRecord): Promise<void> {
  const s = internals.store();
  const expected = known.get(id) ?? null;
  if (!s || expected === null) return; // not stored (as far as this tab knows): nothing to delete
  try {
    const r = await s.deleteChecked(id, expected);
    if (r.ok) {
      known.set(id, null);
      stored.delete(id);
      internals.channel()?.post([id]);
      return;
    }
    const theirs = s.read(r.stored);
    if (!theirs) return;
    known.set(id, theirs.updatedAt);
    stored.set(id, theirs);
    // Undone meanwhile: this tab's version is back and will be checked against theirs on its next write.
    if (getPortfolio().records.has(id)) return;
    set({ records: withRecord(theirs), notices: [...getPortfolio().notices, { kind: 'not_deleted', record: theirs }] });
  } catch (e) {
    set({ notices: [...getPortfolio().notices, { kind: 'delete_failed', record: rec, reason: problemOf(e) }] });
  }
}

export function undoDelete(d: { record: AssessmentRecord; wasCurrent: boolean }): void {
  // Already back (another tab had changed it, so it was not deleted): only reopen it.
  const back = getPortfolio().records.has(d.record.id);
  set({ ...(back ? {} : { records: withRecord(d.record) }), ...(d.wasCurrent ? { currentId: d.record.id, session: getPortfolio().session + 1 } : {}) });
  if (!back) void saveIds([d.record.id]);
  if (d.wasCurrent) saveSetting('current', d.record.id);
}

/**
 * Adds or replaces many at once (an import), in one transaction. `open` opens one of them. Resolves
 * once the transaction is over, with what was actually stored and what was not (and why); what was
 * not stays here, unsaved.
 */
export function putAssessments(recs: readonly AssessmentRecord[], open?: string): Promise<SaveOutcome> {
  if (!recs.length) return Promise.resolve({ saved: [], failed: [] });
  const records = new Map(getPortfolio().records);
  for (const r of recs) records.set(r.id, r);
  const replacesCurrent = recs.some((r) => r.id === getPortfolio().currentId);
  const currentId = open ?? getPortfolio().currentId;
  set({ records, currentId, ...(replacesCurrent || open ? { session: getPortfolio().session + 1 } : {}) });
  const outcome = saveIds(recs.map((r) => r.id));
  if (open) saveSetting('current', open);
  return outcome;
}

export type ConflictChoice = 'mine' | 'theirs' | 'both';

/**
 * Settles a conflict: `mine` stores this tab's version over theirs (or brings back one they deleted),
 * `theirs` drops this tab's changes for their version (or lets the deletion stand), `both` keeps
 * theirs and stores this tab's version as a copy (opened if it was open), titled by `copyTitle`.
 */
export function resolveConflict(id: string, choice: ConflictChoice, copyTitle: (name: string) => string = (n) => n): void {
  if (!getPortfolio().conflicts.has(id)) return;
  const theirs = getPortfolio().conflicts.get(id)!;
  const mine = getPortfolio().records.get(id);
  const conflicts = new Map(getPortfolio().conflicts);
  conflicts.delete(id);
  const unsaved = new Map(getPortfolio().unsaved);
  unsaved.delete(id);
  known.set(id, theirs ? theirs.updatedAt : null);
  if (theirs) stored.set(id, theirs);
  else stored.delete(id);
  const records = new Map(getPortfolio().records);
  let { currentId, session } = getPortfolio();
  const now = new Date().toISOString();
  if (!mine) {
    set({ conflicts, unsaved });
    return;
  }
  if (choice === 'mine' || (choice === 'both' && !theirs)) {
    records.set(id, { ...mine, updatedAt: now });
    set({ records, conflicts, unsaved });
    void saveIds([id]);
    return;
  }
  if (choice === 'theirs') {
    if (theirs) records.set(id, theirs);
    else records.delete(id);
    if (id === currentId) {
      if (!theirs) currentId = nextOpen(records);
      session++;
    }
    set({ records, conflicts, unsaved, currentId, session });
    return;
  }
  const copy: AssessmentRecord = { ...mine, id: randomId(), title: copyTitle(displayName(mine)), createdAt: now, updatedAt: now };
  records.set(id, theirs!);
  records.set(copy.id, copy);
  if (id === currentId) {
    currentId = copy.id;
    session++;
    saveSetting('current', copy.id);
  }
  set({ records, conflicts, unsaved, currentId, session });
  void saveIds([copy.id]);
}

export function dismissNotice(n: TabNotice): void {
  set({ notices: getPortfolio().notices.filter((x) => x !== n) });
}

// Other tabs' messages are applied by this module from now on.
internals.onRemote(applyRemote);
