/**
 * The questionnaire end to end in Chromium against the built app: worked examples answered through
 * the UI (one in Chinese), resuming after a reload, switching language mid-way, export → clear →
 * import, a broken import, and no request to any other origin.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { answerAll, answerSection, example, rs, shownResult, storedAssessments, watchOrigins, withOpenAnswer } from './support';

const sorted = (xs: readonly { id: string }[]) => xs.map((x) => x.id).sort();

async function fresh(page: Page) {
  await page.goto('/');
  await expect(page.getByTestId('start')).toBeVisible();
}

test('E1 (Shanghai video-interview scoring) in English: EU and Shanghai high, provider duties listed', async ({ page, baseURL }) => {
  const foreign = watchOrigins(page, baseURL!);
  const { answers, assessment } = example('E1');
  await fresh(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await answerAll(page, answers);
  const shown = await shownResult(page);
  expect(shown).toMatchObject({ EU: 'high', SH: 'high' });
  expect(shown.duties).toEqual(sorted(assessment.duties));
  expect(shown.notices).toEqual(sorted(assessment.notices));
  expect(shown.duties).toEqual(expect.arrayContaining(['EU-9-risk-management']));
  await expect(page.getByTestId('overall-level')).toHaveText('High risk');
  // The duty shows its article, its date and, on demand, the article's text.
  const fria = page.getByTestId('duty-EU-9-risk-management');
  await expect(fria).toContainText('EU-9');
  await expect(fria).toContainText('2 December 2027');
  await fria.locator('details.article-toggle summary').click();
  await expect(fria.locator('blockquote.original')).toContainText('risk management system');
  // A citation leads to the catalogue entry.
  await fria.locator('a.article-link').first().click();
  await expect(page).toHaveURL(/#\/catalogue\/EU-9$/);
  await expect(page.locator('#article-EU-9')).toBeVisible();
  expect(foreign).toEqual([]);
});

test('E2 (Shenzhen bank FAQ chatbot) in Chinese: Shenzhen medium/low, EU out of scope', async ({ page, baseURL }) => {
  const foreign = watchOrigins(page, baseURL!);
  const { answers, assessment } = example('E2');
  await fresh(page);
  await page.getByRole('button', { name: '简体中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('start')).toHaveText(/开始/);
  await answerAll(page, answers);
  const shown = await shownResult(page);
  expect(shown).toMatchObject({ SZ: 'medium_low', EU: 'out_of_scope', SH: 'out_of_scope' });
  expect(shown.duties).toEqual(sorted(assessment.duties));
  expect(shown.duties).toEqual(expect.arrayContaining(['SZ-66.2-disclosure', 'SZ-66.2-tracking', 'SZ-72.1-review']));
  // Art. 66 ¶2 describes the city's supervision model: shown apart, as anticipated, not as an operative duty.
  expect(shown.anticipated).toEqual(['SZ-66.2-disclosure', 'SZ-66.2-tracking']);
  await expect(page.getByTestId('tier-SZ')).toHaveText('中低风险');
  // The Chinese legal text is shown in Chinese.
  const review = page.getByTestId('duty-SZ-72.1-review');
  await review.locator('details.article-toggle summary').click();
  await expect(review.locator('blockquote.original')).toHaveAttribute('lang', 'zh-CN');
  await expect(review.locator('blockquote.original')).toContainText('人工智能');
  expect(foreign).toEqual([]);
});

test('E4 (EU shop recommendations): EU minimal, AI literacy the only duty', async ({ page }) => {
  const { answers } = example('E4');
  await fresh(page);
  await answerAll(page, answers);
  const shown = await shownResult(page);
  expect(shown.EU).toBe('minimal');
  expect(shown.duties).toEqual(['EU-4-literacy']);
});

test('a reload mid-way resumes at the same section with every answer', async ({ page }) => {
  const { answers } = example('E1');
  await fresh(page);
  await page.getByTestId('start').click();
  for (let i = 0; i < 3; i++) {
    await answerSection(page, answers);
    await page.getByTestId('next').click();
  }
  const section = await page.locator('form[data-section]').getAttribute('data-section');
  await answerSection(page, answers);
  const checked = await page.locator('form[data-section] input:checked').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).id));
  expect(checked.length).toBeGreaterThan(0);
  await page.reload();
  await expect(page.locator(`form[data-section="${section}"]`)).toBeVisible();
  const after = await page.locator('form[data-section] input:checked').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).id));
  expect(after).toEqual(checked);
  // ...and finishing from there gives the same result as answering in one go.
  await answerAll(page, answers);
  expect((await shownResult(page)).EU).toBe('high');
});

test('switching language mid-way keeps every answer', async ({ page }) => {
  const { answers } = example('E6');
  await fresh(page);
  await page.getByTestId('start').click();
  await answerSection(page, answers);
  await page.getByTestId('next').click();
  await answerSection(page, answers);
  const heading = await page.locator('#step-heading').textContent();
  const checked = await page.locator('form[data-section] input:checked').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).id));
  await page.getByRole('button', { name: '简体中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('#step-heading')).not.toHaveText(heading!);
  expect(await page.locator('form[data-section] input:checked').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).id))).toEqual(checked);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('#step-heading')).toHaveText(heading!);
  // The choice is remembered across a reload.
  await page.getByRole('button', { name: '简体中文' }).click();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await answerAll(page, answers);
  expect((await shownResult(page)).duties).toEqual(sorted(example('E6').assessment.duties));
});

test('export → new assessment → import restores the same result and duty statuses', async ({ page }) => {
  const { answers } = example('E9');
  await fresh(page);
  await answerAll(page, answers);
  const before = await shownResult(page);
  const first = before.duties[0]!;
  const duty = page.getByTestId(`duty-${first}`);
  await duty.locator('select').selectOption('in_progress');
  await duty.locator('textarea[id^="note-"]').fill('Owner: legal team; due Q1');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export file (JSON)' }).click();
  const file = await (await download).path();
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported).toMatchObject({ format: 'ai-risk-self-assessment', schemaVersion: 3, ruleSet: { version: expect.any(String) }, result: { overall: expect.any(String) } });
  expect(exported.assessment.duties[first]).toEqual({ status: 'in_progress', note: 'Owner: legal team; due Q1' });

  // A new assessment starts beside this one (nothing to confirm: the first stays in the portfolio).
  await page.getByRole('button', { name: 'Start a new assessment' }).first().click();
  await expect(page.getByTestId('start')).toBeVisible();
  await expect(page.getByTestId('start')).toHaveText('Start the assessment');
  expect((await storedAssessments(page)).length).toBe(2);

  // The exported file is the very assessment already in the portfolio: it opens without a question.
  await page.getByTestId('import-input').setInputFiles(file);
  await expect(page.getByTestId('import-count')).toHaveText('1 assessment imported.');
  await expect(page.getByTestId('result')).toBeVisible();
  expect(await shownResult(page)).toEqual(before);
  await expect(page.getByTestId(`duty-${first}`).locator('select')).toHaveValue('in_progress');
  await expect(page.getByTestId(`duty-${first}`).locator('textarea[id^="note-"]')).toHaveValue('Owner: legal team; due Q1');
});

test('a broken import file shows its reasons and changes nothing', async ({ page }) => {
  const { answers } = example('E4');
  await fresh(page);
  await page.getByTestId('start').click();
  await answerSection(page, answers);
  await page.getByTestId('next').click();
  const section = await page.locator('form[data-section]').getAttribute('data-section');
  // Stored, with its result added once the evaluation code has loaded.
  await expect.poll(async () => (await storedAssessments(page))[0]?.assessment.step).toBe(`section:${section}`);
  await expect.poll(async () => !!(await storedAssessments(page))[0]?.result).toBe(true);
  const saved = await storedAssessments(page);

  await page.getByTestId('import-input').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "ai-risk-self-assessment", ') });
  await expect(page.getByTestId('import-refused-item')).toContainText('broken.json');
  await expect(page.getByTestId('import-refused-item')).toContainText('cut short');

  const wrong = { format: 'ai-risk-self-assessment', schemaVersion: 1, ruleSet: { version: '1.0.0', date: '2026-11-23' }, exportedAt: '2026-11-23T00:00:00.000Z',
    assessment: { id: 'abc', step: 'result', duties: {}, createdAt: '2026-11-23T00:00:00.000Z', updatedAt: '2026-11-23T00:00:00.000Z', answers: { ai_techniques: ['telepathy'], __proto__: 'x' } } };
  const text = JSON.stringify(wrong).replace('"answers":{', '"answers":{"__proto__":"x",');
  await page.getByTestId('import-input').setInputFiles({ name: 'wrong.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByTestId('import-refused-item')).toContainText('wrong.json');
  await expect(page.getByTestId('import-refused-item')).toContainText('__proto__');

  await expect(page.locator(`form[data-section="${section}"]`)).toBeVisible();
  expect(await storedAssessments(page)).toEqual(saved);
});

test('changing an earlier answer removes the answers it hides, and says so', async ({ page }) => {
  const { answers } = example('E1');
  await fresh(page);
  await answerAll(page, answers);
  await expect(page.getByTestId('tier-EU')).toHaveAttribute('data-tier', 'high');
  await page.getByRole('button', { name: 'Review answers' }).click();
  await page.getByTestId('review').getByRole('button', { name: /Change.*Scope/ }).click();
  await page.locator('[data-question="eu_nexus"] input[value="none"]').check();
  await expect(page.locator('.notice.dropped')).toBeVisible();
  await expect(page.locator('.notice.dropped li').first()).toBeVisible();
  await expect(page.locator('[data-question="eu_roles"]')).toHaveCount(0);
});

test('"not sure" gives needs review: the strictest tier still possible, and a link back to the open question', async ({ page }) => {
  const { answers, question, assessment } = withOpenAnswer('E1', 'EU');
  await fresh(page);
  await answerAll(page, answers);
  await expect(page.getByTestId('tier-EU')).toHaveAttribute('data-tier', 'needs_review');
  const card = page.getByTestId('regime-EU');
  const label = JSON.parse(readFileSync('src/i18n/locales/en/result.json', 'utf8')).tier[assessment.regimes.EU.worstCase!];
  await expect(card.locator('.worst-case')).toContainText(`Strictest tier still possible: ${label}`);
  const text = rs.questionById.get(question)!.text.en;
  await card.locator('.open-questions').getByRole('button', { name: text }).click();
  await expect(page.locator(`[data-question="${question}"]`)).toBeVisible();
  expect(await page.evaluate((q) => !!document.activeElement?.closest(`[data-question="${q}"]`), question)).toBe(true);
});

test.describe('with a Chinese browser', () => {
  test.use({ locale: 'zh-CN' });
  test('the first language follows the browser', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByTestId('start')).toHaveText('开始评估');
  });
});
