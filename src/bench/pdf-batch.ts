/**
 * The command line's batch of checklist PDFs: `writePdfs` (on the pool of pdf-pool.ts) over N PDFs —
 * the nine worked examples in both languages in turn, each with a duty status and a note as users set
 * them — written into a temporary folder. PDFs per second over the whole batch, worker start-up
 * included (workers are started per batch, as a command-line run starts them), median of `runs` runs
 * after one warm-up batch; then the same batch made in this thread alone, for comparison. Target: ≥ 20
 * PDFs/s on the 2-core machine.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { LANGS } from '../engine';
import { createI18n } from '../i18n/i18n';
import type { DutyStatus } from '../assessment/record';
import type { ClassifiedInput } from '../cli/classify';
import { writePdfs } from '../cli/pdf-files';
import { defaultWorkers } from '../cli/pdf-pool';
import type { Report } from '../report/present';
import { exampleReport } from '../testing/report-fixtures';
import { median } from './app';

const DATE = '2026-11-23';
const EXAMPLES = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9'];

/** PDFKit writes page objects uncompressed: count them. */
const pagesOf = (b: Buffer) => (b.toString('latin1').match(/\/Type \/Page[^s]/g) ?? []).length;

export async function benchPdfBatch({ n = 200, runs = 3 } = {}): Promise<string[]> {
  const examples = EXAMPLES.flatMap((id) =>
    LANGS.map((lang) => {
      const { rs, report, answers } = exampleReport(id, lang, DATE);
      const duties: Record<string, DutyStatus> = {};
      if (report.duties[0]) duties[report.duties[0].id] = { status: 'done', note: `Signed off by Legal ${id} · 法务已签字` };
      if (report.duties[1]) duties[report.duties[1].id] = { status: 'in_progress' };
      return { rs, report, input: { answers, duties, meta: {}, assessor: 'Wang Fang 王芳' } as ClassifiedInput };
    }),
  );
  const rs = examples[0]!.rs;
  // Distinct names (writePdfs names files after their input file).
  const reports: Report[] = [];
  const inputs: ClassifiedInput[] = [];
  for (let i = 0; i < n; i++) {
    const e = examples[i % examples.length]!;
    reports.push({ ...e.report, source: { file: `${String(i).padStart(4, '0')}-${e.report.language}.json`, record: 1 } });
    inputs.push(e.input);
  }
  const t = createI18n('en').t;

  const batch = async (workers?: number) => {
    const dir = mkdtempSync(join(tmpdir(), 'pdf-batch-'));
    try {
      const s = performance.now();
      const written = await writePdfs(rs, reports, inputs, dir, t, undefined, workers === undefined ? {} : { workers });
      const ms = performance.now() - s;
      const pages = written.reduce((sum, w) => sum + pagesOf(readFileSync(w.path)), 0);
      const bytes = written.reduce((sum, w) => sum + w.bytes, 0);
      return { rate: (n / ms) * 1000, ms, pages, bytes };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const measure = async (workers?: number) => {
    const xs: Awaited<ReturnType<typeof batch>>[] = [];
    for (let r = 0; r < runs; r++) xs.push(await batch(workers));
    return { ...xs[0]!, rate: median(xs.map((x) => x.rate)), ms: median(xs.map((x) => x.ms)), range: xs.map((x) => x.rate) };
  };
  // One warm-up batch first: this thread's code and caches warm, as in a process making batches in turn.
  await batch();
  const pooled = await measure();
  const alone = await measure(0);
  const rate = (x: number) => x.toFixed(1);
  const range = (xs: number[]) => `${rate(Math.min(...xs))}–${rate(Math.max(...xs))}`;
  return [
    `PDF batch (\`writePdfs\`, as \`classify --format pdf\` runs it): ${n} PDFs, the 9 worked examples × 2 languages in turn, ${pooled.pages.toLocaleString('en')} pages, ${(pooled.bytes / 1024 / 1024).toFixed(1)} MB`,
    `- pooled, ${availableParallelism()} cores (this thread + ${defaultWorkers(n)} worker thread${defaultWorkers(n) === 1 ? '' : 's'}, started per batch): **${rate(pooled.rate)} PDFs/s** (median of ${runs}, range ${range(pooled.range)}; ${(pooled.ms / 1000).toFixed(1)} s per batch); target ≥ 20 PDFs/s`,
    `- this thread alone: ${rate(alone.rate)} PDFs/s (median of ${runs}, range ${range(alone.range)})`,
  ];
}
