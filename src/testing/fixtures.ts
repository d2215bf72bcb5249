/** Test fixtures: the project's rule set and example answer files, loaded once. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Assessment, assess } from '../engine';
import type { RuleSet } from '../engine';
import { DEFAULT_RULES_DIR, loadRulesFromDir } from '../node/load-rules';

let cached: RuleSet | undefined;

export function projectRules(): RuleSet {
  if (!cached) {
    const r = loadRulesFromDir();
    if (!r.ok) throw new Error(`rule set invalid: ${r.errors.map((e) => `${e.file} ${e.path}: ${e.message}`).join('\n')}`);
    cached = r.ruleSet;
  }
  return cached;
}

export const EXAMPLES_DIR = resolve(DEFAULT_RULES_DIR, 'examples');

export function exampleFile(id: string): string {
  const name = readdirSync(EXAMPLES_DIR).find((f) => f.startsWith(`${id}-`) && f.endsWith('.json'));
  if (!name) throw new Error(`no example ${id}`);
  return join(EXAMPLES_DIR, name);
}

export function exampleAnswers(id: string): Record<string, unknown> {
  return JSON.parse(readFileSync(exampleFile(id), 'utf8')).answers;
}

/** Assess and fail loudly on invalid answers. */
export function mustAssess(answers: unknown, date = '2026-11-23'): Assessment {
  const r = assess(projectRules(), answers, { date });
  if (!r.ok) throw new Error(`invalid answers: ${r.errors.map((e) => e.message).join('; ')}`);
  return r.assessment;
}

/** Every article a reason list names. */
export const reasonArticles = (a: Assessment, regime: 'SH' | 'SZ' | 'EU') => a.regimes[regime].reasons.flatMap((r) => r.articles);
export const dutyArticles = (xs: Assessment['duties']) => xs.flatMap((d) => d.articles);
