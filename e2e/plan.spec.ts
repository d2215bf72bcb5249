/**
 * The action plan leads the result page: for a prohibited product "stop" comes first, then what
 * applies now, each later date, anticipated and encouraged items — the order src/report/plan.ts gives
 * the same answers — and "Export to calendar" writes an .ics that a calendar library reads back with
 * every dated item.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import { newRecord, type AssessmentRecord } from '../src/assessment/record';
import { exportFile } from '../src/file-format/summarize';
import { assess } from '../src/engine';
import { listCases } from '../src/node/cases';
import { actionPlan, datedItems } from '../src/report/plan';
import type { PresentedDuty } from '../src/report/present';
import { rs, storedAssessments } from './support';

const EXAMPLES = 'rules/examples';
const today = () => new Date().toISOString().slice(0, 10);

async function openCase(page: Page, id: string) {
  const c = listCases().find((x) => x.id === id)!;
  const rec = { ...newRecord(new Date(), `plan-${id}`), answers: c.answers as AssessmentRecord['answers'], step: 'result' as const } satisfies AssessmentRecord;
  await page.goto('/');
  await page.getByTestId('import-input').setInputFiles({ name: `${id}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exportFile(rs, rec))) });
  await expect(page.getByTestId('action-plan')).toBeVisible();
  // The plan the engine's result gives (the Playwright runner cannot load the i18n resources, so the
  // duties are not presented: the plan's order needs only their kind, dates and the stop flag).
  const a = assess(rs, rec.answers, { date: today() });
  if (!a.ok) throw new Error(id);
  const duties = a.assessment.duties.map((d) => ({ ...d, articles: [...d.articles], ...(rs.duties.find((x) => x.id === d.id)?.stop ? { stop: true } : {}) }) as unknown as PresentedDuty);
  return { duties };
}

/** Imports every rules/examples answers file as it is, on the portfolio page; their names. */
async function importExamples(page: Page): Promise<string[]> {
  const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'));
  await page.goto('/#/portfolio');
  await page.getByTestId('portfolio-import-input').setInputFiles(files.map((f) => ({ name: f, mimeType: 'application/json', buffer: readFileSync(`${EXAMPLES}/${f}`) })));
  return files;
}

const shownSteps = (page: Page) => page.locator('[data-testid=action-plan] .plan-step').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!));

for (const id of ['S12', 'E1']) {
  test(`${id}: the plan leads the result, in the engine's order (stop first when prohibited)`, async ({ page }) => {
    const report = await openCase(page, id);
    const expected = actionPlan(report).map((s) => (s.kind === 'from' ? `plan-from-${s.date}` : `plan-${s.kind}`));
    expect(await shownSteps(page)).toEqual(expected);
    if (id === 'S12') expect(expected[0]).toBe('plan-stop');
    else expect(expected).not.toContain('plan-stop');
    // The plan comes before the regime cards and the checklist.
    const order = await page.locator('[data-testid=action-plan], .regime-cards, .duties').evaluateAll((els) => els.map((e) => e.className || e.getAttribute('data-testid')));
    expect(order[0]).toBe('plan');
    // An item leads to its entry in the checklist.
    const first = actionPlan(report)[0]!.items[0]!;
    await page.locator(`[data-plan-item="${first.id}"] button`).click();
    await expect(page.locator(`[data-duty="${first.id}"]`).first()).toBeFocused();
  });
}

test('E1: Export to calendar writes every dated item of the plan as an all-day event', async ({ page }) => {
  const report = await openCase(page, 'E1');
  const dated = datedItems(actionPlan(report));
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-ics').click()]);
  expect(download.suggestedFilename()).toMatch(/\.ics$/);
  const text = readFileSync((await download.path())!, 'utf8');
  const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  expect(events.map((e) => [e.startDate.toString(), e.uid.split('@')[0]])).toEqual(dated.map((d) => [d.date, d.duty.id]));
});

test('one file family: every rules/examples answers file imports in the portfolio and gives the command line\'s tiers', async ({ page }) => {
  const files = await importExamples(page);
  await expect(page.getByTestId('import-count')).toHaveText(`${files.length} assessments imported.`);
  for (const f of files) {
    const { answers, meta } = JSON.parse(readFileSync(`${EXAMPLES}/${f}`, 'utf8')) as { answers: Record<string, unknown>; meta: { product: string } };
    const a = assess(rs, answers, { date: today() });
    if (!a.ok) throw new Error(f);
    const row = page.locator('[data-testid=portfolio-row]', { hasText: meta.product });
    await expect(row, f).toHaveCount(1);
    const tiers = await row.locator('[data-tier]').evaluateAll((els) => els.map((e) => e.getAttribute('data-tier')));
    // The overall level, then the tier in each regime.
    expect(tiers, f).toEqual([a.assessment.overall, a.assessment.regimes.SH.tier, a.assessment.regimes.SZ.tier, a.assessment.regimes.EU.tier]);
  }
});

