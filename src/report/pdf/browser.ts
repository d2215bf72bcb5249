/**
 * The checklist PDF in the browser: loaded (with pdf-lib, fontkit, HarfBuzz and the fonts) only when
 * the user asks for a PDF.
 */
import { loadBrowserPdfAssets } from './browser-assets';
import type { ChecklistInput } from './checklist';
import { checklistPdf } from './checklist-pdf';

export { checklistFileName } from './checklist';

export async function makeChecklistPdf(input: Omit<ChecklistInput, 'generator'>): Promise<Uint8Array> {
  return checklistPdf(input, await loadBrowserPdfAssets());
}
