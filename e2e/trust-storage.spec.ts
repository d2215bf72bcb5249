/**
 * Trust (issue 14): two tabs on one portfolio lose nothing and do not resurrect what the other
 * deleted; a full disk is said, not hidden; a malformed address or a part of the app that fails to
 * load never blanks the app. Pages of one browser context share IndexedDB, as tabs do.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { newRecord, type AssessmentRecord } from '../src/assessment/record';
import { exportFile } from '../src/file-format/summarize';
import { example, rs, storedAssessments } from './support';

const NOTE = '#note-EU-4-literacy';

function file(id: string, company: string) {
  const record: AssessmentRecord = {
    ...newRecord(new Date('2026-11-01T09:00:00Z'), id),
    answers: { ...example('E1').answers, company_name: company },
    step: 'result',
  };
  return { name: `${id}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exportFile(rs, record))) };
}

/** Imports the files on the assessment page, one by one: each is opened, the last stays open. */
async function seed(page: Page, ...files: ReturnType<typeof file>[]) {
  await page.goto('/');
  for (const f of files) {
    await page.getByTestId('import-input').setInputFiles([f]);
    await expect(page.getByTestId('import-count')).toHaveText('1 assessment imported.');
    await page.getByTestId('import-outcome').getByRole('button', { name: 'Close' }).click();
  }
  await expect(page.getByTestId('result')).toBeVisible();
}

/**
 * A tab that misses the other tabs' messages (as a background tab the browser froze, or a message
 * still in flight), but still posts its own: what the checked writes must cope with.
 */
async function deafTab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const Real = window.BroadcastChannel;
    window.BroadcastChannel = class extends Real {
      override get onmessage() {
        return null;
      }
      override set onmessage(_: ((this: BroadcastChannel, ev: MessageEvent) => unknown) | null) {}
    };
  });
  return page;
}

const noteOf = async (page: Page, id: string) => {
  const e = (await storedAssessments(page)).find((x) => x.assessment.id === id);
  return e ? ((e.assessment.duties as Record<string, { note?: string }>)['EU-4-literacy']?.note ?? '') : undefined;
};

test('two tabs editing the same assessment: the stale tab shows a conflict instead of overwriting, and "keep both" keeps both', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-GB' });
  const a = await context.newPage();
  await seed(a, file('shared', 'Shared Co'));
  const b = await deafTab(context);
  await b.goto('/');
  await expect(b.getByTestId('result')).toBeVisible();
  await expect(b.getByTestId('open-name')).toContainText('Shared Co');

  await a.locator(NOTE).fill('Training booked (tab A)');
  await expect.poll(() => noteOf(a, 'shared')).toBe('Training booked (tab A)');
  await b.locator(NOTE).fill('Slides ready (tab B)');

  const conflict = b.getByTestId('conflict');
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText('was changed in another tab');
  await expect(b.getByTestId('not-saved-state')).toHaveText('Not saved');
  // Nothing overwritten, and B's typing is still on B's page.
  expect(await noteOf(a, 'shared')).toBe('Training booked (tab A)');
  await expect(b.locator(NOTE)).toHaveValue('Slides ready (tab B)');

  await conflict.getByRole('button', { name: 'Keep both (mine as a copy)' }).click();
  await expect(conflict).toHaveCount(0);
  await expect.poll(async () => (await storedAssessments(a)).length).toBe(2);
  const stored = await storedAssessments(a);
  const copy = stored.find((e) => e.assessment.id !== 'shared')!;
  expect(await noteOf(a, 'shared')).toBe('Training booked (tab A)');
  expect(await noteOf(a, copy.assessment.id)).toBe('Slides ready (tab B)');
  expect(copy.assessment.title).toMatch(/\(other version\)$/);
  // B works on its copy now; A, listening, has both without a reload.
  await expect(b.locator(NOTE)).toHaveValue('Slides ready (tab B)');
  await expect(b.getByTestId('open-name')).toContainText('(other version)');
  await a.goto('/#/portfolio'); // a change of fragment: no reload
  await expect(a.locator(`[data-testid=portfolio-row][data-id="${copy.assessment.id}"]`)).toContainText('(other version)');
  await context.close();
});

test('a tab that listens follows the other tab; a delete in one tab is not undone by the others', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-GB' });
  const a = await context.newPage();
  await seed(a, file('keep', 'Keep Co'), file('gone', 'Gone Co'));
  const b = await context.newPage(); // listens
  await b.goto('/');
  const c = await deafTab(context); // misses the messages
  await c.goto('/');
  for (const p of [b, c]) await expect(p.getByTestId('open-name')).toContainText('Gone Co');

  // B follows A's typing without a reload (it has no unsaved changes of its own).
  await a.locator(NOTE).fill('seen by B');
  await expect(b.locator(NOTE)).toHaveValue('seen by B');

  await a.goto('/#/portfolio');
  const row = a.locator('[data-testid=portfolio-row][data-id="gone"]');
  await row.getByText('More…').click();
  await row.getByRole('button', { name: 'Delete' }).click();
  await expect.poll(async () => (await storedAssessments(a)).map((e) => e.assessment.id)).toEqual(['keep']);

  // B is told, and another assessment is open there; its next change does not bring "gone" back.
  await expect(b.getByTestId('tab-notice')).toContainText('was deleted in another tab');
  await expect(b.getByTestId('open-name')).toContainText('Keep Co');
  await b.locator(NOTE).fill('typed in B after the delete');
  await expect.poll(() => noteOf(b, 'keep')).toBe('typed in B after the delete');

  // C still shows it and types into it: refused, and C is asked, with its typing kept.
  await c.locator(NOTE).fill('typed in C, stale');
  const conflict = c.getByTestId('conflict');
  await expect(conflict).toContainText('was deleted in another tab');
  await expect(c.locator(NOTE)).toHaveValue('typed in C, stale');
  expect((await storedAssessments(c)).map((e) => e.assessment.id)).toEqual(['keep']);
  await conflict.getByRole('button', { name: 'Let it stay deleted' }).click();
  await expect(c.getByTestId('open-name')).toContainText('Keep Co');
  await c.reload();
  await expect(c.getByTestId('result')).toBeVisible();
  expect((await storedAssessments(c)).map((e) => e.assessment.id)).toEqual(['keep']);
  await context.close();
});

