/**
 * `check`: the rule-set check run by `npm run rules:check` and CI. Fails on schema errors (with file and
 * path), dangling references, questions or options that can never be asked or chosen, indicators,
 * tier rules and duties that can never apply, and Chinese statute text that differs from the seed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findWitnesses, type RuleSet } from '../engine';
import { loadRulesFromDir } from '../node/load-rules';

export interface CheckOptions {
  rulesDir: string;
  seedsDir: string;
  samples: number;
  seed: number;
}

export interface CheckOutcome {
  ok: boolean;
  lines: string[];
}

const normalise = (s: string) => s.replace(/[\s\u3000\u00a0]+/g, '');

/** Chinese originals marked seed-verbatim must appear, whitespace aside, in their seed document. */
export function verifyAgainstSeeds(rs: RuleSet, seedsDir: string): { errors: string[]; checked: number; skipped?: string } {
  if (!existsSync(seedsDir)) return { errors: [], checked: 0, skipped: `seeds folder ${seedsDir} not found: verbatim check skipped` };
  const errors: string[] = [];
  const seeds = new Map<string, string>();
  let checked = 0;
  for (const a of rs.articles.values()) {
    if (a.verification !== 'seed-verbatim') continue;
    const seedFile = a.seedFile;
    if (!seedFile) {
      errors.push(`${a.id}: marked seed-verbatim but its document ${a.document} names no seedFile`);
      continue;
    }
    if (!seeds.has(seedFile)) {
      const path = join(seedsDir, seedFile);
      seeds.set(seedFile, existsSync(path) ? normalise(readFileSync(path, 'utf8')) : '');
    }
    const seed = seeds.get(seedFile)!;
    if (!seed) errors.push(`${a.id}: seed file ${seedFile} not found in ${seedsDir}`);
    else if (!seed.includes(normalise(a.original))) errors.push(`${a.id}: the Chinese text is not found verbatim in seed ${seedFile}`);
    checked++;
  }
  return { errors, checked };
}

export function runCheck(opts: CheckOptions): CheckOutcome {
  const lines: string[] = [];
  const res = loadRulesFromDir(opts.rulesDir);
  if (!res.ok) {
    for (const e of res.errors) lines.push(`error: ${e.file}: ${e.path}: ${e.message}`);
    lines.push(`rules:check failed: ${res.errors.length} problem(s) in the rule files`);
    return { ok: false, lines };
  }
  const rs = res.ruleSet;
  let ok = true;

  const seeds = verifyAgainstSeeds(rs, opts.seedsDir);
  if (seeds.skipped) lines.push(`warning: ${seeds.skipped}`);
  for (const e of seeds.errors) {
    lines.push(`error: ${e}`);
    ok = false;
  }

  const cov = findWitnesses(rs, { samples: opts.samples, seed: opts.seed });
  for (const m of cov.missing) {
    const what = {
      question: 'is never asked',
      option: 'is never chosen',
      indicator: 'never holds',
      'tier-rule': 'never decides a tier',
      finding: 'is never found',
      consistency: 'never fires',
      duty: 'never applies',
    }[m.kind];
    lines.push(`error: ${m.file}: ${m.kind} ${m.id} ${what} in ${cov.samples} sampled answer sets — is its condition satisfiable?`);
    ok = false;
  }

  const cited = citedArticles(rs);
  const unused = [...rs.articles.keys()].filter((id) => !cited.has(id));
  if (unused.length) lines.push(`note: ${unused.length} source article(s) are not cited by any rule (kept for context): ${unused.join(', ')}`);

  lines.push(
    `rules ${rs.version} (${rs.date}): ${rs.questions.length} questions, ${rs.indicators.size} indicators, ` +
      `${Object.values(rs.tiers).reduce((n, t) => n + t.rules.length, 0)} tier rules, ${rs.duties.length} duties and notices, ` +
      `${rs.articles.size} articles (${seeds.checked} checked verbatim against the seeds); ` +
      `${cov.targets - cov.missing.length}/${cov.targets} coverage targets witnessed in ${cov.samples} sampled answer sets`,
  );
  lines.push(ok ? 'rules:check passed' : 'rules:check failed');
  return { ok, lines };
}

function citedArticles(rs: RuleSet): Set<string> {
  const s = new Set<string>();
  const add = (ids?: readonly string[]) => ids?.forEach((i) => s.add(i));
  for (const q of rs.questions) {
    add(q.cites);
    q.options?.forEach((o) => add(o.cites));
  }
  for (const i of rs.indicators.values()) {
    Object.values(i.cites).forEach(add);
    add(i.reference);
  }
  for (const t of rs.terms.values()) add(t.cites);
  for (const t of Object.values(rs.tiers)) {
    t.rules.forEach((r) => add(r.cites));
    t.caveats?.forEach((c) => add(c.cites));
  }
  for (const d of rs.duties) add([d.article, ...(d.alsoCites ?? [])]);
  return s;
}
