/**
 * Issue 14 in the browser: hostile input never blanks a page or leaves it loading. An entry an older
 * version stored with an impossible date is set aside on reload; a share link holding a deeply nested
 * file, or a compression bomb, is refused in words; names from links are shown inside <bdi>, and an
 * invite link carrying a direction override is refused naming the field.
 */
import { existsSync, readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { Gzip } from 'fflate';
import { FILE_FORMAT } from '../src/file-format/assessment-file';
import { newRecord, type AssessmentRecord } from '../src/assessment/record';
import { exportFile } from '../src/file-format/summarize';
import { exampleAnswers } from '../src/testing/fixtures';
import { rs, storedAssessments } from './support';

const record = (id: string, extra: Partial<AssessmentRecord> = {}): AssessmentRecord => ({
  ...newRecord(new Date('2026-11-20T09:00:00Z'), id),
  answers: exampleAnswers('E4') as AssessmentRecord['answers'],
  step: 'result',
  ...extra,
});

/** Writes an entry into the app's IndexedDB as an older version might have, behind the app's back. */
async function putRaw(page: Page, entry: unknown) {
  await page.evaluate(
    (e) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('ai-risk-self-assessment');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('assessments', 'readwrite');
          tx.objectStore('assessments').put(e);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    entry,
  );
}

test('an entry stored with an impossible date does not blank the portfolio: it is set aside and said so, on every reload', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/#/portfolio');
  await expect(page.getByTestId('portfolio')).toBeVisible();
  const good = record('good-1', { title: 'Good one' });
  await putRaw(page, JSON.parse(JSON.stringify(exportFile(rs, good))));
  await putRaw(page, { format: FILE_FORMAT, schemaVersion: 2, ruleSet: { version: rs.version, date: rs.date }, exportedAt: '2026-05-01T10:00:00.000Z', assessment: record('bad-date', { updatedAt: '2026-05-01T25:00:00Z' }) });
  // The next start (here on the assessment page) sets the entry aside and says why, once.
  await page.goto('/');
  await expect(page.getByTestId('file-message')).toContainText('"assessment.updatedAt" does not hold a real date');
  await expect(page.getByTestId('open-name')).toHaveText('Good one');
  expect((await storedAssessments(page)).map((e) => e.assessment.id)).toEqual(['good-1']);
  await page.goto('/#/portfolio');
  await expect(page.getByTestId('portfolio-row')).toHaveCount(1);
  await expect(page.getByTestId('portfolio-row').first()).toContainText('Good one');
  await page.reload();
  await expect(page.getByTestId('portfolio-row')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('a share link holding a file nested thousands deep is refused in words, not left loading', async ({ page }) => {
  const { shareFragment } = await import('../src/portfolio/links');
  const file = JSON.stringify(exportFile(rs, record('deep-1'))).replace(`"format":"${FILE_FORMAT}"`, `"format":${'['.repeat(6000)}1${']'.repeat(6000)}`);
  await page.goto(`/${await shareFragment(file)}`);
  await expect(page.getByTestId('share-problem')).toContainText('nested more than 16 levels deep');
  await expect(page.getByTestId('share-import')).toHaveCount(0);
});

/** Peak resident memory (VmHWM, in MB) of each of the browser's renderer processes, by process id (Linux). */
async function rendererPeaks(browser: Browser): Promise<Map<number, number>> {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  await cdp.detach();
  const out = new Map<number, number>();
  for (const p of processInfo.filter((x) => x.type === 'renderer')) {
    const m = /VmHWM:\s+(\d+) kB/.exec(existsSync(`/proc/${p.id}/status`) ? readFileSync(`/proc/${p.id}/status`, 'utf8') : '');
    if (m) out.set(p.id, Number(m[1]) / 1024);
  }
  return out;
}

test('a compression bomb in a share link (256 MB from 256 KB) is refused as too large, the tab never holding it', async ({ browser, page }) => {
  const z = new Gzip({ level: 9 });
  const parts: Uint8Array[] = [];
  z.ondata = (d) => parts.push(d);
  const zero = new Uint8Array(1 << 20);
  for (let i = 0; i < 256; i++) z.push(zero, i === 255);
  const gz = Buffer.concat(parts).subarray(10);
  const { toBase64Url } = await import('../src/portfolio/links');
  await page.goto('/#/portfolio');
  await expect(page.getByTestId('portfolio')).toBeVisible();
  const before = await rendererPeaks(browser);
  await page.goto(`/#/share/1/${gz.length}/${toBase64Url(gz)}`);
  await expect(page.getByTestId('share-problem')).toContainText('holds more than an assessment file may');
  const after = await rendererPeaks(browser);
  const growth = Math.max(...[...after].map(([pid, mb]) => mb - (before.get(pid) ?? mb)));
  console.info(`renderer peak memory grew by ${growth.toFixed(0)} MB reading a 256 MB bomb`);
  if (before.size) expect(growth).toBeLessThan(100);
});

test('names from links are isolated in <bdi>; an invite link with a direction override is refused naming the field', async ({ page }) => {
  await page.goto(`/#/invite?${new URLSearchParams({ incubator: 'حاضنة شنغهاي', cohort: 'ربيع 2026' })}`);
  await expect(page.locator('.lead bdi')).toHaveText(['حاضنة شنغهاي', 'ربيع 2026']);

  await page.goto(`/#/invite?${new URLSearchParams({ incubator: 'Hub', cohort: 'Spring\u202E2026' })}`);
  await expect(page.getByTestId('invite-problem')).toContainText("invite link's cohort label contains an invisible character");
  await expect(page.getByTestId('invite-problem')).toContainText('U+202E');

  const { shareFragment } = await import('../src/portfolio/links');
  const rec = record('rtl-1', { title: 'מבחן שיתוף', cohort: { incubator: 'حاضنة', label: 'ربيع' } });
  await page.goto(`/${await shareFragment(JSON.stringify(exportFile(rs, rec)))}`);
  await expect(page.getByTestId('share-summary').locator('dd bdi').first()).toHaveText('מבחן שיתוף');
  await expect(page.getByTestId('share-summary').locator('dd bdi')).toHaveText(['מבחן שיתוף', 'ربيع', 'حاضنة']);
});
