/** The catalogue: every internal link lands on an anchor, and every rule item is in it with its article text. */
import { describe, expect, it } from 'vitest';
import { exercisedBy } from '../node/cases';
import { projectRules } from '../testing/fixtures';
import { catalogueMarkdown } from './markdown';

const rs = projectRules();
const md = catalogueMarkdown(rs, exercisedBy(rs));

describe('rule-set catalogue', () => {
  it('every internal link points at an anchor that exists, and no anchor is used twice', () => {
    const all = [...md.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]);
    const anchors = new Set(all);
    expect(all.filter((a, i) => all.indexOf(a) !== i)).toEqual([]);
    const links = [...md.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(500);
    expect(links.filter((l) => !anchors.has(l))).toEqual([]);
  });

  it('lists every question, indicator, tier rule and duty, and quotes every article', () => {
    for (const q of rs.questions) expect(md).toContain(`#### \`${q.id}\``);
    for (const id of rs.indicators.keys()) expect(md).toContain(`#### \`${id}\``);
    for (const t of Object.values(rs.tiers)) for (const r of t.rules) expect(md).toContain(`\`${r.id}\``);
    for (const d of rs.duties) expect(md).toContain(`#### \`${d.id}\``);
    for (const a of rs.articles.values()) expect(md).toContain(`> ${a.original.split('\n')[0]}`);
  });

  it('shows the Chinese original next to our translation, e.g. SH Art. 69', () => {
    const i = md.indexOf('### SH-69 ');
    const block = md.slice(i, i + 1500);
    expect(block).toContain('用人单位在使用人工智能技术辅助劳动纪律管理');
    expect(block).toContain('Where an employer');
  });

  it('takes a reader from a duty to its rule file, its article with the official text, and the cases that produce it', () => {
    const i = md.indexOf('#### `EU-9-risk-management`');
    const duty = md.slice(i, md.indexOf('<a id=', i + 10));
    expect(duty).toContain('**rule file:** `rules/duties/eu.yaml`');
    expect(duty).toContain('**exercised by:** [E1](#case-e1), [S03](#case-s03)');
    expect(duty).toContain('[EU-9](#art-eu-9)');
    const a = md.indexOf('<a id="art-eu-9"></a>');
    const article = md.slice(a, md.indexOf('<a id=', a + 10));
    expect(article).toContain('*Official text:* <https://eur-lex.europa.eu/legal-content/EN/TXT/HTML/?uri=CELEX:02024R1689-20260727#art_9>');
    expect(article).toContain('*Rule file:* `rules/sources/eu.yaml`');
    expect(article).toContain('[duty `EU-9-risk-management`](#duty-eu-9-risk-management)');
    expect(article).toMatch(/\*Exercised by:\* .*\[E1\]\(#case-e1\)/);
    expect(md).toMatch(/<a id="case-e1"><\/a>`E1` \| `rules\/examples\/E1-[a-z-]+\.json`/);
  });

  it('links annexes and recitals to their own anchors in the official text', () => {
    expect(rs.articles.get('EU-ANNEX-III-4(a)')?.officialUrl).toMatch(/#anx_III$/);
    expect(rs.articles.get('EU-RECITAL-44')?.officialUrl).toMatch(/#rct_44$/);
    expect(rs.articles.get('EU-5(1)(f)')?.officialUrl).toMatch(/#art_5$/);
    expect(rs.articles.get('EU-4a')?.officialUrl).toMatch(/#art_4a$/);
  });
});

