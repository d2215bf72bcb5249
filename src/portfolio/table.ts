/**
 * Sorting, filtering and counting the portfolio's rows: what the table and the chart show. Pure, so
 * the bench can time it on a thousand rows and the tests can check it without a browser.
 */
import { REGIMES, type Regime, type RegimeTier } from '../engine';
import type { PortfolioRow } from './rows';

export const SORT_KEYS = ['name', 'cohort', 'overall', 'SH', 'SZ', 'EU', 'prohibited', 'open', 'updated'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

export interface Filter {
  /** Free text: matched against company, product, title, cohort, incubator and assessor. */
  text?: string;
  /** Cohort label ('' = assessments without a cohort). */
  cohort?: string;
  /** A tier in one regime, or in any regime. */
  tier?: { regime: Regime | 'any'; tier: RegimeTier | 'prohibited_any' };
}

/** Strictest first: the order a reader scanning for risk wants. */
const SEVERITY: Record<string, number> = {
  prohibited: 0, unacceptable: 0, high: 1, needs_review: 2, medium_low: 3, limited: 3, minimal: 4, out_of_scope: 5,
};
const PROHIBITED_ORDER = { yes: 0, possible: 1, no: 2 };

export const rowName = (r: PortfolioRow): string => r.title || [r.company, r.product].filter(Boolean).join(' · ');

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function compareBy(key: SortKey): (a: PortfolioRow, b: PortfolioRow) => number {
  switch (key) {
    case 'name':
      return (a, b) => collator.compare(rowName(a), rowName(b));
    case 'cohort':
      return (a, b) => collator.compare(a.cohort?.label ?? '', b.cohort?.label ?? '');
    case 'overall':
      return (a, b) => (SEVERITY[a.overall] ?? 9) - (SEVERITY[b.overall] ?? 9);
    case 'SH':
    case 'SZ':
    case 'EU':
      return (a, b) => (SEVERITY[a.tiers[key]] ?? 9) - (SEVERITY[b.tiers[key]] ?? 9);
    case 'prohibited':
      return (a, b) => PROHIBITED_ORDER[a.prohibited] - PROHIBITED_ORDER[b.prohibited];
    case 'open':
      return (a, b) => a.duties.open - b.duties.open;
    case 'updated':
      return (a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : 0);
  }
}

/** A stable sort; ties keep name order so the table does not jump. */
export function sortRows(rows: readonly PortfolioRow[], sort: Sort): PortfolioRow[] {
  const by = compareBy(sort.key);
  const byName = compareBy('name');
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * by(a, b) || byName(a, b) || (a.id < b.id ? -1 : 1));
}

const fold = (s: string) => s.normalize('NFKC').toLocaleLowerCase();

export function filterRows(rows: readonly PortfolioRow[], f: Filter): PortfolioRow[] {
  const words = fold(f.text ?? '').split(/\s+/).filter(Boolean);
  const tier = f.tier;
  return rows.filter((r) => {
    if (f.cohort !== undefined && (r.cohort?.label ?? '') !== f.cohort) return false;
    if (tier) {
      if (!r.started) return false;
      const regimes = tier.regime === 'any' ? REGIMES : [tier.regime];
      const hit = tier.tier === 'prohibited_any' ? r.prohibited !== 'no' : regimes.some((g) => r.tiers[g] === tier.tier);
      if (!hit) return false;
    }
    if (words.length) {
      const hay = fold([r.company, r.product, r.title, r.cohort?.label, r.cohort?.incubator, r.assessor].filter(Boolean).join('\n'));
      if (!words.every((w) => hay.includes(w))) return false;
    }
    return true;
  });
}

/** Per regime, how many rows sit in each tier (the chart); assessments not started are left out. */
export function tierDistribution(rows: readonly PortfolioRow[]): Record<Regime, Partial<Record<RegimeTier, number>>> {
  const out = { SH: {}, SZ: {}, EU: {} } as Record<Regime, Partial<Record<RegimeTier, number>>>;
  for (const r of rows) if (r.started) for (const g of REGIMES) out[g][r.tiers[g]] = (out[g][r.tiers[g]] ?? 0) + 1;
  return out;
}

/** Cohort labels present, sorted. */
export const cohortsOf = (rows: readonly PortfolioRow[]): string[] => [...new Set(rows.flatMap((r) => (r.cohort ? [r.cohort.label] : [])))].sort(collator.compare);