test('E1: a duty gets an owner, a due date and evidence; overdue items are marked until done; all of it is kept', async ({ page }) => {
  await openCase(page, 'E1');
  const item = page.locator('[data-plan-item="EU-4-literacy"]');
  // AI literacy applies since 2 February 2025: with no date of its own and not done, it is overdue.
  await expect(item.getByTestId('plan-overdue')).toBeVisible();
  const duty = page.locator('.duties [data-duty="EU-4-literacy"]');
  await duty.getByLabel('Owner').fill('Li Wei (HR)');
  await duty.getByLabel('Due date').fill('2099-03-31');
  await duty.getByLabel(/^Evidence/).fill('https://intranet.example/ai-literacy\nTraining log 2026-12');
  await expect(item).toContainText('Li Wei (HR)');
  await expect(item.getByTestId('plan-overdue')).toHaveCount(0);
  // Another duty that already applies: marked done, it is no longer overdue.
  const other = page.locator('[data-plan-item] [data-testid=plan-overdue]').first();
  const otherId = await other.locator('xpath=..').getAttribute('data-plan-item');
  await page.locator(`.duties [data-duty="${otherId}"] select`).first().selectOption('done');
  await expect(page.locator(`[data-plan-item="${otherId}"] [data-testid=plan-overdue]`)).toHaveCount(0);
  // Saved (writes are queued): the stored entry holds the owner before the page is reloaded.
  await expect
    .poll(async () => (await storedAssessments(page)).some((e) => JSON.stringify(e.assessment).includes('Li Wei (HR)') && JSON.stringify(e.assessment).includes('"done"')))
    .toBe(true);
  await page.reload();
  await expect(page.getByTestId('action-plan')).toBeVisible();
  await expect(page.locator('[data-plan-item="EU-4-literacy"]')).toContainText('Li Wei (HR)');
  await expect(page.locator('.duties [data-duty="EU-4-literacy"]').getByLabel(/^Evidence/)).toHaveValue('https://intranet.example/ai-literacy\nTraining log 2026-12');
});

test('E2 (out of the EU Act): the plan says what would change that, offering it in the EU among the triggers', async ({ page }) => {
  await openCase(page, 'E2');
  const triggers = page.getByTestId('triggers');
  await triggers.locator('summary').click();
  await expect(triggers.locator('[data-trigger="eu_nexus"]').first()).toBeVisible();
  await expect(triggers.locator('[data-trigger="eu_nexus"]').first()).toContainText('EU');
});

test('portfolio filters and sort live in the address and survive a reload', async ({ page }) => {
  const files = await importExamples(page);
  await expect(page.getByTestId('import-count')).toBeVisible();
  await page.getByTestId('filter-text').fill('Shenzhen');
  await page.getByTestId('sort-EU').click();
  await expect(page).toHaveURL(/#\/portfolio\?text=Shenzhen&sort=EU%3Aasc$/);
  const rows = await page.locator('[data-testid=portfolio-row]').count();
  await expect.poll(async () => (await storedAssessments(page)).length).toBeGreaterThanOrEqual(files.length);
  await page.reload();
  await expect(page.getByTestId('filter-text')).toHaveValue('Shenzhen');
  await expect(page.locator('[data-testid=portfolio-row]')).toHaveCount(rows);
});

test('"not sure" that helps: an open question says who usually knows (T02); a "not sure" that changes nothing says so (E4 with the scale not known)', async ({ page }) => {
  await openCase(page, 'T02');
  await expect(page.getByTestId('who-knows').first()).toContainText('usually known by');
  const e4 = { ...(listCases().find((x) => x.id === 'E4')!.answers as Record<string, unknown>), scale: 'not_sure' };
  const rec = { ...newRecord(new Date(), 'plan-e4-scale'), answers: e4 as AssessmentRecord['answers'], step: 'result' as const } satisfies AssessmentRecord;
  await page.getByTestId('import-input').setInputFiles({ name: 'e4-scale.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exportFile(rs, rec))) });
  const harmless = page.getByTestId('harmless-not-sure');
  await expect(harmless).toContainText('changes no tier and no duty');
  await expect(harmless.getByRole('button')).toHaveText([rs.questionById.get('scale')!.text.en]);
});
