/**
 * Reads the rule files from disk (Node only). The browser gets the same raw files through the Vite
 * plugin in `vite.config.ts`, which calls `readRuleFiles` at build time.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';
import type { LoadResult, RawFile, RawRuleSet, RuleSetError } from '../engine';
import { loadRuleSet } from '../engine/validate';

export const DEFAULT_RULES_DIR = resolve(import.meta.dirname, '../../rules');

const FOLDERS = ['sources', 'questions', 'indicators', 'tiers', 'duties', 'consistency', 'glossary'] as const;

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/**
 * The SHA-256 of a rule set, from its files' bytes: the SHA-256 of the lines `<sha256 of file>  ./<path>`
 * (paths relative to the rules folder, sorted), as `sha256sum` prints them. A reader recomputes it with
 * `cd rules && find . -name '*.yaml' -not -path './examples/*' -not -path './scenarios/*' | LC_ALL=C sort | xargs sha256sum | sha256sum`.
 */
export function ruleSetDigest(files: readonly { path: string; text: string }[]): string {
  const lines = files.map((f) => ({ path: `./${f.path.split(sep).join('/')}`, sha: sha256(f.text) })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return sha256(lines.map((l) => `${l.sha}  ${l.path}\n`).join(''));
}

/** Reads and parses every YAML file of a rules directory. YAML syntax errors are returned, not thrown. */
export function readRuleFiles(dir: string = DEFAULT_RULES_DIR): { raw: RawRuleSet; errors: RuleSetError[]; digest: string } {
  const errors: RuleSetError[] = [];
  const root = resolve(dir, '..');
  const texts: { path: string; text: string }[] = [];
  const read = (path: string): RawFile => {
    const file = relative(root, path);
    try {
      const text = readFileSync(path, 'utf8');
      texts.push({ path: relative(dir, path), text });
      return { file, data: parse(text, { prettyErrors: true }) };
    } catch (e) {
      const err = e as { message?: string; linePos?: { line: number; col: number }[] };
      const pos = err.linePos?.[0];
      errors.push({ file, path: pos ? `line ${pos.line}, column ${pos.col}` : '(file)', message: (err.message ?? String(e)).split('\n')[0]! });
      return { file, data: undefined };
    }
  };
  const list = (folder: string): RawFile[] => {
    let names: string[];
    try {
      names = readdirSync(join(dir, folder));
    } catch {
      errors.push({ file: relative(root, join(dir, folder)), path: '(folder)', message: 'folder is missing' });
      return [];
    }
    return names
      .filter((n) => n.endsWith('.yaml'))
      .sort()
      .map((n) => read(join(dir, folder, n)))
      .filter((f) => f.data !== undefined);
  };
  const lists = Object.fromEntries(FOLDERS.map((f) => [f, list(f)])) as Record<(typeof FOLDERS)[number], RawFile[]>;
  const raw = { manifest: read(join(dir, 'ruleset.yaml')), ...lists };
  return { raw, errors, digest: ruleSetDigest(texts) };
}

/** Reads, parses and validates a rules directory. */
export function loadRulesFromDir(dir: string = DEFAULT_RULES_DIR): LoadResult {
  const { raw, errors, digest } = readRuleFiles(dir);
  const res = loadRuleSet(raw);
  if (errors.length) return { ok: false, errors: [...errors, ...(res.ok ? [] : res.errors)] };
  return res.ok ? { ok: true, ruleSet: { ...res.ruleSet, digest } } : res;
}
