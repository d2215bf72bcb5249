/**
 * Accessibility (axe: no serious or critical violations) on the intro, a question step and the
 * result, in both languages; and screenshots of the main screens at desktop and phone width
 * (test-results/screenshots/, kept as CI artefacts and looked at by a person).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { answerAll, example } from './support';

const SHOTS = 'test-results/screenshots';

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
      if (lang === 'zh-CN') await page.getByRole('button', { name: '简体中文' }).click();
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
      await page.getByTestId(`duty-EU-9-risk-management`).locator('summary').click();
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
