/**
 * The portfolio table's state: rows from the records (each from its evaluation, recomputed only for
 * records that changed), the filter, the sort, the page and the selection — and what follows from
 * them (rows shown, the page's rows, cohorts, the tier distribution, the export targets).
 */
import { useCallback, useMemo, useState } from 'react';
import { memoOn, type Regime, type RegimeTier, type RuleSet } from '../engine';
import type { AssessmentRecord } from '../assessment/record';
import { PAGE_SIZE } from './page-size';
import { recordRow, type PortfolioRow } from './rows';
import { cohortsOf, filterRows, sortRows, tierDistribution, type Filter, type Sort, type SortKey } from './table';

/** Rows are recomputed only for records that changed (records are replaced, never mutated). */
const rowOf = memoOn((rs: RuleSet) => memoOn((rec: AssessmentRecord) => recordRow(rs, rec) ?? null));

/** The cohort filter's value for "no cohort" (no label can be it). */
export const NO_COHORT = '\u0000none';

export interface FilterState {
  text: string;
  cohort: string;
  tier: string;
  tierRegime: Regime | 'any';
}

export function usePortfolioTable(rs: RuleSet, records: ReadonlyMap<string, AssessmentRecord>) {
  const [sort, setSort] = useState<Sort>({ key: 'updated', dir: 'desc' });
  const [filters, setFilters] = useState<FilterState>({ text: '', cohort: '', tier: '', tierRegime: 'any' });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // The page number belongs to one filter and sort: a new one starts again at the first page.
  const [paging, setPaging] = useState<{ key: string; page: number }>({ key: '', page: 0 });

  const allRows = useMemo(() => [...records.values()].map((rec) => rowOf(rs)(rec)).filter((r): r is PortfolioRow => r !== null), [rs, records]);
  const filter: Filter = useMemo(
    () => ({
      text: filters.text,
      ...(filters.cohort ? { cohort: filters.cohort === NO_COHORT ? '' : filters.cohort } : {}),
      ...(filters.tier ? { tier: { regime: filters.tierRegime, tier: filters.tier as RegimeTier | 'prohibited_any' } } : {}),
    }),
    [filters],
  );
  const shown = useMemo(() => sortRows(filterRows(allRows, filter), sort), [allRows, filter, sort]);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const pagingKey = JSON.stringify([filter, sort]);
  const page = paging.key === pagingKey ? Math.min(paging.page, pages - 1) : 0;
  const setPage = (p: number) => setPaging({ key: pagingKey, page: p });
  const pageRows = useMemo(() => shown.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE), [shown, page]);
  const cohorts = useMemo(() => cohortsOf(allRows), [allRows]);
  const distribution = useMemo(() => tierDistribution(shown), [shown]);

  const onSort = useCallback(
    (key: SortKey) => setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: key === 'name' || key === 'cohort' ? 'asc' : key === 'updated' || key === 'open' ? 'desc' : 'asc' })),
    [],
  );
  const onSelect = useCallback(
    (id: string, on: boolean) =>
      setSelected((s) => {
        const n = new Set(s);
        if (on) n.add(id);
        else n.delete(id);
        return n;
      }),
    [],
  );
  const unselect = useCallback(
    (id: string) =>
      setSelected((s) => {
        const n = new Set(s);
        n.delete(id);
        return n;
      }),
    [],
  );

  const selectedShown = shown.filter((r) => selected.has(r.id));
  return {
    allRows,
    shown,
    pageRows,
    page,
    pages,
    setPage,
    sort,
    onSort,
    filters,
    setFilters,
    cohorts,
    distribution,
    selected,
    onSelect,
    unselect,
    clearSelection: () => setSelected(new Set()),
    selectedShown,
    /** What the exports apply to: the selected rows shown, or every row shown. */
    targets: selectedShown.length ? selectedShown : shown,
    unreadable: records.size - allRows.length,
  };
}
