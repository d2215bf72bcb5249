/**
 * The font chosen per document (fonts.ts), as the browser chooses it: a document made of the rule
 * texts and the app's strings is drawn with the common part alone and reads exactly as with the full
 * font (every worked example, both languages); a rare character the full font has fetches it and is
 * drawn; a character neither has fetches nothing and is drawn with the stand-in, as with the full font.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, PrintedDocument } from '../document/blocks';
import { checklistDocument } from '../document/checklist';
import type { Lang } from '../engine';
import { loadPdfAssets } from '../node/pdf-assets';
import type { DutyStatus } from '../assessment/record';
import { browserFonts } from '../testing/font-parts';
import { blankText, readPdf, renderPages, squash, type PdfText } from '../testing/pdf-check';
import { exampleReport } from '../testing/report-fixtures';
import { checklistPdf, GENERATOR } from './checklist-pdf';
import { drawnTexts, missingFromCommon } from './fonts';
import { sharedFont } from './shared-font';

const OUT = resolve(import.meta.dirname, '../../../test-results/pdf');
const EXAMPLES = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9'];

function inputFor(id: string, lang: Lang, subject: { company?: string; product?: string } = {}) {
  const { rs, answers, report, t } = exampleReport(id, lang);
  Object.assign(report.subject, subject);
  const [a, b] = report.duties;
  const duties: Record<string, DutyStatus> = {};
  if (a) duties[a.id] = { status: 'done', note: `Signed off by Legal ${id} — 法务已审核` };
  if (b) duties[b.id] = { status: 'in_progress' };
  return { rs, report, answers, duties, assessor: 'Wang Fang 王芳', t };
}

/** The text items of every page, where they are: what a reader extracts and where it is drawn. */
const items = (pdf: PdfText) => pdf.pages.map((p) => p.map((i) => `${i.str} @${i.x.toFixed(2)},${i.y.toFixed(2)} w${i.width.toFixed(2)}`));

describe.each(EXAMPLES)('%s, drawn with the common part', (id) => {
  it.each(['en', 'zh-CN'] as const)('in %s: needs nothing from the full font and reads as with it', async (lang) => {
    const fonts = await browserFonts();
    const input = inputFor(id, lang);
    const doc = checklistDocument({ ...input, generator: GENERATOR });
    expect(missingFromCommon(doc, sharedFont(fonts.common), fonts.fullCoverage)).toEqual([]);
    const common = await readPdf(await checklistPdf(input, fonts));
    expect(fonts.fullLoads()).toBe(0);
    const full = await readPdf(await checklistPdf(input, loadPdfAssets()));
    expect(common.pages.length).toBe(full.pages.length);
    expect(items(common)).toEqual(items(full));
    expect(common.outline).toEqual(full.outline);
  });
});

describe('a character outside the common part', () => {
  it('that the full font has: the full font is fetched and the character drawn (not a stand-in)', async () => {
    const fonts = await browserFonts();
    const input = inputFor('E2', 'zh-CN', { company: '鬱金香银行', product: '龘客服' });
    const bytes = await checklistPdf(input, fonts);
    expect(fonts.fullLoads()).toBe(1);
    const pdf = await readPdf(bytes);
    expect(pdf.squashed).toContain(squash('鬱金香银行'));
    expect(pdf.squashed).toContain(squash('龘客服'));
    expect(pdf.squashed).not.toContain('□');
    expect(pdf.squashed).not.toContain(squash(input.t('pdf:fallback', { char: '□' })));
    expect(items(pdf)).toEqual(items(await readPdf(await checklistPdf(input, loadPdfAssets()))));
    // Ink under every line of the cover, where the company and product are.
    const cover = renderPages(bytes, OUT, 'fonts-rare').slice(0, 1);
    expect(blankText({ ...pdf, pages: pdf.pages.slice(0, 1) }, cover)).toEqual([]);
  });

  it('that neither part has (Hangul, 𠀋, emoji): nothing fetched, the stand-in drawn as with the full font', async () => {
    const fonts = await browserFonts();
    const input = inputFor('E4', 'en', { company: '한국 Shop 𠀋', product: 'Recommender 🙂' });
    const pdf = await readPdf(await checklistPdf(input, fonts));
    expect(fonts.fullLoads()).toBe(0);
    expect(pdf.squashed).toContain(squash('□□ Shop □'));
    expect(pdf.squashed).toContain(squash(input.t('pdf:fallback', { char: '□' })));
    expect(items(pdf)).toEqual(items(await readPdf(await checklistPdf(input, loadPdfAssets()))));
  });

  it('is found wherever the renderer draws text', async () => {
    const fonts = await browserFonts();
    const common = sharedFont(fonts.common);
    const base: PrintedDocument = {
      lang: 'en',
      identity: { documentId: 'x', ruleSetVersion: '1', ruleSetDigest: 'd' },
      meta: { title: '鬱', subject: '鬱', keywords: ['鬱'], creator: 'c', date: '2026-01-01' },
      header: 'header',
      footer: 'footer',
      pageLabel: (p, n) => `Page ${p} of ${n}`,
      fallbackNote: 'note',
      blocks: [],
    };
    const plain = { ...base, meta: { ...base.meta, title: 't', subject: 's', keywords: [] } };
    expect(missingFromCommon(plain, common, fonts.fullCoverage)).toEqual([]);
    const rare = 0x9b31; // 鬱
    const places: [string, Partial<PrintedDocument>][] = [
      ['metadata (not drawn, but counted: it repeats drawn text)', { meta: base.meta }],
      ['header', { header: 'a 鬱' }],
      ['footer', { footer: '鬱' }],
      ['fallback note', { fallbackNote: '鬱' }],
      ['page label', { pageLabel: (p, n) => `第 ${p} 鬱 ${n}` }],
      ...(
        [
          { type: 'text', text: '鬱', style: 'body' },
          { type: 'field', label: '鬱', value: '' },
          { type: 'field', label: 'x', value: '鬱' },
          { type: 'badge', text: '鬱', tone: 'high' },
          { type: 'badge', text: 'x', label: '鬱', tone: 'high' },
          { type: 'item', mark: { kind: 'bullet' }, blocks: [{ type: 'text', text: 'x鬱', style: 'small' }] },
          { type: 'table', head: ['鬱'], rows: [] },
          { type: 'table', head: ['a', 'b'], rows: [['x', '鬱']] },
          { type: 'lines', count: 2, label: '鬱' },
        ] satisfies Block[]
      ).map((b): [string, Partial<PrintedDocument>] => [`${b.type} block`, { blocks: [{ type: 'rule' }, b] }]),
    ];
    for (const [where, change] of places) expect(missingFromCommon({ ...plain, ...change }, common, fonts.fullCoverage), where).toEqual([rare]);
    // A block type the renderer may draw one day: its strings are counted too.
    const later = { type: 'callout', title: '鬱' } as unknown as Block;
    expect(missingFromCommon({ ...plain, blocks: [later] }, common, fonts.fullCoverage)).toEqual([rare]);
    // A character needed only in its compatibility form is asked for in that form: "ﬁ" is in the
    // common part, a decomposed "é" is drawn composed.
    expect(missingFromCommon({ ...plain, header: 'ﬁ e\u0301' }, common, fonts.fullCoverage)).toEqual([]);
    expect(drawnTexts({ ...plain, blocks: [{ type: 'text', text: 'x鬱', style: 'body' }] })).toContain('x鬱');
  });
});
