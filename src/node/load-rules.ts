/**
 * Reads the rule files from disk (Node only). The browser gets the same raw files through the Vite
 * plugin in `vite.config.ts`, which calls `readRuleFiles` at build time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import type { LoadResult, RawFile, RawRuleSet, RuleSetError } from '../engine';
import { loadRuleSet } from '../engine/validate';

export const DEFAULT_RULES_DIR = resolve(import.meta.dirname, '../../rules');

const FOLDERS = ['sources', 'questions', 'indicators', 'tiers', 'duties', 'consistency', 'glossary'] as const;

/** Reads and parses every YAML file of a rules directory. YAML syntax errors are returned, not thrown. */
export function readRuleFiles(dir: string = DEFAULT_RULES_DIR): { raw: RawRuleSet; errors: RuleSetError[] } {
  const errors: RuleSetError[] = [];
  const root = resolve(dir, '..');
  const read = (path: string): RawFile => {
    const file = relative(root, path);
    try {
      return { file, data: parse(readFileSync(path, 'utf8'), { prettyErrors: true }) };
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
  return { raw: { manifest: read(join(dir, 'ruleset.yaml')), ...lists }, errors };
}

/** Reads, parses and validates a rules directory. */
export function loadRulesFromDir(dir: string = DEFAULT_RULES_DIR): LoadResult {
  const { raw, errors } = readRuleFiles(dir);
  const res = loadRuleSet(raw);
  if (errors.length) return { ok: false, errors: [...errors, ...(res.ok ? [] : res.errors)] };
  return res;
}
