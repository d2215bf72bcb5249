/**
 * The PDF font as the browser has it (src/pdf/fonts.ts): the common part made in this process as the
 * build makes it (src/node/pdf-font-parts.ts), the full font read from disk when asked for, counted.
 * For tests and measurements; the command line reads the full font (src/node/pdf-assets.ts).
 */
import { loadPdfAssets } from '../node/pdf-assets';
import { type FontParts, makeFontParts } from '../node/pdf-font-parts';
import { CodePointSet } from '../pdf/coverage';
import type { PdfFonts } from '../pdf/fonts';

let parts: Promise<FontParts> | undefined;

export const fontParts = (): Promise<FontParts> => (parts ??= makeFontParts(loadPdfAssets().font));

/** The two parts, with a count of the times the full font was asked for. */
export async function browserFonts(): Promise<PdfFonts & { fullLoads: () => number }> {
  const { common, fullCoverage } = await fontParts();
  let loads = 0;
  return {
    common,
    full: () => {
      loads++;
      return Promise.resolve(loadPdfAssets().font);
    },
    fullCoverage: new CodePointSet(fullCoverage),
    fullLoads: () => loads,
  };
}
