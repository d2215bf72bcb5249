/**
 * The PDF's fonts, read from the npm package that ships them (Node only; the browser fetches the same
 * files, see src/report/pdf/browser-assets.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PdfAssets } from '../report/pdf/render';

const require = createRequire(import.meta.url);

export const PDF_FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

let loaded: PdfAssets | undefined;

/** Reads the fonts once per process. */
export function loadPdfAssets(): PdfAssets {
  loaded ??= {
    regular: readFileSync(require.resolve(PDF_FONT_FILES.regular)),
    bold: readFileSync(require.resolve(PDF_FONT_FILES.bold)),
  };
  return loaded;
}
