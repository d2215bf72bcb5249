/** The rule set split for the browser comes back whole: same rule set, same assessments. */
import { describe, expect, it } from 'vitest';
import { assess, buildRuleSet, LANGS, TRUSTED_PARSERS } from '../engine';
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
    for (const g of ['q', 'p', 'r'] as const) expect(split.texts.en[g].length).toBe(split.texts['zh-CN'][g].length);
    expect(split.texts.en.r.length).toBeGreaterThan(split.texts.en.q.length);
  });

  it('puts in the first table only what the start shows: titles, section headings and the first section', () => {
    const store: TextStore = { texts: { en: { q: split.texts.en.q } } };
    const built = buildRuleSet(restoreRules(split.structure, store), TRUSTED_PARSERS);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    const rs = built.ruleSet;
    const [first, ...later] = rs.sections;
    expect(rs.manifest.title.en).not.toBe('');
    for (const s of rs.sections) expect(s.title.en, s.id).not.toBe('');
    for (const q of rs.questions.filter((x) => x.section === first!.id)) {
      expect(q.text.en, q.id).not.toBe('');
      expect(q.plain.en, q.id).not.toBe('');
      // Its legal help is under "Why we ask", opened later: it comes with the rest.
      expect(q.help.en, q.id).toBe('');
    }
    // Everything later waits for the `p` table (fetched once the first question is usable).
    const rest = rs.questions.filter((x) => later.some((s) => s.id === x.section));
    expect(rest.length).toBeGreaterThan(40);
    expect(rest.every((q) => q.text.en === '' && (q.options ?? []).every((o) => o.label.en === ''))).toBe(true);
    expect(rs.consistency.every((c) => c.message.en === '')).toBe(true);
    store.texts.en!.p = split.texts.en.p;
    expect(rest.every((q) => q.text.en !== '')).toBe(true);
    expect(rs.questions.every((q) => q.help.en !== '')).toBe(true);
    expect(rs.glossary.every((g) => g.definition.en !== '' && g.match.en !== '')).toBe(true);
    expect(rs.consistency.every((c) => c.message.en !== '')).toBe(true);
    // The share of the questionnaire's texts the first screen waits for.
    const size = (g: 'q' | 'p') => JSON.stringify(split.texts.en[g]).length;
    expect(size('q')).toBeLessThan(size('p') / 3);
  });

  it('restores the same rule data once every table has arrived (statute texts from the sources table)', () => {
    const store: TextStore = { texts: Object.fromEntries(LANGS.map((l) => [l, split.texts[l]])), sources: split.sources };
    const restored = JSON.parse(JSON.stringify(restoreRules(split.structure, store)));
    const original = JSON.parse(JSON.stringify(raw));
    for (const f of original.sources) {
      for (const a of f.data.articles) {
        expect(split.sources[a.id]).toEqual(Object.fromEntries(['original', 'translation', 'summary', 'note'].filter((k) => k in a).map((k) => [k, a[k]])));
        delete a.original;
        delete a.translation;
        delete a.summary;
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
