/**
 * The cases that pin the rule set: every answers file in `rules/examples/` (the worked examples) and
 * `rules/scenarios/` (reviewers' scenarios), each with its expected outcome beside it as data
 * (`<name>.expected.yaml`: the date, the overall level, the tier per regime, and the ids of every duty
 * and notice). One generic test runs them all (src/node/cases.test.ts); the catalogue says which
 * cases exercise each duty and article by running them. `npm run rules:cases` rewrites the expected
 * files after a deliberate change, so a review sees the change as a diff of data.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { assess, REGIMES, type Assessment, type OverallLevel, type Regime, type RegimeTier, type RuleSet } from '../engine';
import { DEFAULT_RULES_DIR } from './load-rules';

export const CASE_FOLDERS = ['examples', 'scenarios'] as const;
/** The date the cases are assessed as of, unless a case names its own. */
export const CASE_DATE = '2026-11-23';

export interface Case {
  /** E1, S01, T12 …: the file name up to its first hyphen. */
  id: string;
  /** Repository-relative path of the answers file. */
  file: string;
  answers: unknown;
  expectedFile: string;
}

export interface Outcome {
  date: string;
  overall: OverallLevel;
  tiers: Record<Regime, RegimeTier>;
  duties: string[];
  notices: string[];
}

export function listCases(rulesDir: string = DEFAULT_RULES_DIR): Case[] {
  const root = resolve(rulesDir, '..');
  return CASE_FOLDERS.flatMap((folder) => {
    const dir = join(rulesDir, folder);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort()
      .map((n) => {
        const path = join(dir, n);
        return {
          id: n.split('-')[0]!,
          file: relative(root, path),
          answers: (JSON.parse(readFileSync(path, 'utf8')) as { answers: unknown }).answers,
          expectedFile: join(dir, `${basename(n, '.json')}.expected.yaml`),
        };
      });
  });
}

export const outcomeOf = (a: Assessment, date: string): Outcome => ({
  date,
  overall: a.overall,
  tiers: Object.fromEntries(REGIMES.map((g) => [g, a.regimes[g].tier])) as Record<Regime, RegimeTier>,
  duties: a.duties.map((d) => d.id).sort(),
  notices: a.notices.map((d) => d.id).sort(),
});

export function readExpected(c: Case): Outcome | undefined {
  if (!existsSync(c.expectedFile)) return undefined;
  return parse(readFileSync(c.expectedFile, 'utf8')) as Outcome;
}

/** What a case comes to under `rs`, as of its expected file's date (or CASE_DATE). */
export function runCase(rs: RuleSet, c: Case, date = readExpected(c)?.date ?? CASE_DATE): { ok: true; outcome: Outcome; assessment: Assessment } | { ok: false; message: string } {
  const r = assess(rs, c.answers, { date });
  if (!r.ok) return { ok: false, message: r.errors.map((e) => `${e.question ?? ''} ${e.message}`.trim()).join('; ') };
  return { ok: true, outcome: outcomeOf(r.assessment, date), assessment: r.assessment };
}

export function writeExpected(c: Case, o: Outcome): void {
  const head = `# What ${c.id} (${basename(c.file)}) comes to under this rule set, as of \`date\`.\n# Checked by src/node/cases.test.ts; rewritten by \`npm run rules:cases\` after a deliberate change.\n`;
  writeFileSync(c.expectedFile, head + stringify(o, { lineWidth: 0 }));
}

/** For the catalogue: which cases produce each duty or notice id, and which cases' reasons and duties cite each article. */
export function exercisedBy(rs: RuleSet, rulesDir: string = DEFAULT_RULES_DIR): { duties: Map<string, string[]>; articles: Map<string, string[]>; cases: { id: string; file: string }[] } {
  const duties = new Map<string, string[]>();
  const articles = new Map<string, string[]>();
  const add = (m: Map<string, string[]>, k: string, id: string) => {
    const xs = m.get(k) ?? [];
    if (!xs.includes(id)) m.set(k, [...xs, id]);
  };
  const cases = listCases(rulesDir);
  for (const c of cases) {
    const r = runCase(rs, c);
    if (!r.ok) continue;
    const a = r.assessment;
    for (const d of [...a.duties, ...a.notices]) {
      add(duties, d.id, c.id);
      for (const art of d.articles) add(articles, art, c.id);
    }
    for (const g of REGIMES) for (const reason of a.regimes[g].reasons) for (const art of reason.articles) add(articles, art, c.id);
  }
  return { duties, articles, cases: cases.map((c) => ({ id: c.id, file: c.file })) };
}
