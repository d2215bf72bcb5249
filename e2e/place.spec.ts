/**
 * The questionnaire never loses the place: choosing an option mid-page, with the mouse or the
 * keyboard, leaves the scroll position and the focus where they are, even when the answer brings up
 * more questions; the heading takes the focus only when the section changes.
 */
import { expect, test, type Page } from '@playwright/test';
import { answerSection, example } from './support';

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

/** Waits until the page has stopped scrolling (an earlier answer may have brought questions into sight). */
async function settled(page: Page) {
  let last = -1;
  await expect
    .poll(async () => {
      const y = await scrollY(page);
      const still = y === last;
      last = y;
      return still;
    }, { intervals: [150] })
    .toBe(true);
}

test('mouse: an answer that brings up more questions in sight keeps the scroll position and the focus', async ({ page }) => {
  await toScope(page);
  await page.locator('[data-question=ai_techniques] input[value=machine_learning]').check();
  await settled(page);
  const box = page.locator('[data-question=cn_locations] input[value=shanghai]');
  await expect(box).toBeVisible();
  // Mid-page, with room below for what the answer brings up (wholly below the window, it is brought into sight: next test).
  await box.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const before = await scrollY(page);
  expect(before).toBeGreaterThan(0);
  await box.click();
  // The answer brings up the follow-up questions (city reading, role in China).
  await expect(page.locator('[data-question=cn_role]')).toBeInViewport();
  await page.waitForTimeout(300);
  expect(Math.abs((await scrollY(page)) - before)).toBeLessThanOrEqual(2);
  await expect(box).toBeFocused();
});

test('questions an answer brings up are announced, and brought just into sight when they appear wholly below the window', async ({ page }) => {
  await toScope(page);
  await page.locator('[data-question=ai_techniques] input[value=machine_learning]').check();
  await settled(page);
  const box = page.locator('[data-question=cn_locations] input[value=shanghai]');
  // The option at the very bottom of the window: what its answer brings up starts below it.
  await box.evaluate((el) => el.scrollIntoView({ block: 'end' }));
  const role = page.locator('[data-question=cn_role]');
  await box.click();
  await expect(page.getByTestId('more-questions')).toHaveText(/^\d+ more questions? below/);
  await expect.poll(async () => (await role.boundingBox())!.y).toBeLessThan(600);
  await expect(box).toBeFocused();
});

test('keyboard: Space on a checkbox mid-page keeps the scroll position and the focus', async ({ page }) => {
  await toScope(page);
  await page.locator('[data-question=ai_techniques] input[value=nlp]').check();
  await settled(page);
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

test('Back and Forward move between sections and pages, and Back never leaves the app mid-assessment', async ({ page }) => {
  const { answers } = example('E4');
  await page.goto('/');
  await page.getByTestId('start').click();
  const sections: string[] = [];
  for (let i = 0; i < 3; i++) {
    const form = page.locator('form[data-section]');
    const id = (await form.getAttribute('data-section'))!;
    sections.push(id);
    await expect(page).toHaveURL(new RegExp(`#/section/${id}$`));
    if (i === 2) break;
    await answerSection(page, answers);
    await page.getByTestId('next').click();
    await expect(page.locator(`form[data-section="${id}"]`)).toHaveCount(0);
  }
  const shows = async (id: string) => {
    await expect(page.locator(`form[data-section="${id}"]`)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`#/section/${id}$`));
  };
  await page.goBack();
  await shows(sections[1]!);
  await page.goBack();
  await shows(sections[0]!);
  await page.goForward();
  await shows(sections[1]!);
  await page.goForward();
  await shows(sections[2]!);
  // Another page and back: the assessment where it was.
  await page.getByRole('link', { name: 'Portfolio' }).click();
  await expect(page.getByTestId('portfolio')).toBeVisible();
  await page.goBack();
  await shows(sections[2]!);
  // Back to the start: the introduction, still in the app.
  for (const id of [sections[1]!, sections[0]!]) {
    await page.goBack();
    await shows(id);
  }
  await page.goBack();
  await expect(page.getByTestId('start')).toBeVisible();
  await expect(page).toHaveURL(/#\/intro$/);
});

test('the tab title follows the language', async ({ page }) => {
  const { readFileSync } = await import('node:fs');
  const title = (lang: string) => (JSON.parse(readFileSync(`src/i18n/locales/${lang}/app.json`, 'utf8')) as { title: string }).title;
  await page.goto('/');
  await expect(page.getByTestId('start')).toBeVisible();
  await expect(page).toHaveTitle(title('en'));
  await page.getByRole('button', { name: '简体中文' }).click();
  await expect(page).toHaveTitle(title('zh-CN'));
});
