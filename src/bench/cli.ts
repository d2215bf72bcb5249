/**
 * The command line on large input (issue #14): an NDJSON file of N records (random valid answer sets
 * from the rule set, `sampleAnswers`, seeded, each with a company name) classified to CSV and to JSON by
 * a fresh process, as a user runs it (`cli-child.ts`: tsx, rule set load and all), stdout to /dev/null
 * (a file: the output itself is checked at the smallest size). Records per second end to end (wall
 * clock) and per CPU second (user + system: what one core does, less sensitive to other load on a
 * shared machine), and peak memory (the child's maxRSS). Then where the time of one record goes, in
 * this process: reading (line split, depth check, JSON.parse, record checks), the engine's assess,
 * the report (present: texts, and the engine's explanations computed on first read), JSON.stringify,
 * UTF-8 encoding, and a CSV row.
 * Targets: ≥ 20,000 records/s end to end on one core, NDJSON → CSV and NDJSON → JSON; peak memory flat
 * as input grows, ≤ 200 MB at 1,000,000 records.
 */
import { spawn } from 'node:child_process';
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { assess, sampleAnswers, seededRandom } from '../engine';
import type { RuleSet } from '../engine';
import { createI18n } from '../i18n/i18n';
import { csvLine } from '../lib/csv';
import { present } from '../report/present';
import { CSV_COLUMNS, type CsvSubject, memoT } from '../cli/classify';
import { readInput } from '../cli/inputs';

const ROOT = resolve(import.meta.dirname, '../..');
const DATE = '2026-11-23';

/** Writes the corpus: `sizes` files, each the first n records of the same seeded sequence. */
async function corpus(rs: RuleSet, dir: string, sizes: number[]): Promise<string[]> {
  const rng = seededRandom(42);
  const max = Math.max(...sizes);
  const files = sizes.map((n) => join(dir, `records-${n}.ndjson`));
  const handles = await Promise.all(files.map((f) => open(f, 'w')));
  let buf = '';
  let blockStart = 0;
  for (let i = 0; i < max; i++) {
    buf += `${JSON.stringify({ meta: { company: i % 2 ? `Tenant ${i} Ltd` : `租户${i}科技有限公司` }, answers: sampleAnswers(rs, rng) })}\n`;
    // A block ends at every size, so that each file holds exactly its first n records.
    if (buf.length > 1 << 20 || sizes.includes(i + 1) || i + 1 === max) {
      await Promise.all(handles.map((h, k) => (blockStart < sizes[k]! ? h.write(buf) : undefined)));
      buf = '';
      blockStart = i + 1;
    }
  }
  await Promise.all(handles.map((h) => h.close()));
  return files;
}

interface Run {
  wallMs: number;
  cpuMs: number;
  maxRssMb: number;
  code: number | null;
}

/** One `classify` run in a fresh process; stdout to `outFile` (default /dev/null). */
function runCli(file: string, format: string, outFile = '/dev/null'): Promise<Run> {
  const out = openSync(outFile, 'w');
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/bench/cli-child.ts'), 'classify', file, '--format', format, '--date', DATE], {
    cwd: ROOT,
    stdio: ['ignore', out, 'pipe', 'pipe'],
  });
  let err = '';
  let usage = '';
  child.stderr!.on('data', (d) => (err += d));
  child.stdio[3]!.on('data', (d) => (usage += d));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => {
      closeSync(out);
      const wallMs = performance.now() - started;
      if (code !== 0 || !usage) return fail(new Error(`cli ${format} on ${file} exited ${code}: ${err.slice(0, 2000)}`));
      const u = JSON.parse(usage) as { maxRssKb: number; userUs: number; systemUs: number };
      done({ wallMs, cpuMs: (u.userUs + u.systemUs) / 1000, maxRssMb: u.maxRssKb / 1024, code });
    });
  });
}

async function countLines(file: string): Promise<number> {
  let n = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) n++;
  return n;
}

