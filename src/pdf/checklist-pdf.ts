/**
 * The one entry point for a checklist PDF, used by the result page and by `cli classify --format pdf`:
 * content from `checklist.ts`, layout and fonts from `render.ts`. The caller brings the font: one file
 * (Node reads the full font from disk), or the two parts the browser fetches (fonts.ts: the common
 * part, and the full font only for a document that needs it). Everything else is the same code.
 */
import { type ChecklistInput, checklistDocument } from '../document/checklist';
import { GENERATOR } from '../document/generator';
import { fontFor, type PdfFonts } from './fonts';
import { type PdfAssets, renderPdf } from './render';

export { GENERATOR };

export async function checklistPdf(input: Omit<ChecklistInput, 'generator'>, assets: PdfAssets | PdfFonts): Promise<Uint8Array> {
  const doc = checklistDocument({ ...input, generator: GENERATOR });
  return renderPdf(doc, 'font' in assets ? assets : await fontFor(doc, assets));
}

export { checklistFileName } from '../document/checklist';
