/**
 * "Download PDF" in Chromium: the download is a valid checklist whose text and page images are the
 * same as the command line's PDF for the same assessment (the browser and Node share the report
 * module; only the font is fetched instead of read). Page images: test-results/pdf/e2e-*.png.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Lang } from '../src/engine';
import { formatDate } from '../src/lib/dates';
import { exportFile } from '../src/file-format/summarize';
import { blankText, pdfInfo, readPdf, renderPages, squash } from '../src/testing/pdf-check';
import { cliDocument, download, openResult, pageToday, resultRecord, rs, storedAssessments } from './support';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = resolve(ROOT, 'test-results/pdf');
const report = (lang: Lang) => JSON.parse(readFileSync(resolve(ROOT, `src/i18n/locales/${lang}/pdf.json`), 'utf8'));

const record = (id: string) => resultRecord(id, 'pdf', { done: 'Reviewed by counsel 🚀 — 已由律师审核', second: { status: 'not_applicable', note: 'Not offered in the EU' } });
const downloadPdf = (page: Page) => download(page, 'download-pdf');

for (const [id, lang] of [
  ['E1', 'en'],
  ['E6', 'zh-CN'],
] as const) {
  test(`${id} in ${lang}: Download PDF gives the command line's document, rendered with every glyph`, async ({ page }) => {
    const rec = record(id);
    await openResult(page, rec, lang);
    const date = await pageToday(page);
    const { bytes, name } = await downloadPdf(page);
    expect(name).toMatch(/^ai-risk-checklist-.+\.pdf$/);
    await expect(page.getByTestId('pdf-status')).toContainText(name);

    const texts = report(lang);
    const browser = await readPdf(bytes);
    expect(browser.squashed).toContain(squash(texts.title));
    expect(browser.squashed).toContain(squash('Li Wei 李伟'));
    expect(browser.squashed).toContain(squash('Reviewed by counsel □ — 已由律师审核'));
    expect(browser.squashed).toContain(squash(texts.fallback.replace('{{char}}', '□')));
    const shown = await page.getByTestId('overall-level').textContent();
    expect(browser.squashed).toContain(squash(shown!));
    // A document to file and sign: the plan, the sign-off page and the rules' fingerprint; tagged and PDF/A.
    const pdfTexts = JSON.parse(readFileSync(resolve(ROOT, `src/i18n/locales/${lang}/pdf.json`), 'utf8')) as { plan: { heading: string }; signoff: { heading: string; row: Record<string, string> } };
    for (const s of [pdfTexts.plan.heading, pdfTexts.signoff.heading, ...Object.values(pdfTexts.signoff.row)]) expect(browser.squashed).toContain(squash(s));
    expect(browser.squashed).toMatch(/[0-9a-f]{64}/);
    const info = pdfInfo(bytes);
    expect(info.fields.Tagged).toBe('yes');
    expect(info.meta).toContain('<pdfaid:part>2</pdfaid:part>');

    // The same document as the command line's for the same assessment file and date.
    const cliBytes = cliDocument(rec, lang, date, 'pdf');
    const cli = await readPdf(cliBytes);
    expect(browser.pages.length).toBe(cli.pages.length);
    expect(browser.pages.map((p) => p.map((i) => i.str).join('\n'))).toEqual(cli.pages.map((p) => p.map((i) => i.str).join('\n')));
    const images = renderPages(bytes, OUT, `e2e-${id}-${lang}`);
    const nodeImages = renderPages(cliBytes, OUT, `e2e-${id}-${lang}-cli`);
    images.forEach((img, i) => expect(Buffer.from(img.grey).equals(Buffer.from(nodeImages[i]!.grey)), `page ${i + 1} renders differently`).toBe(true));
    expect(blankText(browser, images)).toEqual([]);
  });
}

const COMMON = /\/assets\/NotoSansSC-common-[\w-]+\.ttf$/;
const FULL = /\/assets\/NotoSansSC_400Regular-[\w-]+\.ttf$/;
const PDF_CODE = /pdfkit|\/browser-(?!assets)[\w-]+\.js$/;

test('the font: none before the result, its common part once the result is idle, the full font never for an ordinary example', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  // Intro and first question: no font, no PDF code.
  await page.goto('/');
  await page.getByTestId('start').click();
  await expect(page.locator('[data-question]').first()).toBeVisible();
  expect(requested.filter((p) => p.endsWith('.ttf') || PDF_CODE.test(p))).toEqual([]);
  // The result page: the common part comes while the page is idle, before any click; the PDF code does not.
  await page.getByTestId('import-input').setInputFiles({ name: 'e4.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exportFile(rs, record('E4')))) });
  await expect(page.getByTestId('result')).toBeVisible();
  await expect.poll(() => requested.filter((p) => COMMON.test(p)).length, { timeout: 15_000 }).toBe(1);
  expect(requested.filter((p) => FULL.test(p) || PDF_CODE.test(p))).toEqual([]);
  // The click fetches the PDF code; the font is the common part already here.
  const before = requested.length;
  const { bytes } = await downloadPdf(page);
  expect(requested.slice(before).some((p) => PDF_CODE.test(p))).toBe(true);
  expect(requested.filter((p) => p.endsWith('.ttf'))).toEqual([requested.find((p) => COMMON.test(p))]);
  expect((await readPdf(bytes)).squashed).toContain(squash(report('en').title));
});

test("a fresh page's first click fetches the common part, not the full font", async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await openResult(page, record('E6'), 'zh-CN');
  await downloadPdf(page); // at once: the idle prefetch may not have started
  expect(requested.filter((p) => COMMON.test(p))).toHaveLength(1);
  expect(requested.filter((p) => FULL.test(p))).toEqual([]);
});

test('a company name with a rare character: the full font is fetched and the character drawn', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  const rec = record('E2');
  rec.answers = { ...rec.answers, company_name: '鬱金香银行' };
  await openResult(page, rec, 'zh-CN');
  const { bytes } = await downloadPdf(page);
  expect(requested.filter((p) => FULL.test(p))).toHaveLength(1);
  const pdf = await readPdf(bytes);
  expect(pdf.squashed).toContain('鬱金香银行');
  // The only stand-in is the note's rocket (not in the font at all).
  expect(pdf.squashed).toContain(squash('Reviewed by counsel □ — 已由律师审核'));
  expect(pdf.squashed.match(/□/g)?.length).toBe(2); // the note and the fallback notice's own "□"
  const images = renderPages(bytes, OUT, 'e2e-rare-char');
  expect(blankText({ ...pdf, pages: pdf.pages.slice(0, 1) }, images.slice(0, 1))).toEqual([]);
});

test('a document after a change names the one it replaces, after a reload too; a reprint reads the same; the full edition adds what was screened out', async ({ page }) => {
  const rec = { ...record('E4'), duties: {} };
  await openResult(page, rec, 'en');
  const today = await pageToday(page);
  const texts = report('en') as { field: { firstIssue: string } };
  const status = page.getByTestId('pdf-status');
  const idIn = async () => /AIRA-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec((await status.textContent()) ?? '')?.[0];

  // The first document: its id said on screen and printed, as a first issue.
  const first = await readPdf((await downloadPdf(page)).bytes);
  await expect(status).toContainText(/: document AIRA-/);
  const firstId = (await idIn())!;
  expect(first.squashed).toContain(squash(firstId));
  expect(first.squashed).toContain(squash(texts.field.firstIssue));

  // A duty's status changes, the page is reloaded: the next document is another one, and says which it replaces.
  await page.getByTestId('duty-EU-4-literacy').locator('select').selectOption('in_progress');
  await expect.poll(async () => (await storedAssessments(page)).some((e) => JSON.stringify(e.assessment).includes('"in_progress"'))).toBe(true);
  await page.reload();
  await expect(page.getByTestId('result')).toBeVisible();
  const second = await readPdf((await downloadPdf(page)).bytes);
  const secondId = (await idIn())!;
  expect(secondId).not.toBe(firstId);
  await expect(status).toContainText(`replacing document ${firstId} of ${formatDate(today, 'en')}`);
  expect(second.squashed).toContain(squash(`Replaces document ${firstId} of ${formatDate(today, 'en')}`));
  expect(second.squashed).not.toContain(squash(texts.field.firstIssue));

  // Printed again, unchanged: the same document, word for word.
  const again = await readPdf((await downloadPdf(page)).bytes);
  expect(again.pages.map((p) => p.map((i) => i.str).join('\n'))).toEqual(second.pages.map((p) => p.map((i) => i.str).join('\n')));

  // The full edition: the same document id, and the screened-out rules listed instead of counted.
  const listed = squash((JSON.parse(readFileSync(resolve(ROOT, 'src/i18n/locales/en/result.json'), 'utf8')).page.ruledOut as string).split('{{')[0]!);
  const counted = squash('(listed in the full edition)');
  expect(second.squashed).toContain(counted);
  expect(second.squashed).not.toContain(listed);
  await page.getByTestId('edition-full').check();
  const fullFile = await downloadPdf(page);
  expect(fullFile.name).toMatch(/-full\.pdf$/);
  const full = await readPdf(fullFile.bytes);
  expect(await idIn()).toBe(secondId);
  expect(full.pages.length).toBeGreaterThan(second.pages.length);
  expect(full.squashed).toContain(listed);
  expect(full.squashed).not.toContain(counted);

  // Kept with the assessment: the exported file holds the document last issued and the one it replaced.
  const exported = JSON.parse(new TextDecoder().decode((await download(page, 'export-json')).bytes));
  expect(exported.assessment.issued).toEqual({ documentId: secondId, date: today, replaces: { documentId: firstId, date: today } });
});