/** Microseconds per record in each step, over the first `n` records, in batches (memory bounded). */
export async function breakdown(rs: RuleSet, file: string, n: number) {
  const t = memoT(createI18n('en').t);
  const us = { read: 0, assess: 0, explain: 0, present: 0, stringify: 0, encode: 0, csv: 0 };
  let bytes = 0;
  let done = 0;
  let batch: unknown[] = [];
  const clock = () => performance.now() * 1000;
  const run = () => {
    let s = clock();
    const as = batch.map((answers) => {
      const r = assess(rs, answers, { date: DATE });
      if (!r.ok) throw new Error('corpus record rejected');
      return r.assessment;
    });
    us.assess += clock() - s;
    s = clock();
    for (const a of as) csvLine(CSV_COLUMNS.map((c) => c.cell(a as unknown as CsvSubject)));
    us.csv += clock() - s;
    // The engine's explanations, computed on first read: read here first, so that `present` is timed alone.
    s = clock();
    for (const a of as) {
      for (const g of ['SH', 'SZ', 'EU'] as const) void [a.regimes[g].reasons, a.regimes[g].ruledOut, a.regimes[g].openQuestions];
      void a.gpai.openQuestions;
      for (const d of [...a.duties, ...a.notices]) void d.dependsOn;
    }
    us.explain += clock() - s;
    s = clock();
    const reports = as.map((a) => present(rs, a, 'en', t));
    us.present += clock() - s;
    s = clock();
    const json = reports.map((r) => JSON.stringify(r));
    us.stringify += clock() - s;
    s = clock();
    for (const j of json) bytes += Buffer.from(j).length;
    us.encode += clock() - s;
    done += batch.length;
    batch = [];
  };
  let s = clock();
  for await (const item of readInput(file, rs)) {
    if (!item.record) throw new Error('corpus record refused');
    batch.push(item.record.answers);
    if (batch.length === 1000) {
      us.read += clock() - s;
      run();
      s = clock();
    }
    if (done + batch.length >= n) break;
  }
  us.read += clock() - s;
  if (batch.length) run();
  const per = (x: number) => x / done;
  return { per: Object.fromEntries(Object.entries(us).map(([k, v]) => [k, per(v)])) as typeof us, jsonBytes: bytes / done };
}

export async function benchCli(rs: RuleSet, { sizes = [20_000, 1_000_000] } = {}): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cli-bench-'));
  try {
    const t0 = performance.now();
    const files = await corpus(rs, dir, sizes);
    const genS = (performance.now() - t0) / 1000;
    const lines: string[] = [];
    const fmt = (x: number) => Math.round(x).toLocaleString('en');
    const results: Record<string, Run[]> = { csv: [], json: [] };
    for (const [k, file] of files.entries()) {
      const n = sizes[k]!;
      for (const format of ['csv', 'json'] as const) {
        // At the smallest size the output is kept and checked: one row (CSV) or line (JSON array) per record.
        const check = k === 0 ? join(dir, `out.${format}`) : undefined;
        const r = await runCli(file, format, check);
        if (check) {
          const got = await countLines(check);
          const want = format === 'csv' ? n + 1 : n + 2;
          if (got !== want) throw new Error(`${format} output has ${got} lines, expected ${want}`);
          rmSync(check);
        }
        results[format]!.push(r);
        const line = `- ${fmt(n)} records (${(statSync(file).size / 1e6).toFixed(0)} MB NDJSON) → ${format.toUpperCase()}: **${fmt(n / (r.wallMs / 1000))} records/s** end to end (${(r.wallMs / 1000).toFixed(1)} s), ${fmt(n / (r.cpuMs / 1000))} per CPU second; peak memory **${fmt(r.maxRssMb)} MB**`;
        console.log(line);
        lines.push(line);
      }
    }
    if (sizes.length > 1) {
      const [a, b] = [0, sizes.length - 1];
      const steady = (f: 'csv' | 'json') => fmt((sizes[b]! - sizes[a]!) / ((results[f]![b]!.wallMs - results[f]![a]!.wallMs) / 1000));
      lines.push(`- past start-up (tsx, rule set; the difference between ${fmt(sizes[a]!)} and ${fmt(sizes[b]!)} records): CSV ${steady('csv')} records/s, JSON ${steady('json')} records/s`);
    }
    const b = await breakdown(rs, files[0]!, Math.min(sizes[0]!, 20_000));
    const p = b.per;
    const f1 = (x: number) => `${x.toFixed(1)} µs`;
    lines.push(
      `- where the time of one record goes (this process, first ${fmt(Math.min(sizes[0]!, 20_000))} records): read ${f1(p.read)} (line split, depth check, JSON.parse, record checks), engine \`assess\` ${f1(p.assess)}; then for CSV a row ${f1(p.csv)}; for JSON the engine's explanations (reasons, ruled-out tiers, open questions, duty dependencies: computed on first read) ${f1(p.explain)}, the report's texts (\`present\`) ${f1(p.present)}, \`JSON.stringify\` ${f1(p.stringify)}, UTF-8 encoding ${f1(p.encode)} (${fmt(b.jsonBytes)} bytes of JSON per record)`,
      `- corpus generated in ${genS.toFixed(1)} s; machine: ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), Node ${process.version}, load average at the end ${loadavg()[0]!.toFixed(1)} (other work on the machine slows the wall-clock figures)`,
    );
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
