/**
 * The PDF's font, read from the npm package that ships it (Node only; the browser fetches the same
 * file, see src/pdf/browser-assets.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PdfAssets } from '../pdf/render';

const require = createRequire(import.meta.url);

export const PDF_FONT_FILE = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';

let loaded: PdfAssets | undefined;

/** Reads the font once per process. */
export function loadPdfAssets(): PdfAssets {
  loaded ??= { font: readFileSync(require.resolve(PDF_FONT_FILE)) };
  return loaded;
}
