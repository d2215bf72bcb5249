/** The PDF checks can fail: text that renders blank, and text past the margin, are caught. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { expect, it } from 'vitest';
import { loadPdfAssets } from '../node/pdf-assets';
import { blankText, overflowingText, readPdf, renderPages } from './pdf-check';

/** A one-page PDF with one line of text, drawn in black or in white (extracts, but nothing shows). */
async function pdfWith(text: string, x: number, visible: boolean): Promise<Uint8Array> {
  const font = loadPdfAssets().font as unknown as string;
  const doc = new PDFDocument({ size: 'A4', margin: 0, font });
  const chunks: Uint8Array[] = [];
  doc.on('data', (c: Uint8Array) => chunks.push(c));
  const done = new Promise((r) => doc.on('end', r));
  doc.fontSize(10).fillColor(visible ? '#000000' : '#ffffff').text(text, x, 100, { lineBreak: false });
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

const dir = mkdtempSync(join(tmpdir(), 'pdf-check-'));

it('finds no problem in a line drawn normally', async () => {
  const bytes = await pdfWith('高风险人工智能产品 High-risk AI 65', 60, true);
  const pdf = await readPdf(bytes);
  expect(pdf.squashed).toContain('高风险人工智能产品High-riskAI65');
  expect(blankText(pdf, renderPages(bytes, dir, 'visible'))).toEqual([]);
  expect(overflowingText(pdf)).toEqual([]);
});

it('reports a line whose text extracts but renders blank', async () => {
  const bytes = await pdfWith('高风险人工智能产品 High-risk AI 65', 60, false);
  const pdf = await readPdf(bytes);
  expect(pdf.squashed).toContain('高风险人工智能产品High-riskAI65');
  expect(blankText(pdf, renderPages(bytes, dir, 'invisible'))).toEqual([expect.stringContaining('0 dark pixels')]);
});

it('reports text past the right margin', async () => {
  const pdf = await readPdf(await pdfWith('a line that starts too far to the right', 450, true));
  expect(overflowingText(pdf)).toEqual([expect.stringContaining('a line that starts')]);
});
