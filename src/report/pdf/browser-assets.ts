/**
 * The PDF's fonts in the browser: fetched from this site (Vite copies them from their npm package into
 * the build) the first time a PDF is asked for, then kept for the session. Node reads the same files in
 * src/node/pdf-assets.ts.
 */
import regularUrl from '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf?url';
import boldUrl from '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf?url';
import type { PdfAssets } from './render';

async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

let loading: Promise<PdfAssets> | undefined;

export function loadBrowserPdfAssets(): Promise<PdfAssets> {
  loading ??= Promise.all([fetchBytes(regularUrl), fetchBytes(boldUrl)]).then(
    ([regular, bold]) => ({ regular, bold }),
    (e: unknown) => {
      loading = undefined; // offline or a stale deploy: the next click tries again
      throw e;
    },
  );
  return loading;
}
