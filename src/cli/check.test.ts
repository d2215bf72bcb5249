/** Broken rule files make `rules:check` fail with a message naming the file, the path and the problem. */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RULES_DIR } from '../node/load-rules';
import { runCheck } from './check';

const SEEDS = resolve(DEFAULT_RULES_DIR, '../../shared/seeds');
let dirs: string[] = [];
afterEach(() => {
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  dirs = [];
});

/** A copy of rules/ with one file edited. */
function brokenRules(file: string, edit: (text: string) => string): string {
  const root = mkdtempSync(join(tmpdir(), 'rules-'));
  dirs.push(root);
  const dir = join(root, 'rules');
  cpSync(DEFAULT_RULES_DIR, dir, { recursive: true });
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`edit of ${file} changed nothing`);
  writeFileSync(path, after);
  return dir;
}

const check = (rulesDir: string, seedsDir = SEEDS) => runCheck({ rulesDir, seedsDir, samples: 3000, seed: 7 });

describe('rules:check', () => {
  it('passes on the project rule set', () => {
    const res = runCheck({ rulesDir: DEFAULT_RULES_DIR, seedsDir: SEEDS, samples: 100_000, seed: 20221001 });
    expect(res.lines.filter((l) => l.startsWith('error'))).toEqual([]);
    expect(res.ok).toBe(true);
  });

  it('fails on a citation of an article that does not exist', () => {
    const dir = brokenRules('duties/sh.yaml', (t) => t.replace('article: SH-64\n', 'article: SH-99\n'));
    const res = check(dir);
    expect(res.ok).toBe(false);
    expect(res.lines).toContainEqual(expect.stringMatching(/rules\/duties\/sh\.yaml: duty SH-64-inspection\.article: cites article SH-99, which is not in rules\/sources/));
  });

  it('fails on a duty that can never apply, naming it', () => {
    const dir = brokenRules('duties/sz.yaml', (t) =>
      t.replace(/( {2}- id: SZ-69\.1-code[\s\S]*? {4}when:\n {6}all:\n)/, '$1        - { ref: no_ai }\n'),
    );
    const res = check(dir);
    expect(res.ok).toBe(false);
    expect(res.lines).toContainEqual(expect.stringMatching(/duty SZ-69\.1-code never applies/));
  });

  it('fails on a condition that names an option the question does not offer', () => {
    const dir = brokenRules('indicators/cn.yaml', (t) => t.replace('includes: medical }', 'includes: medicine }'));
    const res = check(dir);
    expect(res.lines).toContainEqual(expect.stringMatching(/indicator cn\.life_health\.when: question "uses_safety_public" has no option "medicine"/));
  });

  it('fails on a condition that names an unknown question or indicator', () => {
    const dir = brokenRules('tiers/sh.yaml', (t) => t.replace('- { ref: cn.employment }', '- { ref: cn.employmnet }'));
    expect(check(dir).lines).toContainEqual(expect.stringMatching(/rules\/tiers\/sh\.yaml: rules\[3\]\.when\.any\[3\]: refers to "cn\.employmnet", which is neither an indicator nor a term/));
  });

  it('fails when a question is asked on the strength of a later question', () => {
    const dir = brokenRules('questions/02-scope.yaml', (t) => t.replace("    askedWhen: { ref: ai_possible }\n    text: { en: \"Where in mainland China", "    askedWhen: { q: scale, equals: over_1m }\n    text: { en: \"Where in mainland China"));
    expect(check(dir).lines).toContainEqual(expect.stringMatching(/question cn_locations\.askedWhen: looks at question "scale", which is not asked before this one/));
  });

  it('fails on a schema error with the path, e.g. a missing Chinese text', () => {
    const dir = brokenRules('questions/01-product.yaml', (t) => t.replace('text: { en: "Organisation name", zh-CN: "组织名称" }', 'text: { en: "Organisation name" }'));
    expect(check(dir).lines).toContainEqual(expect.stringMatching(/rules\/questions\/01-product\.yaml: questions\[0\]\.text\.zh-CN: /));
  });

  it('fails on a consistency rule or glossary term defined twice, naming the file and where', () => {
    const consistency = brokenRules('consistency/eu.yaml', (t) => t.replace(/( {2}- id: )[\w.]+/, '$1cn.screen_vs_sexual_content'));
    expect(check(consistency).lines).toContainEqual(expect.stringMatching(/rules\/consistency\/eu\.yaml: consistency\[0\]\.id: consistency rule "cn\.screen_vs_sexual_content" is defined twice/));
    const glossary = brokenRules('glossary/terms.yaml', (t) => t.replace('  - id: placing-on-the-market', '  - id: ai-system'));
    expect(check(glossary).lines).toContainEqual(expect.stringMatching(/rules\/glossary\/terms\.yaml: terms\[1\]\.id: glossary term "ai-system" is defined twice/));
  });

  it('fails on YAML that does not parse, with the line', () => {
    const dir = brokenRules('tiers/eu.yaml', (t) => t.replace('regime: EU', 'regime: [EU'));
    expect(check(dir).lines).toContainEqual(expect.stringMatching(/rules\/tiers\/eu\.yaml: line \d+, column \d+: /));
  });

  // The seeds live beside the repository (../shared/seeds); a clone elsewhere has none to compare with.
  it.skipIf(!existsSync(SEEDS))('fails when a Chinese statute text no longer matches the seed', () => {
    const dir = brokenRules('sources/sh.yaml', (t) => t.replace('不得设置歧视性条件', '不得设置条件'));
    const res = check(dir);
    expect(res.ok).toBe(false);
    expect(res.lines).toContainEqual(expect.stringMatching(/SH-69: the Chinese text is not found verbatim in seed 003_/));
  });

  it('fails on a cycle between named conditions', () => {
    const dir = brokenRules('indicators/terms.yaml', (t) => t.replace('    when: { q: eu_roles, includesAny: [provider, product_manufacturer] }', '    when: { ref: eu_provider_duties }'));
    expect(check(dir).lines).toContainEqual(expect.stringMatching(/circular definition/));
  });
});
