/** The rule set split for the browser comes back whole: same rule set, same assessments. */
import { describe, expect, it } from 'vitest';
import { assess } from '../engine/assess';
import { LANGS } from '../engine/constants';
import { buildRuleSet, TRUSTED_PARSERS } from '../engine/ruleset';
import { readRuleFiles } from '../node/load-rules';
import { exampleAnswers } from '../testing/fixtures';
import { bindArticleTexts, restoreRules, splitRules, type TextStore } from './split';

const { raw } = readRuleFiles();

describe('rule set split for the browser', () => {
  const split = splitRules(raw);

  it('leaves no bilingual text and no statute text in the structure', () => {
    const s = JSON.stringify(split.structure);
    expect(s).not.toContain('"zh-CN":');
    expect(s).not.toContain('"original":');
    expect(split.texts.en.q.length).toBe(split.texts['zh-CN'].q.length);
    expect(split.texts.en.r.length).toBeGreaterThan(split.texts.en.q.length);
  });

  it('restores the same rule data once every table has arrived (statute texts from the sources table)', () => {
    const store: TextStore = { texts: Object.fromEntries(LANGS.map((l) => [l, split.texts[l]])), sources: split.sources };
    const restored = JSON.parse(JSON.stringify(restoreRules(split.structure, store)));
    const original = JSON.parse(JSON.stringify(raw));
    for (const f of original.sources) {
      for (const a of f.data.articles) {
        expect(split.sources[a.id]).toEqual(Object.fromEntries(['original', 'translation', 'note'].filter((k) => k in a).map((k) => [k, a[k]])));
        delete a.original;
        delete a.translation;
        delete a.note;
      }
    }
    expect(restored).toEqual(original);
  });

  it('builds a rule set that assesses every example like the validated one, and reads texts as they arrive', () => {
    const store: TextStore = { texts: {} };
    const built = buildRuleSet(restoreRules(split.structure, store), TRUSTED_PARSERS);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    const rs = built.ruleSet;
    bindArticleTexts(rs.articles.values(), store);
    expect(rs.questions[0]!.text.en).toBe('');
    store.texts.en = { q: split.texts.en.q };
    expect(rs.questions[0]!.text.en).toBe('Organisation name');
    expect(rs.articles.get('SH-69')!.original).toBe('');
    store.sources = split.sources;
    expect(rs.articles.get('SH-69')!.original).toContain('劳动者');
    for (const id of ['E1', 'E2', 'E6', 'E9']) {
      const a = assess(rs, exampleAnswers(id), { date: '2026-11-23' });
      expect(a.ok).toBe(true);
    }
  });
});
