/**
 * The PDF pool: worker threads make the same bytes as `checklistPdf` in this thread, hand results over
 * in input order, report a job that fails without losing the others, and are gone when the batch ends.
 */
import { documentInput } from '../report/pipeline';
import { describe, expect, it } from 'vitest';
import { loadPdfAssets } from '../node/pdf-assets';
import type { DutyStatus } from '../assessment/record';
import { checklistPdf } from '../pdf/checklist-pdf';
import { exampleReport } from '../testing/report-fixtures';
import { type PdfJob, type PdfOutcome, renderPdfs, runningWorkers } from './pdf-pool';

const EXAMPLES = [
  ['E1', 'en'],
  ['E5', 'zh-CN'],
  ['E7', 'en'],
  ['E9', 'zh-CN'],
] as const;

function example(id: string, lang: 'en' | 'zh-CN') {
  const { rs, report, answers, t } = exampleReport(id, lang);
  const duties: Record<string, DutyStatus> = {};
  if (report.duties[0]) duties[report.duties[0].id] = { status: 'done', note: `checked ${id} · 已核对` };
  const job: PdfJob = { report, answers, duties, assessor: 'Wang Fang 王芳' };
  return { rs, job, t };
}

async function batch(jobs: PdfJob[], opts: Parameters<typeof renderPdfs>[3]) {
  const { rs } = example('E1', 'en');
  const results: [number, PdfOutcome][] = [];
  await renderPdfs(rs, jobs, (i, o) => results.push([i, o]), opts);
  return results;
}

describe('renderPdfs', () => {
  const examples = EXAMPLES.map(([id, lang]) => example(id, lang));
  const jobs = examples.map((e) => e.job);

  it('makes on worker threads the bytes checklistPdf makes here, in input order, then stops the workers', async () => {
    const results = await batch(jobs, { workers: 2, here: false });
    expect(results.map(([i]) => i)).toEqual([0, 1, 2, 3]);
    const assets = loadPdfAssets();
    for (const [i, outcome] of results) {
      const { rs, job, t } = examples[i]!;
      const here = await checklistPdf(documentInput(rs, job, job.report, t), assets);
      expect(outcome.ok, outcome.ok ? '' : outcome.error).toBe(true);
      if (outcome.ok) expect(Buffer.from(outcome.bytes).equals(Buffer.from(here)), `${EXAMPLES[i]!.join(' ')}`).toBe(true);
    }
    expect(runningWorkers()).toBe(0);
  });

  it('reports a job that fails and still makes the others, with this thread working too', async () => {
    const broken = { ...jobs[1]!, report: { ...jobs[1]!.report, duties: null } } as unknown as PdfJob;
    const results = await batch([jobs[0]!, broken, jobs[2]!, jobs[0]!], { workers: 1 });
    expect(results.map(([i]) => i)).toEqual([0, 1, 2, 3]);
    expect(results.map(([, o]) => o.ok)).toEqual([true, false, true, true]);
    const failed = results[1]![1];
    if (!failed.ok) expect(failed.error).toMatch(/\S/);
    const [, first] = results[0]!;
    const [, last] = results[3]!;
    if (first.ok && last.ok) expect(Buffer.from(first.bytes).equals(Buffer.from(last.bytes))).toBe(true);
  });

  it('makes them here alone for a small batch or no workers', async () => {
    const results = await batch(jobs.slice(0, 2), { workers: 0 });
    expect(results.map(([i, o]) => [i, o.ok])).toEqual([
      [0, true],
      [1, true],
    ]);
  });

  it('stops, workers and all, when the caller fails on a result', async () => {
    const { rs } = examples[0]!;
    await expect(
      renderPdfs(rs, [...jobs, ...jobs], (i) => {
        if (i === 1) throw new Error('disk full');
      }, { workers: 1 }),
    ).rejects.toThrow('disk full');
    expect(runningWorkers()).toBe(0);
  });
});
