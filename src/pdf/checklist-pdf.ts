/**
 * The one entry point for a checklist PDF, used by the result page and by `cli classify --format pdf`:
 * content from `checklist.ts`, layout and fonts from `render.ts`. The caller brings the fonts (fetched
 * in the browser, read from disk in Node); everything else is the same code.
 */
import { type ChecklistInput, checklistDocument } from '../document/checklist';
import { GENERATOR } from '../document/generator';
import { type PdfAssets, renderPdf } from './render';

export { GENERATOR };

export function checklistPdf(input: Omit<ChecklistInput, 'generator'>, assets: PdfAssets): Promise<Uint8Array> {
  return renderPdf(checklistDocument({ ...input, generator: GENERATOR }), assets);
}

export { checklistFileName } from '../document/checklist';
