/**
 * The portfolio table's state: rows from the records (each from its evaluation, recomputed only for
 * records that changed), the filter, the sort, the page and the selection — and what follows from
 * them (rows shown, the page's rows, cohorts, the tier distribution, the export targets).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { memoOn, REGIMES, type Regime, type RegimeTier, type RuleSet } from '../engine';
import type { AssessmentRecord } from '../assessment/record';
import { PAGE_SIZE } from './page-size';
import { recordRow, type PortfolioRow } from './rows';
import { cohortsOf, filterRows, SORT_KEYS, sortRows, tierDistribution, type Filter, type Sort, type SortKey } from './table';

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

const DEFAULT_SORT: Sort = { key: 'updated', dir: 'desc' };
const TIERS = ['prohibited_any', 'high', 'needs_review', 'medium_low', 'limited', 'minimal', 'out_of_scope'];

/** The filters and sort an address holds (`#/portfolio?text=…&cohort=…&tier=…&in=…&sort=EU:asc`); anything unknown is ignored. */
export function tableStateOf(query: string): { filters: FilterState; sort: Sort } {
  const q = new URLSearchParams(query);
  const [key, dir] = (q.get('sort') ?? '').split(':');
  const regime = q.get('in') ?? 'any';
  const tier = q.get('tier') ?? '';
  return {
    filters: {
      text: (q.get('text') ?? '').slice(0, 200),
      cohort: (q.get('cohort') ?? '').slice(0, 200),
      tier: TIERS.includes(tier) ? tier : '',
      tierRegime: (REGIMES as readonly string[]).includes(regime) ? (regime as Regime) : 'any',
    },
    sort: (SORT_KEYS as readonly string[]).includes(key ?? '') && (dir === 'asc' || dir === 'desc') ? { key: key as SortKey, dir } : DEFAULT_SORT,
  };
}

/** The address of the table's filters and sort (the defaults left out). */
export function tableQuery(filters: FilterState, sort: Sort): string {
  const q = new URLSearchParams();
  if (filters.text) q.set('text', filters.text);
  if (filters.cohort) q.set('cohort', filters.cohort);
  if (filters.tier) q.set('tier', filters.tier);
  if (filters.tier && filters.tierRegime !== 'any') q.set('in', filters.tierRegime);
  if (sort.key !== DEFAULT_SORT.key || sort.dir !== DEFAULT_SORT.dir) q.set('sort', `${sort.key}:${sort.dir}`);
  return q.toString();
}

/** `query`: the address's filters and sort, read once when the page opens; changes are written back to the address (replaced, not pushed). */
export function usePortfolioTable(rs: RuleSet, records: ReadonlyMap<string, AssessmentRecord>, query = '') {
  const [initial] = useState(() => tableStateOf(query));
  const [sort, setSort] = useState<Sort>(initial.sort);
  const [filters, setFilters] = useState<FilterState>(initial.filters);
  useEffect(() => {
    const q = tableQuery(filters, sort);
    const href = q ? `#/portfolio?${q}` : '#/portfolio';
    if (window.location.hash !== href && window.location.hash.startsWith('#/portfolio')) window.history.replaceState(window.history.state, '', href);
  }, [filters, sort]);
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
