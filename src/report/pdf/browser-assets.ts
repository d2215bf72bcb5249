/**
 * The PDF's font in the browser: fetched from this site (Vite copies it from its npm package into the
 * build) the first time a PDF is asked for, then kept for the session. Node reads the same file in
 * src/node/pdf-assets.ts.
 */
import fontUrl from '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf?url';
import type { PdfAssets } from './render';

async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

let loading: Promise<PdfAssets> | undefined;

export function loadBrowserPdfAssets(): Promise<PdfAssets> {
  loading ??= fetchBytes(fontUrl).then(
    (font) => ({ font }),
    (e: unknown) => {
      loading = undefined; // offline or a stale deploy: the next click tries again
      throw e;
    },
  );
  return loading;
}
