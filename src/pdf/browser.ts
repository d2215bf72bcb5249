/**
 * The checklist PDF in the browser: this chunk (PDFKit, fontkit) loads only when the user asks for a
 * PDF, while the fonts are fetched alongside it (browser-assets.ts).
 */
import { registerStdFonts } from 'pdfkit';
import Helvetica from 'pdfkit/standard-fonts/Helvetica';
import type { ChecklistInput } from '../document/checklist';
import { checklistPdf } from './checklist-pdf';
import type { PdfAssets } from './render';

export { checklistFileName } from '../document/checklist';

// A new PDFKit document starts in Helvetica before our fonts are chosen. PDFKit's Node build carries
// the standard fonts' metrics; its browser build needs them registered (1 KB, no font file).
registerStdFonts(Helvetica);

/** The fonts come from `loadBrowserPdfAssets` (browser-assets.ts), started by the caller with this chunk. */
export function makeChecklistPdf(input: Omit<ChecklistInput, 'generator'>, assets: PdfAssets): Promise<Uint8Array> {
  return checklistPdf(input, assets);
}
