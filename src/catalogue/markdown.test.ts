/** The catalogue: every internal link lands on an anchor, and every rule item is in it with its article text. */
import { describe, expect, it } from 'vitest';
import { projectRules } from '../testing/fixtures';
import { catalogueMarkdown } from './markdown';

const rs = projectRules();
const md = catalogueMarkdown(rs);

describe('rule-set catalogue', () => {
  it('every internal link points at an anchor that exists', () => {
    const anchors = new Set([...md.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]));
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
});
