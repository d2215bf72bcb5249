/**
 * A worker thread of the PDF pool (pdf-pool.ts): takes the rule set from the pool once, reads the font
 * once, says it is ready, then makes the PDF of each job it is sent and posts back its bytes (moved,
 * not copied) or the error. Its font and layout caches stay warm from one PDF to the next.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadPdfAssets } from '../node/pdf-assets';
import { translators } from '../i18n/i18n';
import { jobPdf, type WorkerReply, type WorkerRequest, type WorkerSetup } from './pdf-pool';

if (!parentPort) throw new Error('pdf-worker.ts runs as a worker thread of pdf-pool.ts');
const port = parentPort;
const { rs } = workerData as WorkerSetup;
const assets = loadPdfAssets();
const tFor = translators();

async function make({ id, job }: WorkerRequest) {
  try {
    const bytes = await jobPdf(rs, job, tFor(job.report.language), assets);
    port.postMessage({ id, ok: true, bytes } satisfies WorkerReply, [bytes.buffer as ArrayBuffer]);
  } catch (e) {
    port.postMessage({ id, ok: false, error: e instanceof Error ? e.message : String(e) } satisfies WorkerReply);
  }
}

// One job at a time, in the order sent: a PDF is posted back as soon as it is made (started together,
// the next one's drawing would run before the first one's last step, and hold its result back).
let queue = Promise.resolve();
port.on('message', (request: WorkerRequest) => {
  queue = queue.then(() => make(request));
});
port.postMessage({ ready: true } satisfies WorkerReply);
