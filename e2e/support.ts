/**
 * Helpers for the end-to-end tests: answering the questionnaire through the UI from an answer file,
 * and what the engine (run here in Node) says those answers must give; opening a record's result,
 * downloading its documents and making the command line's for comparison.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { createActor } from 'xstate';
import { assess, type AnswerValue, type Lang } from '../src/engine';
import type { AssessmentRecord } from '../src/assessment/record';
import { exportFile } from '../src/file-format/summarize';
import { createQuestionnaireMachine, stepOf } from '../src/questionnaire/machine';
import { fillSection } from '../src/testing/walk';
import { exampleAnswers, projectRules } from '../src/testing/fixtures';

export const rs = projectRules();

/** The answers a user answering from `source` ends up with (sources may leave a shown question open). */
export function intendedAnswers(source: Record<string, unknown>): Record<string, AnswerValue> {
  const actor = createActor(createQuestionnaireMachine(rs), { input: {} }).start();
  actor.send({ type: 'START' });
  for (let i = 0; i < 50 && stepOf(actor.getSnapshot()).startsWith('section:'); i++) {
    const section = stepOf(actor.getSnapshot()).slice(8);
    actor.send({ type: 'ANSWER', answers: fillSection(rs, actor.getSnapshot().context.answers, section, source) });
    actor.send({ type: 'NEXT' });
  }
  return actor.getSnapshot().context.answers;
}

export function example(id: string) {
  const answers = intendedAnswers(exampleAnswers(id) as Record<string, unknown>);
  const r = assess(rs, answers, { date: new Date().toISOString().slice(0, 10) });
  if (!r.ok) throw new Error(`example ${id} does not assess`);
  return { answers, assessment: r.assessment };
}

/** Sets one question's inputs to `value`. */
export async function answerQuestion(page: Page, id: string, value: AnswerValue) {
  const block = page.locator(`[data-question="${id}"]`);
  const type = await block.getAttribute('data-type');
  if (type === 'text' || type === 'number') {
    await block.locator('input, textarea').first().fill(String(value));
  } else if (type === 'multi') {
    const wanted = new Set(value as string[]);
    for (const box of await block.locator('input[type=checkbox]').all()) {
      if (!wanted.has((await box.getAttribute('value'))!) && (await box.isChecked())) await box.uncheck();
    }
    for (const v of wanted) await block.locator(`input[value="${v}"]`).check();
  } else {
    await block.locator(`input[value="${value as string}"]`).check();
  }
}

/** Answers the section on screen from `answers`, question by question as they appear. */
export async function answerSection(page: Page, answers: Record<string, AnswerValue>) {
  const done = new Set<string>();
  for (;;) {
    const ids = await page.locator('[data-question]').evaluateAll((els) => els.map((e) => e.getAttribute('data-question')!));
    const next = ids.find((id) => !done.has(id));
    if (!next) return;
    done.add(next);
    if (answers[next] !== undefined) await answerQuestion(page, next, answers[next]);
  }
}

/** From the intro (or any section) to the result, answering every section on the way. */
export async function answerAll(page: Page, answers: Record<string, AnswerValue>) {
  const start = page.getByTestId('start');
  const anyForm = page.locator('form[data-section]');
  const review = page.getByTestId('review');
  await expect.poll(async () => (await start.isVisible()) || (await anyForm.isVisible()) || (await review.isVisible())).toBe(true);
  if (await start.isVisible()) await start.click();
  for (let i = 0; i < 30; i++) {
    if (await page.getByTestId('review').isVisible()) break;
    const form = page.locator('form[data-section]');
    await expect(form).toBeVisible();
    const section = await form.getAttribute('data-section');
    await answerSection(page, answers);
    await page.getByTestId('next').click();
    await expect(page.locator(`form[data-section="${section}"]`)).toHaveCount(0);
  }
  await page.getByTestId('finish').click();
  await expect(page.getByTestId('result')).toBeVisible();
}

/** Tiers and duties shown on the result page. */
export async function shownResult(page: Page) {
  const tier = async (r: string) => page.getByTestId(`tier-${r}`).getAttribute('data-tier');
  return {
    SH: await tier('SH'),
    SZ: await tier('SZ'),
    EU: await tier('EU'),
    // Every duty the engine lists: the operative ones, and the anticipated ones shown apart.
    duties: (await page.locator('.duties [data-duty], .anticipated [data-duty]').evaluateAll((els) => els.map((e) => e.getAttribute('data-duty')!))).sort(),
    anticipated: (await page.locator('.anticipated [data-duty]').evaluateAll((els) => els.map((e) => e.getAttribute('data-duty')!))).sort(),
    notices: (await page.locator('.notices [data-duty]').evaluateAll((els) => els.map((e) => e.getAttribute('data-duty')!))).sort(),
  };
}

