/**
 * The checklist PDF in the browser: this chunk (PDFKit, fontkit) loads only when the user asks for a
 * PDF, while the font's common part is fetched alongside it (browser-assets.ts); the full font's
 * character map comes with this chunk, so a document fetches the full font only when it needs it
 * (fonts.ts).
 */
import { registerStdFonts } from 'pdfkit';
import Helvetica from 'pdfkit/standard-fonts/Helvetica';
import { fullCoverage } from 'virtual:pdf-font/coverage';
import type { ChecklistInput } from '../document/checklist';
import type { BrowserFonts } from './browser-assets';
import { checklistPdf } from './checklist-pdf';
import { CodePointSet } from './coverage';

export { checklistFileName } from '../document/checklist';

// A new PDFKit document starts in Helvetica before our fonts are chosen. PDFKit's Node build carries
// the standard fonts' metrics; its browser build needs them registered (1 KB, no font file).
registerStdFonts(Helvetica);

let coverage: CodePointSet | undefined;

/** The fonts come from `loadBrowserPdfAssets` (browser-assets.ts), started by the caller with this chunk. */
export function makeChecklistPdf(input: Omit<ChecklistInput, 'generator'>, fonts: BrowserFonts): Promise<Uint8Array> {
  return checklistPdf(input, { ...fonts, fullCoverage: (coverage ??= new CodePointSet(fullCoverage)) });
}
