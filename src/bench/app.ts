/**
 * The app's first-load cost, measured in headless Chromium against the production build served by
 * `vite preview`: the JavaScript, CSS and data fetched before the first question is usable (gzipped,
 * as a static host would serve them), and the time from navigation to that question (median of
 * several fresh loads: new browser context each time, so no cache and no saved assessment).
 * Targets (issue #5): ≤ 170 KB gzipped; first question usable ≤ 1 s on this machine. With BENCH_FILES=1
 * every file counted is listed on stderr with its gzipped size (to find what grew).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium } from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The port `vite preview` serves the build on: `BENCH_PORT` if set, else a free one asked of the system
 * (a fixed port would collide with a second run, the e2e tests or another project on a shared machine).
 */
export async function benchPort(): Promise<number> {
  if (process.env.BENCH_PORT) return Number(process.env.BENCH_PORT);
  return new Promise((ok, fail) => {
    const s = createServer().once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

async function waitForServer(url: string, ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`vite preview did not start at ${url}`);
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Builds (unless told not to), serves dist/ with vite preview, and runs `fn` with Chromium against it. */
export async function withPreview<T>(build: boolean, fn: (browser: Browser, base: string) => Promise<T>): Promise<T> {
  const exe = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(exe)) throw new Error(`Chromium not found at ${exe} (apt-get install chromium, or set CHROMIUM_PATH)`);
  if (build && spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) throw new Error('build failed');
  const port = await benchPort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: ROOT, stdio: 'ignore', detached: true });
  try {
    await waitForServer(base, 30_000);
    const browser = await chromium.launch({ executablePath: exe, args: ['--no-sandbox'] });
    try {
      return await fn(browser, base);
    } finally {
      await browser.close();
    }
  } finally {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  }
}

export async function benchApp({ loads = 9, build = true } = {}): Promise<string[]> {
  return withPreview(build, async (browser, base) => {
    const intro: number[] = [];
    const first: number[] = [];
    const afterClick: number[] = [];
    const harness: number[] = [];
    let files: string[] = [];
    for (let i = 0; i < loads + 1; i++) {
      const context = await browser.newContext({ locale: 'en-GB' });
      const page = await context.newPage();
      // Marks the moment the Start button and then the first question's inputs are in the page and enabled.
      await page.addInitScript(() => {
        const w = window as unknown as { __marks: Record<string, number> };
        w.__marks = {};
        document.addEventListener('click', () => (w.__marks.click ??= performance.now()), true);
        new MutationObserver(() => {
          const start = document.querySelector<HTMLButtonElement>('[data-testid="start"]');
          if (start && !start.disabled && w.__marks.intro === undefined) w.__marks.intro = performance.now();
          const q = document.querySelector<HTMLInputElement>('[data-question] input, [data-question] textarea');
          if (q && !q.disabled && w.__marks.question === undefined) w.__marks.question = performance.now();
        }).observe(document, { childList: true, subtree: true });
      });
      const requested: string[] = [];
      page.on('request', (r) => requested.push(r.url()));
      await page.goto(base);
      await page.getByTestId('start').click();
      await page.locator('[data-question] input, [data-question] textarea').first().waitFor();
      const marks = await page.evaluate(() => (window as unknown as { __marks: Record<string, number> }).__marks);
      // What the page fetched before its first question was usable (by the page's own resource timing:
      // the prefetch that starts once the question shows is not part of the first load, however fast the
      // harness reads the marks).
      const fetchedBefore = await page.evaluate(() => {
        const m = (window as unknown as { __marks: Record<string, number> }).__marks.question ?? Infinity;
        return performance.getEntriesByType('resource').filter((e) => e.startTime <= m).map((e) => e.name);
      });
      // The document itself, then what it fetched.
      const before = [requested[0]!, ...fetchedBefore.filter((u) => u.startsWith(base) && requested.includes(u))];
      // The first load warms the server and the OS file cache; it is not counted.
      if (i > 0) {
        intro.push(marks.intro!);
        afterClick.push(marks.question! - marks.click!);
        // The user's wait: the page until Start is usable, plus Start → question. The harness's own
        // delay between the two (locating and checking the button before clicking) is not the app's.
        first.push(marks.intro! + (marks.question! - marks.click!));
        harness.push(marks.click! - marks.intro!);
        files = before;
      }
      await context.close();
    }

    const sizes = files
      .map((u) => new URL(u).pathname)
      .map((p) => (p === '/' ? '/index.html' : p))
      .filter((p, i, a) => a.indexOf(p) === i)
      .map((p) => {
        const body = readFileSync(resolve(ROOT, 'dist', `.${p}`));
        return { p, raw: body.length, gz: gzipSync(body).length };
      });
    const total = sizes.reduce((n, s) => n + s.gz, 0);
    if (process.env.BENCH_FILES) for (const s of [...sizes].sort((a, b) => b.gz - a.gz)) console.error(s.p, s.gz);
    const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
    const ms = (x: number) => `${Math.round(x)} ms`;
    const top = [...sizes].sort((a, b) => b.gz - a.gz).slice(0, 6);
    return [
      `App (production build, vite preview, headless Debian Chromium, ${loads} fresh loads after one warm-up)`,
      `- loaded before the first question is usable: **${kb(total)} gzipped** in ${sizes.length} files (${kb(sizes.reduce((n, s) => n + s.raw, 0))} uncompressed); target ≤ 170 KB. Largest: ${top.map((s) => `${s.p.replace('/assets/', '')} ${kb(s.gz)}`).join(', ')}`,
      `- first question usable: **median ${ms(median(first))}** (range ${ms(Math.min(...first))}–${ms(Math.max(...first))}); target ≤ 1 s. That is navigation start → intro usable (median ${ms(median(intro))}) plus Start click → first input enabled (median ${ms(median(afterClick))}); the harness's own ${ms(median(harness))} between intro and click is not counted`,
      `- loaded only when used: result page, rule texts for the result, statute texts ("why we ask", result, catalogue), the other language, the catalogue page, the PDF code and fonts`,
    ];
  });
}