/** A page that records every request to another origin. */
export function watchOrigins(page: Page, base: string): string[] {
  const foreign: string[] = [];
  const origin = new URL(base).origin;
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  return foreign;
}

/** E-file answers with one answer turned into "not sure" so that `regime` needs review (found by the engine). */
export function withOpenAnswer(id: string, regime: 'SH' | 'SZ' | 'EU') {
  const base = intendedAnswers(exampleAnswers(id) as Record<string, unknown>);
  for (const q of rs.questions) {
    if (base[q.id] === undefined || q.unknownValues.size === 0) continue;
    const unknown = [...q.unknownValues][0]!;
    const source = { ...base, [q.id]: q.type === 'multi' ? [unknown] : unknown };
    const answers = intendedAnswers(source);
    const r = assess(rs, answers, { date: new Date().toISOString().slice(0, 10) });
    if (r.ok && r.assessment.regimes[regime].tier === 'needs_review') return { answers, question: q.id, assessment: r.assessment };
  }
  throw new Error(`no single "not sure" answer makes ${regime} need review for ${id}`);
}

/** Every assessment entry in the app's IndexedDB (as stored: the exported-file shape). */
export async function storedAssessments(page: Page): Promise<{ assessment: { id: string } & Record<string, unknown>; result?: unknown }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('ai-risk-self-assessment');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const q = db.transaction('assessments').objectStore('assessments').getAll();
          q.onsuccess = () => {
            resolve(q.result);
            db.close();
          };
          q.onerror = () => reject(q.error);
        };
      }),
  );
}

/** Switches the interface language with the header's switch (opening the phone menu first where it is folded). */
export async function chooseLanguage(page: Page, name: 'English' | '简体中文') {
  const toggle = page.getByTestId('menu-toggle');
  const button = page.getByRole('button', { name });
  // Right after a navigation the header may not be drawn yet (`isVisible()` then answers "no" at once),
  // and the phone menu closes itself when the page changes: open it until the switch shows.
  await expect(async () => {
    if (!(await button.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true' && (await toggle.isVisible())) await toggle.click();
    await expect(button).toBeVisible({ timeout: 2_000 });
  }).toPass();
  await button.click();
}

const ROOT = resolve(import.meta.dirname, '..');

/** An example's record at its result, with an assessor and the first duties done or found not to apply, each with a note. */
export function resultRecord(id: string, name: string, notes: { done: string; second: { status: 'not_applicable' | 'in_progress'; note?: string } }): AssessmentRecord {
  const { answers, assessment } = example(id);
  const [first, second] = assessment.duties;
  const now = new Date().toISOString();
  return {
    id: `e2e-${name}-${id}`,
    assessor: 'Li Wei 李伟',
    answers,
    step: 'result',
    duties: {
      ...(first ? { [first.id]: { status: 'done' as const, note: notes.done } } : {}),
      ...(second ? { [second.id]: notes.second } : {}),
    },
    createdAt: now,
    updatedAt: now,
  };
}

/** Opens `rec` by importing its file on a fresh page, in `lang`, and waits for its result. */
export async function openResult(page: Page, rec: AssessmentRecord, lang: Lang) {
  await page.goto('/');
  await expect(page.getByTestId('start')).toBeVisible();
  if (lang === 'zh-CN') await chooseLanguage(page, '简体中文');
  await page.getByTestId('import-input').setInputFiles({ name: 'assessment.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exportFile(rs, rec))) });
  await expect(page.getByTestId('result')).toBeVisible();
}

/** Clicks the download button `testId` and reads the file it gives. */
export async function download(page: Page, testId: string): Promise<{ bytes: Uint8Array; name: string }> {
  const d = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const got = await d;
  return { bytes: new Uint8Array(readFileSync((await got.path())!)), name: got.suggestedFilename() };
}

/** Today in the page's local calendar (the date its documents are made as of). */
export function pageToday(page: Page): Promise<string> {
  return page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
}

/** The command line's document of the same assessment file on the same date (`classify --format … --out`). */
export function cliDocument(rec: AssessmentRecord, lang: Lang, date: string, format: 'pdf' | 'docx' | 'md'): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), `e2e-cli-${format}-`));
  const file = join(dir, 'assessment.json');
  writeFileSync(file, JSON.stringify(exportFile(rs, rec)));
  execFileSync('npx', ['tsx', 'src/cli/main.ts', 'classify', file, '--format', format, '--out', dir, '--lang', lang, '--date', date], { cwd: ROOT, stdio: 'pipe' });
  return new Uint8Array(readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith(`.${format}`))!)));
}
