/**
 * "Download Word (DOCX)" and "Download Markdown" in Chromium, on an imported example's result: each
 * gives a file named like the PDF, whose headings are the document's chapters in Word's heading styles
 * (or Markdown's #), with the assessor, the duty statuses and notes and the document id; and the same
 * document as the command line's for the same assessment file and date. Their code loads on the click.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Lang } from '../src/engine';
import { readDocx } from '../src/testing/docx-read';
import { cliDocument, download, openResult, pageToday, resultRecord } from './support';

const ROOT = resolve(import.meta.dirname, '..');
const locale = (lang: Lang, ns: string) => JSON.parse(readFileSync(resolve(ROOT, `src/i18n/locales/${lang}/${ns}.json`), 'utf8'));
const CHAPTERS = ['plan', 'tiers', 'checklist', 'signoff', 'answers', 'sources'] as const;

const record = (id: string) => resultRecord(id, 'export', { done: 'Reviewed by counsel — 已由律师审核 # not a heading', second: { status: 'in_progress' } });

for (const [id, lang] of [
  ['E1', 'en'],
  ['E6', 'zh-CN'],
] as const) {
  test(`${id} in ${lang}: Download Word and Download Markdown give the command line's documents`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    const rec = record(id);
    await openResult(page, rec, lang);
    expect(requested.filter((p) => /\/(docx|markdown)-[\w-]+\.js$/.test(p))).toEqual([]);
    const date = await pageToday(page);
    const pdf = locale(lang, 'pdf');
    const shown = (await page.getByTestId('overall-level').textContent())!;

    // Word.
    await expect(page.getByTestId('download-docx')).toHaveText(locale(lang, 'result').pdf.downloadDocx);
    const docxFile = await download(page, 'download-docx');
    expect(docxFile.name).toMatch(/^ai-risk-checklist-.+\.docx$/);
    await expect(page.getByTestId('pdf-status')).toContainText(docxFile.name);
    const docx = readDocx(docxFile.bytes);
    expect(docx.paragraphs[0]).toEqual(expect.objectContaining({ style: 'Title', text: pdf.title }));
    expect(docx.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(CHAPTERS.map((c) => pdf[c].heading));
    const texts = docx.paragraphs.map((p) => p.text);
    expect(texts.some((t) => t.includes('Li Wei 李伟'))).toBe(true);
    expect(texts.some((t) => t.includes('Reviewed by counsel — 已由律师审核 # not a heading'))).toBe(true);
    expect(texts.some((t) => t.includes(shown))).toBe(true);
    // The done duty behind ☑, the one in progress behind ◐ (and the legend's boxes, where there is one).
    expect(texts.filter((t) => t.startsWith('☑\t')).length).toBeGreaterThanOrEqual(1);
    expect(texts.filter((t) => t.startsWith('◐\t')).length).toBeGreaterThanOrEqual(1);
    expect(docx.footers.every((f) => /AIRA-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/.test(f))).toBe(true);
    const cliDocx = readDocx(cliDocument(rec, lang, date, 'docx'));
    expect(docx.paragraphs).toEqual(cliDocx.paragraphs);
    expect(docx.tables).toEqual(cliDocx.tables);
    expect(docx.footers).toEqual(cliDocx.footers);

    // Markdown.
    const mdFile = await download(page, 'download-md');
    expect(mdFile.name).toBe(docxFile.name.replace(/\.docx$/, '.md'));
    await expect(page.getByTestId('pdf-status')).toContainText(mdFile.name);
    const md = new TextDecoder().decode(mdFile.bytes);
    expect(md.split('\n').filter((l) => l.startsWith('# '))).toEqual([pdf.title, ...CHAPTERS.map((c) => pdf[c].heading)].map((h) => `# ${h}`));
    expect(md).toContain('Reviewed by counsel — 已由律师审核 \\# not a heading');
    expect(md).toContain('Li Wei 李伟');
    expect(md).toContain(`**${shown}**`);
    expect(md).toBe(new TextDecoder().decode(cliDocument(rec, lang, date, 'md')));

    expect(requested.filter((p) => /\/docx-[\w-]+\.js$/.test(p))).toHaveLength(1);
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(errors).toEqual([]);
  });
}
