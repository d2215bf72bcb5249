/**
 * The PDF's font in the browser: fetched from this site (Vite copies it from its npm package into the
 * build) the first time a PDF is asked for, then kept for the session, and kept for later sessions in
 * the browser's Cache Storage so PDFs can be made offline. The service worker keeps it there once a
 * page it controls has fetched it (CacheFirst, vite.config.ts); a page it does not control yet (the
 * very first visit) stores it itself. Node reads the same file in src/node/pdf-assets.ts.
 */
import fontUrl from '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf?url';
import type { PdfAssets } from './render';

/** The cache the service worker keeps the font in (FONT_CACHE in vite.config.ts). */
export const FONT_CACHE = 'pdf-font';

/** The font from Cache Storage if kept there, else fetched (and kept, unless the service worker does). */
async function fetchFont(url: string): Promise<Uint8Array> {
  let cache: Cache | undefined;
  try {
    cache = await caches.open(FONT_CACHE);
    const hit = await cache.match(url);
    if (hit) return new Uint8Array(await hit.arrayBuffer());
  } catch {
    cache = undefined; // no Cache Storage here (insecure context, blocked): fetch every session
  }
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  if (cache && !navigator.serviceWorker?.controller) {
    const kept = cache;
    // An older font (a previous version of the app) goes; a failure to store (quota) changes nothing.
    void kept
      .put(url, res.clone())
      .then(async () => Promise.all((await kept.keys()).filter((k) => new URL(k.url).pathname !== new URL(url, location.href).pathname).map((k) => kept.delete(k))))
      .catch(() => undefined);
  }
  return new Uint8Array(await res.arrayBuffer());
}

let loading: Promise<PdfAssets> | undefined;

export function loadBrowserPdfAssets(): Promise<PdfAssets> {
  loading ??= fetchFont(fontUrl).then(
    (font) => ({ font }),
    (e: unknown) => {
      loading = undefined; // offline or a stale deploy: the next click tries again
      throw e;
    },
  );
  return loading;
}
