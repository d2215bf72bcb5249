/**
 * Offline use in Chromium: after one visit online, the service worker (vite.config.ts, offlinePlugin)
 * has every file the app needs; with the network cut, a reload still opens the app, an assessment is
 * answered from an example answer file, "Why we ask" shows the statute texts and the PDF is made (the
 * font kept from the one PDF made online). No request ever goes to another origin. Then a new version:
 * it announces itself, never reloads on its own, and its "Reload" keeps the answers; in a browser that
 * is not saving, the notice says to export first. Screenshot: test-results/screenshots/update-notice.png.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { preview } from 'vite';
import { newRecord, type AssessmentRecord } from '../src/assessment/record';
import { exportFile } from '../src/file-format/summarize';
import { readPdf, squash } from '../src/testing/pdf-check';
import { answerAll, example, rs, shownResult, storedAssessments } from './support';

const report = JSON.parse(readFileSync('src/i18n/locales/en/pdf.json', 'utf8')) as { title: string };
const appTexts = JSON.parse(readFileSync('src/i18n/locales/en/app.json', 'utf8')) as { update: Record<string, string> };

/** Every request of the context (pages and service worker) that leaves the app's origin. */
function watchForeign(context: BrowserContext, page: Page, base: string): string[] {
  const origin = new URL(base).origin;
  const foreign: string[] = [];
  const check = (url: string) => {
    if (!url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url)) foreign.push(url);
  };
  context.on('request', (r) => check(r.url()));
  page.on('request', (r) => check(r.url()));
  return foreign;
}

/** Waits until the service worker has installed (precache complete) and controls the page. */
async function controlled(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, { timeout: 60_000 });
}

/** The precache as the service worker stored it: files and bytes. */
async function precache(page: Page): Promise<{ files: string[]; bytes: number }> {
  return page.evaluate(async () => {
    const name = (await caches.keys()).find((k) => k.startsWith('workbox-precache'));
    if (!name) return { files: [], bytes: 0 };
    const cache = await caches.open(name);
    let bytes = 0;
    const files: string[] = [];
    for (const req of await cache.keys()) {
      files.push(new URL(req.url).pathname);
      bytes += (await (await cache.match(req))!.arrayBuffer()).byteLength;
    }
    return { files, bytes };
  });
}

async function downloadPdf(page: Page): Promise<Uint8Array> {
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByTestId('download-pdf').click();
  return new Uint8Array(readFileSync((await (await download).path())!));
}

