/**
 * The questionnaire never loses the place: choosing an option mid-page, with the mouse or the
 * keyboard, leaves the scroll position and the focus where they are, even when the answer brings up
 * more questions; the heading takes the focus only when the section changes.
 */
import { expect, test, type Page } from '@playwright/test';

test.use({ viewport: { width: 1280, height: 600 } });

async function toScope(page: Page) {
  await page.goto('/');
  await page.getByTestId('start').click();
  await page.locator('[data-question=company_name] input').fill('Place Ltd');
  await page.locator('[data-question=product_name] input').fill('Keeper');
  await page.locator('[data-question=product_description] textarea, [data-question=product_description] input').first().fill('A scheduling assistant.');
  await page.getByTestId('next').click();
  await expect(page.locator('form[data-section=scope]')).toBeVisible();
  await expect(page.locator('#step-heading')).toBeFocused();
}

const scrollY = (page: Page) => page.evaluate(() => window.scrollY);

test('mouse: an answer that brings up more questions keeps the scroll position and the focus', async ({ page }) => {
  await toScope(page);
  await page.locator('[data-question=ai_techniques] input[value=machine_learning]').check();
  const box = page.locator('[data-question=cn_locations] input[value=shanghai]');
  await expect(box).toBeVisible();
  await box.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const before = await scrollY(page);
  expect(before).toBeGreaterThan(0);
  await box.click();
  // The answer brings up the follow-up questions (city reading, role in China).
  await expect(page.locator('[data-question=cn_role]')).toBeVisible();
  await page.waitForTimeout(300);
  expect(Math.abs((await scrollY(page)) - before)).toBeLessThanOrEqual(2);
  await expect(box).toBeFocused();
});

test('keyboard: Space on a checkbox mid-page keeps the scroll position and the focus', async ({ page }) => {
  await toScope(page);
  await page.locator('[data-question=ai_techniques] input[value=nlp]').check();
  const box = page.locator('[data-question=cn_locations] input[value=shenzhen]');
  await box.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await box.focus();
  const before = await scrollY(page);
  await page.keyboard.press('Space');
  await expect(box).toBeChecked();
  await page.waitForTimeout(300);
  expect(Math.abs((await scrollY(page)) - before)).toBeLessThanOrEqual(2);
  await expect(box).toBeFocused();
  // Tab goes on to the next option, as it would on a static page.
  await page.keyboard.press('Tab');
  await expect(page.locator('[data-question=cn_locations] input[value=online_nationwide]')).toBeFocused();
});
