/**
 * The PDF's font in the browser, in two parts (fonts.ts): the common part (about 1.3 MB, made by the
 * build, vite.config.ts) is fetched when the result page is idle or on the first click on "Download
 * PDF", whichever comes first; the full font (10.5 MB, copied by Vite from its npm package) only for a
 * document with a character the common part lacks. Each is kept for the session, and for later
 * sessions in the browser's Cache Storage so PDFs can be made offline. The service worker keeps them
 * there once a page it controls has fetched them (CacheFirst, vite.config.ts); a page it does not
 * control yet (the very first visit) stores them itself. Node reads the full font in
 * src/node/pdf-assets.ts.
 */
import fullUrl from '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf?url';
import commonUrl from 'virtual:pdf-font';
import type { PdfFonts } from './fonts';

/** The cache the service worker keeps the font in (FONT_CACHE in vite.config.ts). */
export const FONT_CACHE = 'pdf-font';

/** The font as the page has it: the common part, and the full font when asked for (its character map comes with the PDF chunk, browser.ts). */
export type BrowserFonts = Omit<PdfFonts, 'fullCoverage'>;

const pathOf = (url: string) => new URL(url, location.href).pathname;

/** The font file from Cache Storage if kept there, else fetched (and kept, unless the service worker does). */
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
    const current = new Set([pathOf(commonUrl), pathOf(fullUrl)]);
    // An older version's font files go; a failure to store (quota) changes nothing.
    void kept
      .put(url, res.clone())
      .then(async () => Promise.all((await kept.keys()).filter((k) => !current.has(new URL(k.url).pathname)).map((k) => kept.delete(k))))
      .catch(() => undefined);
  }
  return new Uint8Array(await res.arrayBuffer());
}

/** Fetches `url` once per page; a failure (offline, a stale deploy) lets the next call try again. */
function once(url: string): () => Promise<Uint8Array> {
  let loading: Promise<Uint8Array> | undefined;
  return () =>
    (loading ??= fetchFont(url).catch((e: unknown) => {
      loading = undefined;
      throw e;
    }));
}

const loadCommon = once(commonUrl);
const loadFull = once(fullUrl);

/** The common part, fetched if not yet here, and the full font on demand. */
export async function loadBrowserPdfAssets(): Promise<BrowserFonts> {
  return { common: await loadCommon(), full: loadFull };
}

/** Starts fetching the common part ahead of a click; a failure is left for the click to meet again. */
export function prefetchPdfFont(): void {
  loadCommon().catch(() => undefined);
}
