/**
 * A result in a few fields — overall level, tier per regime, the applicable duties — small enough to
 * travel inside an exported file. It records what an assessment came to under the rule set it was
 * made with, so that a later rule set can say what it changes (`diffResults`). Pure, and without the
 * engine's evaluation (summarize.ts computes one), so the browser's first load need not carry it.
 */
import { REGIMES, type OverallLevel, type Regime, type RegimeTier } from '../engine';

export interface ResultSummary {
  overall: OverallLevel;
  tiers: Record<Regime, RegimeTier>;
  /** Ids of the duties that apply (mandatory, encouraged and anticipated), in rule-set order. */
  duties: string[];
}

export interface ResultDiff {
  overall?: { from: OverallLevel; to: OverallLevel };
  tiers: { regime: Regime; from: RegimeTier; to: RegimeTier }[];
  dutiesAdded: string[];
  dutiesRemoved: string[];
}

export function diffResults(before: ResultSummary, after: ResultSummary): ResultDiff {
  const was = new Set(before.duties);
  const now = new Set(after.duties);
  return {
    ...(before.overall !== after.overall ? { overall: { from: before.overall, to: after.overall } } : {}),
    tiers: REGIMES.filter((g) => before.tiers[g] !== after.tiers[g]).map((g) => ({ regime: g, from: before.tiers[g], to: after.tiers[g] })),
    dutiesAdded: after.duties.filter((d) => !was.has(d)),
    dutiesRemoved: before.duties.filter((d) => !now.has(d)),
  };
}

export const isEmptyDiff = (d: ResultDiff): boolean => !d.overall && !d.tiers.length && !d.dutiesAdded.length && !d.dutiesRemoved.length;

const OVERALL: readonly string[] = ['unacceptable', 'high', 'limited', 'minimal', 'out_of_scope', 'needs_review'];
const TIER = /^[a-z_]{1,40}$/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const FIELDS: readonly string[] = ['overall', 'tiers', 'duties'];

/**
 * Shape check for a summary read from a file (its values name tiers and duties of another rule-set
 * version, so only their form is checked): the paths, relative to the summary, of keys it must not have
 * (`unknown`) and of fields missing or malformed (`bad`). Both empty when it is a summary.
 */
export function checkResultSummary(v: unknown): { unknown: string[]; bad: string[] } {
  const unknown: string[] = [];
  const bad: string[] = [];
  if (!isObject(v)) return { unknown, bad: [''] };
  for (const k of Object.keys(v)) if (!FIELDS.includes(k)) unknown.push(k);
  if (!OVERALL.includes(v.overall as string)) bad.push('overall');
  const tiers = v.tiers;
  if (!isObject(tiers)) bad.push('tiers');
  else {
    for (const k of Object.keys(tiers)) if (!(REGIMES as readonly string[]).includes(k)) unknown.push(`tiers.${k}`);
    for (const g of REGIMES) if (typeof tiers[g] !== 'string' || !TIER.test(tiers[g] as string)) bad.push(`tiers.${g}`);
  }
  if (!Array.isArray(v.duties) || v.duties.length > 1000 || !v.duties.every((d) => typeof d === 'string' && /^[A-Za-z0-9_.()-]{1,80}$/.test(d))) bad.push('duties');
  return { unknown, bad };
}

export function isResultSummary(v: unknown): v is ResultSummary {
  const c = checkResultSummary(v);
  return !c.unknown.length && !c.bad.length;
}

