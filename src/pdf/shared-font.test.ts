/**
 * The font and layouts shared across the PDFs of a process (shared-font.ts, text-memo.ts) change no
 * PDF: one made after others, which filled the caches, is the same file as one made with a freshly
 * parsed font, in either order; and a character that shares its glyph with another ("·" and "•")
 * extracts as the document has it, whatever an earlier document had.
 */
import { expect, it } from 'vitest';
import type { Lang } from '../engine';
import { loadPdfAssets } from '../node/pdf-assets';
import { exampleReport } from '../testing/report-fixtures';
import { readPdf } from '../testing/pdf-check';
import { checklistPdf } from './checklist-pdf';
import type { PdfAssets } from './render';

function input(id: string, lang: Lang, company: string, product: string) {
  const { rs, report, answers, t } = exampleReport(id, lang);
  report.subject.company = company;
  report.subject.product = product;
  return { rs, report, answers, duties: {}, t };
}

it('makes the same file with warm shared caches as with a freshly parsed font', async () => {
  const shared = loadPdfAssets();
  // Another bytes object: parsed again, with empty caches.
  const fresh = (): PdfAssets => ({ font: new Uint8Array(shared.font) });
  const a = input('E1', 'en', 'Bullet • Corp', 'no\u00a0break');
  const b = input('E5', 'zh-CN', 'Middle · Dot 有限公司', 'plain space');

  const a1 = await checklistPdf(a, shared);
  const b1 = await checklistPdf(b, shared);
  const a2 = await checklistPdf(a, shared);
  expect(Buffer.from(a2).equals(Buffer.from(a1))).toBe(true);
  expect(Buffer.from(b1).equals(Buffer.from(await checklistPdf(b, fresh())))).toBe(true);
  expect(Buffer.from(a1).equals(Buffer.from(await checklistPdf(a, fresh())))).toBe(true);

  // In the other order, with another fresh font: b first.
  const other = fresh();
  const b2 = await checklistPdf(b, other);
  const a3 = await checklistPdf(a, other);
  expect(Buffer.from(b2).equals(Buffer.from(b1))).toBe(true);
  expect(Buffer.from(a3).equals(Buffer.from(a1))).toBe(true);

  // "•" came first in a (its company, on the cover), so the glyph "•" and "·" share was first asked
  // for as "•": b, made after a, still extracts its "·" as "·".
  const textB = (await readPdf(b1)).pages.flat().map((i) => i.str).join('\n');
  expect(textB).toContain('Middle · Dot');
  expect(textB).not.toContain('•');
});
