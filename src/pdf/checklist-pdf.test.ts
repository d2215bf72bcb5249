/**
 * The checklist PDF for every worked example, in both languages, as a reader meets it: the text pdf.js
 * extracts (tiers, duty titles, article ids, the Chinese statute text, statuses and notes), every page
 * rendered by poppler with ink under every line of text, nothing past the margin, fonts embedded as
 * subsets. The page images are kept in test-results/pdf/ to look at.
 */
import { formatDate } from '../lib/dates';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REGIMES, type Lang } from '../engine';
import { loadPdfAssets } from '../node/pdf-assets';
import { projectRules } from '../testing/fixtures';
import { exampleReport } from '../testing/report-fixtures';
import { blankText, overflowingText, pdfFonts, pdfInfo, readPdf, renderPages, squash } from '../testing/pdf-check';
import type { DutyStatus } from '../assessment/record';
import { checklistPdf, GENERATOR } from './checklist-pdf';
import { latinQuotes } from './render';
import { sharedFont } from './shared-font';
import { checklistDocument } from '../document/checklist';
import { documentInput } from '../report/pipeline';

const rs = projectRules();
const OUT = resolve(import.meta.dirname, '../../../test-results/pdf');

function inputFor(id: string, lang: Lang) {
  const { answers, report, t } = exampleReport(id, lang);
  // A status and a note on the first duties, as a user would set them.
  const [a, b, c] = report.duties;
  const duties: Record<string, DutyStatus> = {};
  if (a) duties[a.id] = { status: 'done', note: `Signed off by Legal ${id}` };
  if (b) duties[b.id] = { status: 'in_progress' };
  if (c) duties[c.id] = { status: 'not_applicable', note: '不适用：产品未在上海提供' };
  // As the app and the command line make it: with the reassessment triggers.
  return documentInput(rs, { answers, duties, assessor: 'Wang Fang 王芳' }, report, t);
}

