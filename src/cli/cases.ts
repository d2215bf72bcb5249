/**
 * `cases [--write]`: every case of the rule set (src/node/cases.ts) against its expected outcome,
 * or, with --write, the expected outcomes rewritten from the current rule set.
 */
import type { RuleSet } from '../engine';
import { listCases, readExpected, runCase, writeExpected, type Outcome } from '../node/cases';

function differences(expected: Outcome, got: Outcome): string[] {
  const out: string[] = [];
  if (expected.overall !== got.overall) out.push(`overall ${got.overall}, expected ${expected.overall}`);
  for (const [g, tier] of Object.entries(got.tiers)) if (expected.tiers?.[g as keyof Outcome['tiers']] !== tier) out.push(`${g} ${tier}, expected ${expected.tiers?.[g as keyof Outcome['tiers']]}`);
  for (const kind of ['duties', 'notices'] as const) {
    const want = new Set(expected[kind] ?? []);
    const have = new Set(got[kind]);
    const extra = got[kind].filter((x) => !want.has(x));
    const missing = [...want].filter((x) => !have.has(x));
    if (extra.length) out.push(`${kind} not expected: ${extra.join(', ')}`);
    if (missing.length) out.push(`${kind} missing: ${missing.join(', ')}`);
  }
  return out;
}

export function checkCases(rs: RuleSet, opts: { write?: boolean; rulesDir?: string } = {}): { ok: boolean; lines: string[] } {
  const lines: string[] = [];
  let bad = 0;
  const cases = listCases(opts.rulesDir);
  for (const c of cases) {
    const r = runCase(rs, c);
    if (!r.ok) {
      bad++;
      lines.push(`error: ${c.file}: the answers do not pass the rule set: ${r.message}`);
      continue;
    }
    if (opts.write) {
      writeExpected(c, r.outcome);
      continue;
    }
    const expected = readExpected(c);
    if (!expected) {
      bad++;
      lines.push(`error: ${c.file}: no expected outcome beside it (npm run rules:cases writes one)`);
      continue;
    }
    const diff = differences(expected, r.outcome);
    if (diff.length) {
      bad++;
      lines.push(`error: ${c.file}: ${diff.join('; ')}`);
    }
  }
  lines.push(opts.write ? `wrote ${cases.length} expected outcomes` : `${cases.length - bad} of ${cases.length} cases as expected`);
  return { ok: bad === 0, lines };
}
