/**
 * Plain language beside the law: each question shows its everyday explanation, glossary terms in it
 * open their definition (and the glossary page at that term), EU articles carry an unofficial Chinese
 * summary for Chinese readers; and on a phone the header folds into a menu and the result shows its
 * summary and plan first, the checklist folded until a plan item opens it.
 */
import { expect, test } from '@playwright/test';
import { newRecord, type AssessmentRecord } from '../src/assessment/record';
import { exportFile } from '../src/file-format/summarize';
import { listCases } from '../src/node/cases';
import { rs } from './support';

test('a question shows its plain explanation; a glossary term in it opens its definition and the glossary page', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('start').click();
  await page.getByTestId('next').click(); // section 1 (names) is optional
  const q = rs.questionById.get('eu_roles')!;
  await page.locator('[data-question="eu_nexus"] input[value="placed_on_market"]').check();
  const block = page.locator('[data-question="eu_roles"]');
  await expect(block.locator('.hint')).toContainText(q.plain.en.slice(0, 40));
  // The legal help is under "Why we ask", with the statute.
  await expect(block.locator('.hint')).not.toContainText(q.help.en.slice(0, 40));
  await block.locator('summary').click();
  await expect(block.locator('.why-help')).toContainText(q.help.en.slice(0, 40));

  const term = block.locator('.hint button.term').first();
  const id = (await term.getAttribute('data-term'))!;
  const entry = rs.glossary.find((g) => g.id === id)!;
  await term.click();
  const pop = page.locator(`[data-term-popover="${id}"]`).first();
  await expect(pop).toBeVisible();
  await expect(pop).toContainText(entry.definition.en.slice(0, 40));
  await pop.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`#/glossary/${id}$`));
  const shown = page.locator(`[data-term-entry="${id}"]`);
  await expect(shown).toBeVisible();
  await expect(shown).toBeFocused();
  await expect(shown).toContainText(entry.definition.en.slice(0, 40));
  // Back returns to the question, where it was.
  await page.goBack();
  await expect(page.locator('[data-question="eu_roles"]')).toBeVisible();
});

test('a Chinese reader gets EU articles with an unofficial Chinese summary above the English text', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: '简体中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.getByTestId('start').click();
  await page.getByTestId('next').click();
  const block = page.locator('[data-question="eu_nexus"]');
  await expect(block.locator('.hint')).toContainText(rs.questionById.get('eu_nexus')!.plain['zh-CN'].slice(0, 20));
  await block.locator('summary').click();
  const quote = block.locator('figure.article-quote').first();
  const summary = quote.getByTestId('unofficial-summary');
  await expect(summary).toBeVisible();
  await expect(summary).toContainText('非官方');
  await expect(summary).toContainText(rs.articles.get('EU-2(1)')!.summary!['zh-CN'].slice(0, 20));
  await expect(quote.locator('blockquote.original')).toHaveAttribute('lang', 'en');
});

test('an English reader sees no Chinese summary of an EU article', async ({ page }) => {
  await page.goto('/#/catalogue/EU-2(1)');
  await expect(page.locator('#article-EU-2\\(1\\) blockquote.original')).toBeVisible();
  await expect(page.getByTestId('unofficial-summary')).toHaveCount(0);
});

test.describe('on a phone (375 px)', () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test('the header is one line: navigation and language sit in a menu that closes on the way', async ({ page }) => {
    await page.goto('/');
    const nav = page.getByRole('navigation');
    await expect(nav).toBeHidden();
    await page.getByTestId('menu-toggle').click();
    await expect(page.getByTestId('menu-toggle')).toHaveAttribute('aria-expanded', 'true');
    await expect(nav).toBeVisible();
    await page.getByRole('button', { name: '简体中文' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(nav).toBeHidden();
    await page.getByTestId('menu-toggle').click();
    await nav.getByRole('link', { name: '术语表' }).click();
    await expect(page).toHaveURL(/#\/glossary$/);
    await expect(nav).toBeHidden();
    await expect(page.locator('[data-term-entry]').first()).toBeVisible();
  });

  test('the result shows summary and plan first; the checklist is folded until a plan item opens it', async ({ page }) => {
    const c = listCases().find((x) => x.id.startsWith('E1'))!;
    const rec = { ...newRecord(new Date(), 'phone-E1'), answers: c.answers as AssessmentRecord['answers'], step: 'result' as const } satisfies AssessmentRecord;
    await page.goto('/');
    await page.getByTestId('import-input').setInputFiles({ name: 'E1.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exportFile(rs, rec))) });
    await expect(page.getByTestId('overall-level')).toBeVisible();
    await expect(page.getByTestId('action-plan')).toBeVisible();
    const duties = page.getByTestId('duties');
    await expect(duties).toHaveAttribute('data-folded', 'true');
    await expect(duties).not.toHaveAttribute('open', '');
    // The plan's first item leads into the folded checklist, which opens at it.
    const item = page.locator('[data-plan-item]').first();
    const id = (await item.getAttribute('data-plan-item'))!;
    await item.locator('button').first().click();
    await expect(duties).toHaveAttribute('open', '');
    await expect(page.getByTestId(`duty-${id}`)).toBeInViewport();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
