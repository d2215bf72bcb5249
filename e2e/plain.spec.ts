/**
 * Plain language beside the law: each question shows its everyday explanation, glossary terms in it
 * open their definition (and the glossary page at that term), EU articles carry an unofficial Chinese
 * summary for Chinese readers; and on a phone the header folds into a menu and the result shows its
 * summary and plan first, the checklist folded until a plan item opens it.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { assess } from '../src/engine';
import { newRecord, type AssessmentRecord } from '../src/assessment/record';
import { exportFile } from '../src/file-format/summarize';
import { listCases } from '../src/node/cases';
import { rs } from './support';

test('a question shows its plain explanation; a glossary term in it opens its definition and the glossary page', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('start').click();
  await page.getByTestId('next').click(); // section 1 (names) is optional
  const q = rs.questionById.get('eu_roles')!;
  await page.locator('[data-question="ai_techniques"] input[value="machine_learning"]').check();
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
  await page.locator('[data-question="ai_techniques"] input[value="machine_learning"]').check();
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
  await expect(page.locator('#article-EU-2-1 blockquote.original')).toBeVisible();
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

test('the portfolio in Chinese: the table first, a cohort set after import, and a CSV for people with Chinese headers and tier labels', async ({ page }) => {
  await page.goto('/#/portfolio');
  await page.getByRole('button', { name: '简体中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const files = ['E1', 'E4'].map((id) => {
    const c = listCases().find((x) => x.id.startsWith(id))!;
    const rec = { ...newRecord(new Date('2026-11-02T09:00:00Z'), `zh-${id}`), answers: c.answers as AssessmentRecord['answers'], step: 'result' as const };
    return { name: `${id}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exportFile(rs, rec))) };
  });
  await page.getByTestId('portfolio-import-input').setInputFiles(files);
  await expect(page.getByTestId('portfolio-row')).toHaveCount(3);
  // The table comes before import and invite.
  const tableTop = (await page.getByTestId('portfolio-table').boundingBox())!.y;
  const moreTop = (await page.getByTestId('import-invite').boundingBox())!.y;
  expect(tableTop).toBeLessThan(moreTop);
  // A not-started assessment (the open one) shows no duty counts.
  await expect(page.locator('[data-testid=portfolio-row]:not([data-id^="zh-"]) [data-col=duties]')).toHaveText('—');

  // Both imported assessments into one cohort, after the fact.
  for (const id of ['zh-E1', 'zh-E4']) await page.locator(`[data-testid=portfolio-row][data-id="${id}"]`).getByRole('checkbox').check();
  await page.getByTestId('cohort-editor').locator('summary').click();
  await page.getByTestId('cohort-incubator').fill('浦东人工智能孵化器');
  await page.getByTestId('cohort-label').fill('2026 秋季');
  await page.getByTestId('cohort-save').click();
  await expect(page.locator('[data-testid=portfolio-row][data-id="zh-E1"]')).toContainText('2026 秋季');
  await page.reload();
  await expect(page.locator('[data-testid=portfolio-row][data-id="zh-E4"]')).toContainText('2026 秋季');

  for (const id of ['zh-E1', 'zh-E4']) await page.locator(`[data-testid=portfolio-row][data-id="${id}"]`).getByRole('checkbox').check();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const raw = readFileSync((await (await download).path())!, 'utf8').slice(1);
  const [head, ...body] = Papa.parse<string[]>(raw, { skipEmptyLines: true }).data;
  expect(head!.slice(0, 2)).toEqual(['企业', '产品']);
  for (const h of ['上海', '深圳', '欧盟《人工智能法》', '现已适用且未完成', '已逾期', '批次']) expect(head).toContain(h);
  const e1 = body.find((r) => r[head!.indexOf('评估编号')] === 'zh-E1')!;
  const a = assess(rs, listCases().find((x) => x.id.startsWith('E1'))!.answers, { date: new Date().toISOString().slice(0, 10) });
  if (!a.ok) throw new Error('E1');
  const zhTiers = (JSON.parse(readFileSync('src/i18n/locales/zh-CN/result.json', 'utf8')) as { tier: Record<string, string> }).tier;
  expect(e1[head!.indexOf('上海')]).toBe(zhTiers[a.assessment.regimes.SH.tier]);
  expect(e1[head!.indexOf('欧盟《人工智能法》')]).toBe(zhTiers[a.assessment.regimes.EU.tier]);
  expect(e1[head!.indexOf('批次')]).toBe('2026 秋季');
  expect(e1[head!.indexOf('最后更新')]).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
});
