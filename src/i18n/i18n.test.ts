/** English and Simplified Chinese are complete: a key missing in either language fails. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANSWER_ERROR_CODES, LANGS, TIER_NAMES, DUTY_REGIMES } from '../engine';
import { projectRules } from '../testing/fixtures';
import { NAMESPACES, createI18n, resources } from './i18n';

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('i18n resources', () => {
  it('every namespace file exists in both languages and is registered', () => {
    const dir = resolve('src/i18n/locales');
    for (const lang of LANGS) expect(readdirSync(join(dir, lang)).sort()).toEqual(NAMESPACES.map((n) => `${n}.json`).sort());
  });

  it.each(NAMESPACES)('namespace %s has the same keys in en and zh-CN, none empty', (ns) => {
    const en = keys(resources.en[ns]).sort();
    const zh = keys(resources['zh-CN'][ns]).sort();
    expect(zh).toEqual(en);
    for (const lang of LANGS) for (const k of keys(resources[lang][ns])) expect(createI18n(lang).t(`${ns}:${k}`), `${lang} ${ns}:${k}`).not.toBe('');
  });

  it('has a label for every tier, regime and answer-error code the engine produces', () => {
    for (const lang of LANGS) {
      const i = createI18n(lang);
      for (const t of [...TIER_NAMES, 'needs_review']) expect(i.exists(`result:tier.${t}`), `${lang} tier ${t}`).toBe(true);
      for (const r of DUTY_REGIMES) expect(i.exists(`result:regime.${r}`), `${lang} regime ${r}`).toBe(true);
      for (const c of ANSWER_ERROR_CODES) expect(i.exists(`errors:answer.${c}`), `${lang} error ${c}`).toBe(true);
    }
  });

  it('every key the code uses exists (t("ns:key") literals in src/)', () => {
    const used = new Set<string>();
    const walk = (d: string) => {
      for (const f of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, f.name);
        if (f.isDirectory()) walk(p);
        else if (/\.(ts|tsx)$/.test(f.name) && !/\.test\.tsx?$/.test(f.name)) {
          for (const m of readFileSync(p, 'utf8').matchAll(new RegExp(`\\bt\\(\\s*[\`'"]((?:${NAMESPACES.join('|')}):[a-zA-Z0-9_.]+)[\`'"]`, 'g'))) used.add(m[1]!);
        }
      }
    };
    walk(resolve('src'));
    expect(used.size).toBeGreaterThan(0);
    // Plural keys exist as key_one / key_other (i18next picks one by `count`).
    for (const lang of LANGS) for (const k of used) expect(createI18n(lang).exists(k) || createI18n(lang).exists(k, { count: 2 }), `${lang} ${k}`).toBe(true);
  });

  it('every rule text has both languages (the rule set loads only if so)', () => {
    const rs = projectRules();
    for (const q of rs.questions) for (const lang of LANGS) expect(q.text[lang].length).toBeGreaterThan(0);
  });
});