test('a full disk: the import says what was not saved and why, the page offers the unsaved ones as a zip, and Try again saves them', async ({ page }) => {
  // The browser refuses every write to the assessments while `__full` is set, as on a full disk.
  await page.addInitScript(() => {
    const w = window as unknown as { __full: boolean };
    w.__full = false;
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (w.__full && this.name === 'assessments') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await page.goto('/#/portfolio');
  await expect(page.getByTestId('portfolio')).toBeVisible();
  await page.evaluate(() => ((window as unknown as { __full: boolean }).__full = true));
  await page.getByTestId('portfolio-import-input').setInputFiles([file('f1', 'One Co'), file('f2', 'Two Co'), file('f3', 'Three Co')]);
  await expect(page.getByTestId('import-count')).toHaveText('0 of 3 assessments imported and saved.');
  await expect(page.getByTestId('import-not-saved')).toContainText('3 assessments were not saved');
  await expect(page.getByTestId('import-not-saved-reason')).toHaveText("3: the browser's storage is full");
  const notSaved = page.getByTestId('not-saved');
  await expect(notSaved).toContainText("This browser's storage is full");
  expect(await storedAssessments(page)).toEqual([]);

  const download = page.waitForEvent('download');
  await notSaved.getByTestId('export-unsaved').click();
  const zip = unzipSync(new Uint8Array(readFileSync((await (await download).path())!)));
  const ids = Object.values(zip).map((bytes) => JSON.parse(Buffer.from(bytes).toString('utf8')).assessment.id as string);
  expect(ids.sort()).toEqual(['f1', 'f2', 'f3']);

  await page.evaluate(() => ((window as unknown as { __full: boolean }).__full = false));
  await notSaved.getByTestId('retry-save').click();
  await expect(notSaved).toHaveCount(0);
  expect((await storedAssessments(page)).map((e) => e.assessment.id).sort()).toEqual(['f1', 'f2', 'f3']);
});

test('#/catalogue/%E0%A4%A (a malformed escape) shows the app and says the article is not found, in either language', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/#/catalogue/%E0%A4%A');
  await expect(page.locator('.app-header')).toBeVisible();
  await expect(page.locator('#catalogue-heading')).toBeVisible();
  await expect(page.getByTestId('article-not-found')).toHaveText('There is no article “%E0%A4%A” in this rule set. The whole catalogue is below.');
  await page.getByRole('button', { name: '简体中文' }).click();
  await expect(page.getByTestId('article-not-found')).toHaveText('本规则集中没有条款“%E0%A4%A”。完整目录如下。');
  expect(errors).toEqual([]);
});

test('a page whose code fails to arrive shows the error with Retry, the frame stays usable, and Retry works once the network is back', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('start')).toBeVisible();
  const chunk = /\/assets\/CatalogueView-[^/]+\.js$/;
  await page.route(chunk, (r) => r.abort('internetdisconnected'));
  await page.getByRole('link', { name: 'Rule catalogue' }).click();
  const failed = page.getByTestId('page-failed');
  await expect(failed).toContainText('This page could not be loaded');
  // The header works: the language switch, and the way back.
  await page.getByRole('button', { name: '简体中文' }).click();
  await expect(failed).toContainText('无法加载此页面');
  await page.getByRole('button', { name: 'English' }).click();
  await failed.getByTestId('retry').click();
  await expect(failed).toContainText('This page could not be loaded'); // still offline: fails again, says so
  await page.unroute(chunk);
  await failed.getByTestId('retry').click();
  await expect(page.locator('#catalogue-heading')).toBeVisible();
  await expect(failed).toHaveCount(0);
});

test('statute texts that fail to arrive show a message with Retry, not "Loading…" for ever', async ({ page }) => {
  const chunk = /\/assets\/sources-[^/]+\.js$/;
  await page.route(chunk, (r) => r.abort('internetdisconnected'));
  await page.goto('/#/catalogue');
  await expect(page.locator('#catalogue-heading')).toBeVisible();
  const failed = page.getByTestId('load-failed');
  await expect(failed).toBeVisible();
  await page.unroute(chunk);
  await failed.getByRole('button', { name: 'Try again' }).click();
  await expect(failed).toHaveCount(0);
  await expect(page.locator('.article-quote blockquote.original').first()).toBeVisible();
});
