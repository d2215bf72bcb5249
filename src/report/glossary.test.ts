/** Glossary terms found in running text, and a glossary that fits the rule set it explains. */
import { describe, expect, it } from 'vitest';
import { LANGS, type RuleSet } from '../engine';
import { projectRules } from '../testing/fixtures';
import { glossText, type GlossedPiece } from './glossary';

const rs = projectRules();

/** A rule set with a made-up glossary, to test the matching rules alone. */
const withTerms = (terms: { id: string; en: string[]; zh: string[] }[]): RuleSet => ({
  ...rs,
  glossary: terms.map((t) => ({ id: t.id, term: { en: t.id, 'zh-CN': t.id }, definition: { en: 'd', 'zh-CN': 'd' }, match: { en: t.en.join(' | '), 'zh-CN': t.zh.join(' | ') }, cites: [], file: 'x' })),
});

const terms = (pieces: GlossedPiece[]) => pieces.filter((p) => typeof p !== 'string').map((p) => (p as { term: string; text: string }).text);

describe('glossText', () => {
  const g = withTerms([
    { id: 'deployer', en: ['deployer', 'deployers'], zh: ['部署者'] },
    { id: 'gpai-model', en: ['general-purpose AI model'], zh: ['通用人工智能模型'] },
    { id: 'ai-model', en: ['AI model'], zh: ['人工智能模型'] },
  ]);

  it('matches whole English words in any case, and keeps the text as written', () => {
    const pieces = glossText(g, 'Deployers must inform; a redeployer or deployerless thing is no match.', 'en');
    expect(terms(pieces)).toEqual(['Deployers']);
    expect(pieces.map((p) => (typeof p === 'string' ? p : p.text)).join('')).toBe('Deployers must inform; a redeployer or deployerless thing is no match.');
  });

  it('links a term once per text, and once per block when texts share `seen`', () => {
    expect(terms(glossText(g, 'A deployer and another deployer.', 'en'))).toEqual(['deployer']);
    const seen = new Set<string>();
    expect(terms(glossText(g, 'The deployer acts.', 'en', seen))).toEqual(['deployer']);
    expect(terms(glossText(g, 'The deployer again.', 'en', seen))).toEqual([]);
  });

  it('prefers the longest form where forms overlap', () => {
    expect(terms(glossText(g, 'A general-purpose AI model is not just any AI model.', 'en'))).toEqual(['general-purpose AI model', 'AI model']);
    expect(terms(glossText(g, '通用人工智能模型的提供者', 'zh-CN'))).toEqual(['通用人工智能模型']);
  });

  it('matches Chinese forms inside running text', () => {
    expect(terms(glossText(g, '部署者应当告知', 'zh-CN'))).toEqual(['部署者']);
  });

  it('leaves text without terms whole, and empty text empty', () => {
    expect(glossText(g, 'Nothing here.', 'en')).toEqual(['Nothing here.']);
    expect(glossText(g, '', 'en')).toEqual(['']);
  });
});

describe('the project glossary', () => {
  const texts = (lang: (typeof LANGS)[number]) => [
    ...rs.questions.flatMap((q) => [q.plain[lang], q.help[lang]]),
    ...rs.duties.flatMap((d) => [d.plain[lang], d.do[lang]]),
  ];

  it('covers the terms the issue names', () => {
    const ids = new Set(rs.glossary.map((t) => t.id));
    for (const id of ['placing-on-the-market', 'putting-into-service', 'provider', 'deployer', 'importer', 'distributor', 'notified-body', 'conformity-assessment', 'de-identification', 'small-mid-cap', 'general-purpose-ai-model', 'systemic-risk']) {
      expect(ids, id).toContain(id);
    }
  });

  it.each(LANGS)('every term appears (and is linked) somewhere in the questions and duties in %s', (lang) => {
    const linked = new Set<string>();
    for (const text of texts(lang)) for (const p of glossText(rs, text, lang)) if (typeof p !== 'string') linked.add(p.term);
    const never = rs.glossary.filter((t) => !linked.has(t.id)).map((t) => t.id);
    expect(never).toEqual([]);
  });

  it('every question and duty has a plain explanation in both languages, shorter than its legal text', () => {
    for (const lang of LANGS) {
      for (const q of rs.questions) expect(q.plain[lang].trim().length, `${q.id} ${lang}`).toBeGreaterThan(20);
      for (const d of rs.duties) expect(d.plain[lang].trim().length, `${d.id} ${lang}`).toBeGreaterThan(20);
    }
  });

  it('every EU article has an unofficial Chinese summary, and no Chinese-law article needs one', () => {
    const eu = [...rs.articles.values()].filter((a) => a.regime === 'EU');
    expect(eu.length).toBeGreaterThan(100);
    expect(eu.filter((a) => !a.summary?.['zh-CN']).map((a) => a.id)).toEqual([]);
    for (const a of rs.articles.values()) if (a.regime !== 'EU') expect(a.translation, a.id).toBeTruthy();
  });
});
