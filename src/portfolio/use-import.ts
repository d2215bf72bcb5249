/**
 * Importing files and share links into the portfolio, as the pages use it: read and check them all,
 * store the good ones at once when nothing needs deciding, otherwise wait for the user to settle each
 * conflict (update the assessment already here, or keep both). The import code (checks, link
 * decoding) is fetched on the first import, not with the page.
 */
import { useCallback, useState } from 'react';
import { useRuleSet } from '../ruledata/context';
import { MAX_FILE_BYTES } from '../file-format/assessment-file';
import { type AssessmentRecord } from '../assessment/record';
import type { ImportPlan, ImportSource, Resolution } from './importer';
import { putAssessments } from './actions';
import { getPortfolio, type UnsavedReason } from './state';

export interface ImportState {
  plan: ImportPlan;
  /** Choices for conflicts, by index in `plan.good`. */
  choices: Record<number, Resolution>;
  /** True once the write is over (see `stored`). */
  applied: boolean;
  /** What the write did, once over: only what was committed counts as imported. */
  stored?: { saved: number; failed: { record: AssessmentRecord; reason: UnsavedReason }[] };
  /** Opens the imported assessment when exactly one came in (the assessment page's import). */
  openSingle: boolean;
}

/** Files as the picker or a drop gives them: text, or only their size when too large to read. */
export async function fileSources(files: readonly File[]): Promise<ImportSource[]> {
  return Promise.all(
    files.map(async (f): Promise<ImportSource> => {
      if (f.size > MAX_FILE_BYTES) return { name: f.name, tooLarge: f.size };
      try {
        return { name: f.name, text: await f.text() };
      } catch (e) {
        return { name: f.name, unreadable: (e as Error).message };
      }
    }),
  );
}

export function useImport() {
  const ruleSet = useRuleSet();
  const [state, setState] = useState<ImportState>();

  const apply = useCallback(async (s: ImportState) => {
    const { resolveImport } = await import('./importer');
    const records = resolveImport(s.plan, (_g, i) => s.choices[i]);
    const open = s.openSingle && records.length === 1 ? records[0]!.id : undefined;
    const outcome = await putAssessments(records, open);
    const byId = new Map(records.map((r) => [r.id, r]));
    const failed = outcome.failed.flatMap((f) => {
      const record = byId.get(f.id);
      return record ? [{ record, reason: f.reason }] : [];
    });
    setState({ ...s, applied: true, stored: { saved: outcome.saved.length, failed } });
  }, []);

  const start = useCallback(
    async (sources: readonly ImportSource[], openSingle = false) => {
      const { planImport } = await import('./importer');
      const plan = await planImport(ruleSet, sources, getPortfolio().records);
      const s: ImportState = { plan, choices: {}, applied: false, openSingle };
      if (plan.good.some((g) => g.conflict)) setState(s);
      else await apply(s);
    },
    [ruleSet, apply],
  );

  const choose = useCallback((index: number, r: Resolution) => setState((s) => s && { ...s, choices: { ...s.choices, [index]: r } }), []);
  const chooseAll = useCallback(
    (r: Resolution) => setState((s) => s && { ...s, choices: Object.fromEntries(s.plan.good.flatMap((g, i) => (g.conflict ? [[i, r]] : []))) }),
    [],
  );
  const confirm = useCallback(() => (state ? apply(state) : Promise.resolve()), [apply, state]);
  const dismiss = useCallback(() => setState(undefined), []);
  return { state, start, choose, chooseAll, confirm, dismiss };
}
