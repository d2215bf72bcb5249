/**
 * Accessibility (axe: no serious or critical violations) on the intro, a question step and the
 * result, in both languages; and screenshots of the main screens at desktop and phone width
 * (test-results/screenshots/, kept as CI artefacts and looked at by a person).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { newRecord, type AssessmentRecord } from '../src/assessment/record';
import { exportFile } from '../src/file-format/summarize';
import { readFileSync } from 'node:fs';
import { exampleAnswers, exampleFile } from '../src/testing/fixtures';
import { answerAll, chooseLanguage, example, rs } from './support';

const SHOTS = 'test-results/screenshots';

/** An example's answers with its company and product named, as an owner would fill them in. */
function namedAnswers(id: string): AssessmentRecord['answers'] {
  const meta = JSON.parse(readFileSync(exampleFile(id), 'utf8')).meta as { company: string; product: string };
  return { ...(exampleAnswers(id) as AssessmentRecord['answers']), company_name: meta.company, product_name: meta.product };
}

async function axe(page: Page, label: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

for (const lang of ['en', 'zh-CN'] as const) {
  for (const width of [1280, 375]) {
    test(`${lang} at ${width}px: intro, a question step, review and result pass axe and are captured`, async ({ page }) => {
      await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
      await page.goto('/');
      if (lang === 'zh-CN') await chooseLanguage(page, '简体中文');
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByTestId('start')).toBeVisible();
      const shot = (name: string) => page.screenshot({ path: `${SHOTS}/${lang}-${width}-${name}.png`, fullPage: true });
      if (width === 1280) await axe(page, 'intro');
      await shot('1-intro');

      const { answers } = example('E1');
      await page.getByTestId('start').click();
      await page.getByTestId('next').click(); // section 1 (names) is optional
      await page.getByTestId('next').click(); // refused: shows the validation messages
      await expect(page.locator('.field-error').first()).toBeVisible();
      await page.locator('[data-question="ai_techniques"] summary').click();
      await expect(page.locator('[data-question="ai_techniques"] blockquote.original').first()).toBeVisible();
      if (width === 1280) await axe(page, 'question step');
      await shot('2-step-errors-why');

      await answerAll(page, answers);
      // On a phone the checklist is folded under its heading: open it as a reader would.
      if (width === 375) await page.getByTestId('duties').locator('summary').first().click();
      await page.getByTestId(`duty-EU-9-risk-management`).locator('details.article-toggle summary').click();
      if (width === 1280) await axe(page, 'result');
      await shot('4-result');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${SHOTS}/${lang}-${width}-4-result-top.png` });
      await page.locator('#duties-heading').scrollIntoViewIfNeeded();
      await page.evaluate(() => document.getElementById('duties-heading')!.scrollIntoView());
      await page.screenshot({ path: `${SHOTS}/${lang}-${width}-4-result-duties.png` });
      await page.getByRole('button', { name: lang === 'en' ? 'Review answers' : /查看|检查|复核|回答/ }).click();
      await expect(page.getByTestId('review')).toBeVisible();
      await shot('3-review');

      // Nothing overflows sideways at phone width.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
}

test('the catalogue page passes axe and opens at the cited article', async ({ page }) => {
  await page.goto('/#/catalogue/SH-69');
  await expect(page.locator('#article-SH-69')).toBeVisible();
  await expect(page.locator('#article-SH-69 blockquote.original')).toContainText('劳动者');
  await axe(page, 'catalogue');
  await page.screenshot({ path: `${SHOTS}/en-1280-5-catalogue.png` });
});

for (const lang of ['en', 'zh-CN'] as const) {
  for (const width of [1280, 375]) {
    test(`${lang} at ${width}px: the portfolio page with a cohort passes axe and is captured`, async ({ page }) => {
      await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
      await page.goto('/#/portfolio');
      if (lang === 'zh-CN') await chooseLanguage(page, '简体中文');
      await expect(page.getByTestId('portfolio')).toBeVisible();
      const files = ['E1', 'E2', 'E4', 'E6', 'E9'].map((id, i) => {
        const rec = { ...newRecord(new Date(`2026-11-0${i + 1}T09:00:00Z`), `shot-${id}`), answers: namedAnswers(id), step: 'result' as const, ...(i % 2 ? { cohort: { incubator: 'Pudong AI Hub', label: '2026 秋季' } } : {}) };
        return { name: `${id}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exportFile(rs, rec))) };
      });
      await page.getByTestId('portfolio-import-input').setInputFiles(files);
      await expect(page.getByTestId('portfolio-row')).toHaveCount(6);
      await page.locator('#invite-incubator').fill('Pudong AI Hub');
      await page.locator('#invite-cohort').fill('2026 秋季');
      await page.locator('.invite-panel button[type=submit]').click();
      await expect(page.getByTestId('invite-link')).toBeVisible();
      if (width === 1280) await axe(page, 'portfolio');
      await page.screenshot({ path: `${SHOTS}/${lang}-${width}-6-portfolio.png`, fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.locator('[data-id="shot-E1"] input[type=checkbox]').check();
      await page.locator('[data-id="shot-E4"] input[type=checkbox]').check();
      await page.getByTestId('compare-selected').click();
      await expect(page.getByTestId('compare')).toBeVisible();
      if (width === 1280) await axe(page, 'compare');
      await page.screenshot({ path: `${SHOTS}/${lang}-${width}-7-compare.png`, fullPage: true });
    });
  }
}

for (const lang of ['en', 'zh-CN'] as const) {
  test(`${lang}: answers that contradict each other are named on the result, lead back to both questions, and the question shows why (axe, captured)`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/');
    if (lang === 'zh-CN') await chooseLanguage(page, '简体中文');
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    // E7 (used in the EU since August 2026) told as "not yet launched in the EU": the launch claim is disputed.
    const rec = { ...newRecord(new Date('2026-11-30T09:00:00Z'), 'shot-conflict'), answers: { ...namedAnswers('E7'), eu_market_status: 'planned' }, step: 'result' as const };
    await page.getByTestId('import-input').setInputFiles({ name: 'conflict.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exportFile(rs, rec))) });
    const conflicts = page.getByTestId('conflicts');
    await expect(conflicts).toBeVisible();
    await expect(conflicts.locator('[data-conflict="eu.planned_vs_market"]')).toBeVisible();
    // The regime the conflict touches needs review; the others keep their tiers.
    await expect(page.getByTestId('tier-EU')).toHaveAttribute('data-tier', 'needs_review');
    await axe(page, 'result with a conflict');
    await conflicts.evaluate((el) => el.scrollIntoView());
    await page.screenshot({ path: `${SHOTS}/${lang}-1280-8-result-conflict.png` });

    // Each question of the conflict is a link back; the question shows the conflict beside its answer.
    const links = conflicts.locator('[data-conflict="eu.planned_vs_market"] button');
    expect(await links.count()).toBe(2);
    await links.first().click();
    const note = page.locator('[data-testid^="conflict-"]').first();
    await expect(note).toBeVisible();
    expect((await note.textContent())!.length).toBeGreaterThan(40);
    await axe(page, 'question with a conflict');
    await note.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/${lang}-1280-9-question-conflict.png` });
  });
}