describe.each(['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9'])('checklist PDF of %s', (id) => {
  it.each(['en', 'zh-CN'] as const)('in %s: tiers, duties, articles and statute text are there and every line has ink', async (lang) => {
    const input = inputFor(id, lang);
    const { report: r, t } = input;
    const bytes = await checklistPdf(input, loadPdfAssets());
    expect(bytes.length).toBeLessThan(1_000_000);
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');

    const pdf = await readPdf(bytes);
    const has = (s: string) => expect(pdf.squashed.includes(squash(s)), `missing from the PDF: ${s.slice(0, 100)}`).toBe(true);
    expect(pdf.info.Creator).toBe(GENERATOR);
    expect(pdf.info.Author).toBe('Wang Fang 王芳');
    has('Wang Fang 王芳');
    has(t('pdf:title'));
    has(r.overallLabel);
    for (const g of REGIMES) {
      has(t('pdf:tiers.heading'));
      has(r.regimes[g].tierLabel);
      for (const reason of r.regimes[g].reasons) reason.articles.forEach(has);
    }
    for (const d of [...r.duties, ...r.notices]) {
      has(d.title);
      has(d.article);
      has(d.plain);
      has(d.do);
    }
    // The plan: every step's heading, and each of its duties in the plan's table.
    has(t('pdf:plan.heading'));
    // The sign-off page: the three rows, the document id, the rule set's version and SHA-256.
    const doc = checklistDocument({ ...input, generator: GENERATOR });
    for (const k of ['prepared', 'reviewed', 'approved']) has(t(`pdf:signoff.row.${k}`));
    has(t('pdf:signoff.heading'));
    has(doc.identity.documentId);
    expect(doc.identity.ruleSetDigest).toMatch(/^[0-9a-f]{64}$/);
    has(doc.identity.ruleSetDigest);
    // Statute text: the articles behind the tiers and the duties that apply (Chinese articles in Chinese, whatever
    // the document's language); screened-out rules' articles only in the full edition.
    const cited = new Set([
      ...[...r.duties, ...r.notices].flatMap((d) => d.articles),
      ...REGIMES.flatMap((g) => r.regimes[g].reasons.flatMap((x) => [...x.articles, ...(x.context ?? [])])),
      ...r.conflicts.flatMap((c) => c.articles),
    ]);
    for (const a of cited) {
      const art = rs.articles.get(a)!;
      has(art.original);
      if (art.translation) has(art.translation);
    }
    expect([...cited].some((a) => rs.articles.get(a)!.regime !== 'EU')).toBe(true);
    const screenedOnly = REGIMES.flatMap((g) => r.regimes[g].ruledOut.flatMap((x) => x.articles)).filter((a) => !cited.has(a));
    for (const a of screenedOnly) expect(pdf.squashed.includes(squash(rs.articles.get(a)!.original)), `screened-out ${a} printed`).toBe(false);
    // Answers by their question text, never by an internal id.
    expect(pdf.squashed).not.toMatch(/question(ai_techniques|eu_nexus|cn_locations)/);
    if (r.duties[0]) {
      has(t('pdf:checklist.status', { status: t('result:status.done') }));
      has(`Signed off by Legal ${id}`);
    }
    has(r.disclaimer);
    // Bookmarks: the chapters, and under the checklist one entry per regime with duties.
    expect(pdf.outline.map((o) => o.title)).toEqual(['summary', 'plan', 'tiers', 'checklist', 'signoff', 'answers', 'sources'].map((k) => t(`pdf:${k}.heading`)));
    // Operative duties are grouped by regime; anticipated items are printed apart after them.
    const operative = r.duties.filter((d) => d.kind !== 'anticipated');
    const groups = (['SH', 'SZ', 'EU', 'GPAI', 'CN'] as const).filter((g) => operative.some((d) => d.regime === g));
    expect(pdf.outline[3]!.items.slice(0, groups.length)).toEqual(groups.map((g) => t('pdf:checklist.group', { regime: t(`result:regime.${g}`), count: operative.filter((d) => d.regime === g).length })));
    const anticipated = r.duties.filter((d) => d.kind === 'anticipated').length;
    if (anticipated) expect(pdf.outline[3]!.items[groups.length]).toBe(t('result:page.anticipated', { count: anticipated }));
    // Page numbers and the running header on every page (not on the cover's header).
    const pages = pdf.pages.length;
    // The minimal example fits in a few pages (issue 17: at most 8).
    if (id === 'E4') expect(pages).toBeLessThanOrEqual(8);
    pdf.furniture.forEach((lines, i) => {
      expect(lines).toContain(t('pdf:page', { page: i + 1, pages }));
      if (i > 0) expect(lines.join(' ')).toContain(formatDate(r.assessedOn, r.language));
    });

    const rendered = renderPages(bytes, OUT, `${id}-${lang}`);
    expect(rendered).toHaveLength(pages);
    expect(blankText(pdf, rendered)).toEqual([]);
    expect(overflowingText(pdf)).toEqual([]);
    // Tagged and archival: a structure tree in reading order (headings, lists, tables, the status boxes as
    // figures with their status as alternative text), the language, PDF/A-2b metadata.
    const info = pdfInfo(bytes);
    expect(info.fields.Tagged).toBe('yes');
    expect(info.meta).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(info.meta).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
    // One Document element holds the tree (poppler warns of anything else at the root).
    expect(info.structWarnings).toEqual([]);
    expect(info.struct.split('\n').filter((l) => l && !/^\s/.test(l))).toEqual(['Document']);
    const roles = info.struct.split('\n').map((l) => l.trim().split(' ')[0]);
    expect(roles.filter((x) => x === 'H1').length).toBeGreaterThanOrEqual(6);
    for (const role of ['H2', 'P', 'L', 'LI', 'Table', 'TR', 'TD']) expect(roles, role).toContain(role);
    if (r.duties.some((d) => d.kind !== 'anticipated')) expect(roles).toContain('Figure');
    // No heading left alone at the bottom of a page: the last line of text on every page but the last is
    // body text, not a heading (10.5 pt and up).
    pdf.pages.slice(0, -1).forEach((items, i) => {
      const body = items.filter((x) => x.y >= 45 && x.y <= 842 - 50 && x.str.trim());
      const lowest = body.reduce((a, b) => (b.y < a.y ? b : a), body[0]!);
      expect(lowest.fontSize, `page ${i + 1} ends with "${lowest.str}"`).toBeLessThan(10.5);
    });
    const fonts = pdfFonts(bytes);
    expect(fonts.length).toBe(1);
    for (const f of fonts) expect(f).toMatch(/^[A-Z]{6}\+NotoSansSC-\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/);
  });
});

describe('checklist PDF', () => {
  it('sets curly quotes in English text proportionally, and leaves them full-width in Chinese text', async () => {
    expect(latinQuotes('(1) ‘AI system’ means')).toBe(true);
    expect(latinQuotes('“人工智能”是指')).toBe(false);
    expect(latinQuotes('no quotes at all')).toBe(false);
    const font = sharedFont(loadPdfAssets().font);
    const pdf = await readPdf(await checklistPdf(inputFor('E4', 'en'), loadPdfAssets()));
    const line = pdf.pages.flat().find((i) => i.str.startsWith('(1) ‘AI system’ means'))!;
    expect(line).toBeDefined();
    // Drawn narrower than measured with the full-width quotes by about 1.44 em (each quote 1 em → 0.28 em; kerning narrows a little more).
    const fullWidth = font.width(line.fontSize, line.str);
    expect(fullWidth - line.width).toBeGreaterThan(1.2 * line.fontSize);
    expect(fullWidth - line.width).toBeLessThan(2 * line.fontSize);
  });

  it('is the same file for the same input (no clock, no random ids)', async () => {
    const one = await checklistPdf(inputFor('E5', 'zh-CN'), loadPdfAssets());
    const two = await checklistPdf(inputFor('E5', 'zh-CN'), loadPdfAssets());
    expect(Buffer.from(one).equals(Buffer.from(two))).toBe(true);
  });
});
