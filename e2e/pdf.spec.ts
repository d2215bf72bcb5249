/**
 * "Download PDF" in Chromium: the download is a valid checklist whose text and page images are the
 * same as the command line's PDF for the same assessment (the browser and Node share the report
 * module; only the font is fetched instead of read). Page images: test-results/pdf/e2e-*.png.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Lang } from '../src/engine';
import { type AssessmentRecord } from '../src/assessment/record';
import { exportFile } from '../src/file-format/summarize';
import { blankText, pdfInfo, readPdf, renderPages, squash } from '../src/testing/pdf-check';
import { example, rs } from './support';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = resolve(ROOT, 'test-results/pdf');
const report = (lang: Lang) => JSON.parse(readFileSync(resolve(ROOT, `src/i18n/locales/${lang}/pdf.json`), 'utf8'));

function record(id: string): AssessmentRecord {
  const { answers, assessment } = example(id);
  const [first, second] = assessment.duties;
  const now = new Date().toISOString();
  return {
    id: `e2e-pdf-${id}`,
    assessor: 'Li Wei 李伟',
    answers,
    step: 'result',
    duties: {
      ...(first ? { [first.id]: { status: 'done' as const, note: 'Reviewed by counsel 🚀 — 已由律师审核' } } : {}),
      ...(second ? { [second.id]: { status: 'not_applicable' as const, note: 'Not offered in the EU' } } : {}),
    },
    createdAt: now,
    updatedAt: now,
  };
}

async function openResult(page: Page, rec: AssessmentRecord, lang: Lang) {
  await page.goto('/');
  await expect(page.getByTestId('start')).toBeVisible();
  if (lang === 'zh-CN') await page.getByRole('button', { name: '简体中文' }).click();
  await page.getByTestId('import-input').setInputFiles({
    name: 'assessment.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(exportFile(rs, rec))),
  });
  await expect(page.getByTestId('result')).toBeVisible();
}

async function downloadPdf(page: Page): Promise<{ bytes: Uint8Array; name: string }> {
  const download = page.waitForEvent('download');
  await page.getByTestId('download-pdf').click();
  const d = await download;
  return { bytes: new Uint8Array(readFileSync((await d.path())!)), name: d.suggestedFilename() };
}

/** The command line's PDF of the same assessment file, on the same date. */
function cliPdf(rec: AssessmentRecord, lang: Lang, date: string): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'e2e-cli-pdf-'));
  const file = join(dir, 'assessment.json');
  writeFileSync(file, JSON.stringify(exportFile(rs, rec)));
  execFileSync('npx', ['tsx', 'src/cli/main.ts', 'classify', file, '--format', 'pdf', '--out', dir, '--lang', lang, '--date', date], { cwd: ROOT, stdio: 'pipe' });
  return new Uint8Array(readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.pdf'))!)));
}

for (const [id, lang] of [
  ['E1', 'en'],
  ['E6', 'zh-CN'],
] as const) {
  test(`${id} in ${lang}: Download PDF gives the command line's document, rendered with every glyph`, async ({ page }) => {
    const rec = record(id);
    await openResult(page, rec, lang);
    const date = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
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
    const cliBytes = cliPdf(rec, lang, date);
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