test('offline after one visit: reload, answer a whole assessment, read "Why we ask", make the PDF; nothing from another origin', async ({ page, context, baseURL }) => {
  test.setTimeout(240_000);
  const foreign = watchForeign(context, page, baseURL!);

  // Online: the first visit. The service worker registers once the app is in use (here: Start).
  await page.goto('/');
  await page.getByTestId('start').click();
  await expect(page.locator('form[data-section]')).toBeVisible();
  await controlled(page);
  const cached = await precache(page);
  test.info().annotations.push({ type: 'precache', description: `${cached.files.length} files, ${(cached.bytes / 1024).toFixed(1)} KB` });
  // The app shell, the rule and statute texts, both languages and the PDF code; the font is not precached.
  expect(cached.files).toContain('/index.html');
  expect(cached.files.some((f) => /\/assets\/sources-.*\.js$/.test(f))).toBe(true);
  expect(cached.files.some((f) => /\/assets\/bundle-zh-CN-.*\.js$/.test(f))).toBe(true);
  expect(cached.files.some((f) => /\/assets\/browser-(?!assets).*\.js$/.test(f))).toBe(true);
  expect(cached.files.filter((f) => f.endsWith('.ttf'))).toEqual([]);

  // One PDF made online fetches the font, which is then kept.
  const online = { ...newRecord(new Date(), 'offline-online-pdf'), answers: example('E4').answers, step: 'result' as const } satisfies AssessmentRecord;
  await page.getByTestId('import-input').setInputFiles({ name: 'e4.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exportFile(rs, online))) });
  await expect(page.getByTestId('result')).toBeVisible();
  expect((await readPdf(await downloadPdf(page))).squashed).toContain(squash(report.title));

  // Offline from here on: every request the page makes must be answered from the service worker.
  await context.setOffline(true);
  const failed: string[] = [];
  page.on('requestfailed', (r) => failed.push(`${r.url()}: ${r.failure()?.errorText}`));
  await page.reload();
  await expect(page.getByTestId('result')).toBeVisible(); // the imported assessment, kept in IndexedDB
  await page.getByTestId('result').getByRole('button', { name: 'Start a new assessment' }).click();

  const { answers, assessment } = example('E6');
  await page.getByTestId('start').click();
  // "Why we ask" on the first question that cites articles: the statute texts come from the cache.
  await page.getByTestId('next').click(); // section 1 (names) is optional
  const why = page.locator('[data-question] details.why').first();
  await why.locator('summary').click();
  await expect(why.locator('blockquote.original').first()).toBeVisible();
  await expect(why.locator('blockquote.original').first()).not.toBeEmpty();
  await answerAll(page, answers);
  const shown = await shownResult(page);
  expect(shown.SH).toBe(assessment.regimes.SH.tier);
  expect(shown.SZ).toBe(assessment.regimes.SZ.tier);
  expect(shown.EU).toBe(assessment.regimes.EU.tier);
  expect(shown.duties).toEqual(assessment.duties.map((d) => d.id).sort());

  const pdf = await readPdf(await downloadPdf(page));
  expect(pdf.squashed).toContain(squash(report.title));
  await expect(page.getByTestId('pdf-status')).toContainText('.pdf');

  // The other language, never loaded before, comes from the cache too.
  await page.getByRole('button', { name: '简体中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  expect(failed).toEqual([]);
  expect(foreign).toEqual([]);
});

/**
 * The build served by `vite preview` (this project's config: headers, CSP) on a port of its own, whose
 * service worker can be swapped for a "new version" (the same file with one byte more). Playwright
 * cannot route the browser's own update check of a service worker script, so the server does it.
 */
async function versionedServer() {
  let newVersion = false;
  const server = await preview({
    configLoader: 'bundle',
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0 },
    plugins: [
      {
        name: 'sw-new-version',
        configurePreviewServer: (s) =>
          void s.middlewares.use((req, res, next) => {
            if (!newVersion || new URL(req.url!, 'http://x').pathname !== '/sw.js') return next();
            for (const [k, v] of Object.entries(s.config.preview.headers ?? {})) res.setHeader(k, v as string);
            res.setHeader('Content-Type', 'text/javascript');
            res.setHeader('Cache-Control', 'no-cache');
            res.end(`${readFileSync('dist/sw.js', 'utf8')}\n// a new version\n`);
          }),
      },
    ],
  });
  return { url: server.resolvedUrls!.local[0]!, publish: () => void (newVersion = true), close: () => server.close() };
}

test('a new version announces itself, never reloads on its own, and its Reload keeps the answers', async ({ page, context }) => {
  test.setTimeout(180_000);
  const server = await versionedServer();
  try {
    const foreign = watchForeign(context, page, server.url);
    await page.goto(server.url);
    await page.getByTestId('start').click();
    await controlled(page);
    const company = page.locator('[data-question="company_name"] input');
    const product = page.locator('[data-question="product_name"] input');
    await company.fill('Before the update 有限公司');

    // A new version is published; the page checks (as it does on each start and every hour).
    server.publish();
    await page.evaluate(() => ((window as unknown as { __samePage: boolean }).__samePage = true));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const notice = page.getByTestId('update-notice');
    await expect(notice).toContainText(appTexts.update.available!, { timeout: 30_000 });
    await expect(notice).toHaveAttribute('role', 'status');
    await expect(page.getByTestId('update-reload')).toHaveText(appTexts.update.reload!);
    await page.screenshot({ path: 'test-results/screenshots/update-notice.png' });

    // Nothing switched by itself: same page, the new worker still waiting, answering goes on.
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBe(true);
    expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())!.waiting))).toBe(true);
    await product.fill('Typed while the notice showed 产品');

    await page.getByTestId('update-reload').click();
    await page.waitForFunction(() => !(window as unknown as { __samePage?: boolean }).__samePage, null, { timeout: 30_000 });
    // The new worker took over; the notice is gone; both answers, the second typed just before the click, are kept.
    await expect(page.locator('form[data-section]')).toBeVisible();
    expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())!.waiting))).toBe(false);
    await expect(page.getByTestId('update-notice')).toHaveCount(0);
    await expect(company).toHaveValue('Before the update 有限公司');
    await expect(product).toHaveValue('Typed while the notice showed 产品');
    const stored = await storedAssessments(page);
    expect(stored.map((s) => (s.assessment.answers as Record<string, unknown>).product_name)).toContain('Typed while the notice showed 产品');
    expect(foreign).toEqual([]);
  } finally {
    await server.close();
  }
});

test('when this browser is not saving, the new-version notice says to export first, and reloads only on "Reload anyway"', async ({ page }) => {
  test.setTimeout(180_000);
  // IndexedDB refused, as in some private modes: the app works in memory and says nothing is saved.
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('blocked for this test', 'SecurityError');
    };
  });
  const server = await versionedServer();
  try {
    await page.goto(server.url);
    await page.getByTestId('start').click();
    await controlled(page);
    await page.locator('[data-question="company_name"] input').fill('Only in memory 有限公司');
    server.publish();
    await page.evaluate(() => ((window as unknown as { __samePage: boolean }).__samePage = true));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    await expect(page.getByTestId('update-notice')).toContainText(appTexts.update.notSaved!, { timeout: 30_000 });
    await expect(page.getByTestId('update-reload')).toHaveText(appTexts.update.reloadAnyway!);
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBe(true);
    await page.getByTestId('update-reload').click();
    await page.waitForFunction(() => !(window as unknown as { __samePage?: boolean }).__samePage, null, { timeout: 30_000 });
    await expect(page.getByTestId('update-notice')).toHaveCount(0);
  } finally {
    await server.close();
  }
});
