/**
 * The Content-Security-Policy (index.html's meta tag, and the header `vite preview` sends) holds for a
 * whole session: questionnaire with "Why we ask", result, PDF, export, share link, the other language,
 * portfolio import, CSV and zip export, compare, catalogue, and the service worker registering. Not one
 * `securitypolicyviolation` event fires, and nothing is requested from another origin. The policy is
 * shown to be in force: an inline style attribute, an inline script and an image from elsewhere are refused.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { newRecord, type AssessmentRecord } from '../src/assessment/record';
import { exportFile } from '../src/file-format/summarize';
import { exampleAnswers } from '../src/testing/fixtures';
import { answerAll, example, rs, watchOrigins } from './support';

/** Every violation of every document the page loads, reported to the test as it happens. */
async function collectViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeBinding('__cspViolation', (_source, v: string) => void seen.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation;
      void report(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    });
  });
  // Chromium also logs refusals to the console (a second channel, in case an event were missed).
  page.on('console', (m) => {
    if (/Content Security Policy|Trusted Type/i.test(m.text())) seen.push(`console: ${m.text()}`);
  });
  return seen;
}

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const d = page.waitForEvent('download', { timeout: 90_000 });
  await click();
  const file = await d;
  expect(await file.failure()).toBeNull();
  return file.suggestedFilename();
}

test('a whole session raises no CSP violation and requests nothing from another origin', async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  const violations = await collectViolations(page);
  const foreign = watchOrigins(page, baseURL!);

  const res = await page.goto('/');
  // The policy as served: the meta tag (any static host) and the header (vite preview, with frame-ancestors).
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const d of ["default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "base-uri 'none'", "object-src 'none'", "require-trusted-types-for 'script'", 'trusted-types sw']) {
    expect(meta).toContain(d);
  }
  expect(meta).not.toContain('unsafe');
  expect(res!.headers()['content-security-policy']).toBe(`${meta}; frame-ancestors 'none'`);

  // The questionnaire, with "Why we ask" opened, to the result.
  const { answers } = example('E5');
  await page.getByTestId('start').click();
  await page.getByTestId('next').click();
  const why = page.locator('[data-question] details.why').first();
  await why.locator('summary').click();
  await expect(why.locator('blockquote.original').first()).toBeVisible();
  await answerAll(page, answers);
  // The service worker registered (through its Trusted Types policy) and took over.
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, { timeout: 60_000 });

  // Result: duty status and note, PDF, JSON export, share link, the other language and back.
  const duty = page.locator('.duties [data-duty]').first();
  await duty.locator('select').selectOption('in_progress');
  await duty.locator('textarea[id^="note-"]').fill('Owner: legal');
  expect(await download(page, () => page.getByTestId('download-pdf').click())).toMatch(/\.pdf$/);
  expect(await download(page, () => page.getByRole('button', { name: 'Export file (JSON)' }).click())).toMatch(/\.json$/);
  await page.getByRole('button', { name: 'Share link' }).click();
  await expect(page.getByTestId('share-link')).toHaveValue(/#\/share\//);
  await page.getByRole('button', { name: '简体中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // Portfolio: import two files, the tier chart, CSV and zip of PDFs, compare.
  await page.goto('/#/portfolio');
  await expect(page.getByTestId('portfolio')).toBeVisible();
  const files = ['E2', 'E7'].map((id) => {
    const rec = { ...newRecord(new Date('2026-11-01T09:00:00Z'), `csp-${id}`), answers: exampleAnswers(id) as AssessmentRecord['answers'], step: 'result' as const, cohort: { incubator: 'Hub', label: 'CSP' } };
    return { name: `${id}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exportFile(rs, rec))) };
  });
  await page.getByTestId('portfolio-import-input').setInputFiles(files);
  await expect(page.getByTestId('import-count')).toHaveText('2 assessments imported.');
  await expect(page.getByTestId('tier-chart')).toBeVisible();
  await page.getByTestId('filter-cohort').selectOption('CSP');
  expect(await download(page, () => page.getByTestId('export-csv').click())).toMatch(/\.csv$/);
  expect(await download(page, () => page.getByTestId('export-pdfs').click())).toMatch(/\.zip$/);
  for (const id of ['csp-E2', 'csp-E7']) await page.locator(`[data-testid=portfolio-row][data-id="${id}"]`).getByRole('checkbox').check();
  await page.getByTestId('compare-selected').click();
  await expect(page.getByTestId('compare')).toBeVisible();

  // The catalogue, opened at an article.
  await page.goto('/#/catalogue/SH-69');
  await expect(page.locator('#article-SH-69 blockquote.original')).toContainText('劳动者');

  expect(violations).toEqual([]);
  expect(foreign).toEqual([]);

  // The policy is in force (so the empty list above means something): each of these is refused and reported;
  // the image from elsewhere is stopped in the browser, before any connection.
  const blocked = page.waitForEvent('requestfailed', (r) => r.url().startsWith('https://example.invalid/'));
  await page.evaluate(() => {
    document.body.setAttribute('style', 'outline: 1px solid red');
    try {
      const script = document.createElement('script');
      script.textContent = 'window.__inline = true';
      document.body.append(script);
    } catch {
      // refused (Trusted Types): that is the point
    }
    new Image().src = 'https://example.invalid/pixel.png';
  });
  await expect.poll(() => violations.filter((v) => !v.startsWith('console:')).map((v) => v.split(' ')[0]).sort()).toEqual(
    expect.arrayContaining(['img-src', 'require-trusted-types-for', 'style-src-attr']),
  );
  await expect(page.locator('body')).not.toHaveCSS('outline-style', 'solid');
  expect(await page.evaluate(() => (window as unknown as { __inline?: boolean }).__inline)).toBeUndefined();
  expect((await blocked).failure()?.errorText).toBe('csp');
});

test('with the service worker in charge, the licences and checksums open as themselves, not as the app', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('start').click();
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, { timeout: 60_000 });
  await page.goto('/licenses/THIRD-PARTY.txt');
  const text = await page.locator('body').innerText();
  for (const pkg of ['react@', 'react-dom@', 'i18next@', 'pdfkit@', 'fontkit@', 'workbox-window@', 'workbox-precaching@', 'vite@']) expect(text).toContain(`\n${pkg}`);
  await page.goto('/SHA256SUMS');
  const sums = await page.locator('body').innerText();
  expect(sums).toMatch(/^[0-9a-f]{64} {2}index\.html$/m);
  expect(sums).toMatch(/^[0-9a-f]{64} {2}sw\.js$/m);
  expect(sums.trim()).toBe(readFileSync('dist/SHA256SUMS', 'utf8').trim());
});
