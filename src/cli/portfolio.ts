/**
 * `portfolio <dir or files…> --out DIR [--lang en|zh-CN] [--date YYYY-MM-DD]`: a cohort's files in one
 * run. Folders are walked (walk.ts: links followed once, loops, broken links, unreadable folders and
 * special files each named, the walk going on) for .json files; each input may be a file the app
 * exported or an answer file (`{ meta, answers }`, as in rules/examples/). Writes DIR/portfolio.csv —
 * one row per good input, the same columns as the app's "Export CSV" — and one checklist PDF per
 * assessment. Rejected inputs are returned with their reasons; the good ones are still written, and a
 * PDF that cannot be made does not stop the others.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Lang, RuleSet } from '../engine';
import type { TFunction } from '../i18n/i18n';
import { portfolioCsv } from '../portfolio/csv';
import { portfolioRow, type PortfolioRow } from '../portfolio/rows';
import { fileStem } from '../file-format/assessment-file';
import { classifyAll, problemLine } from './classify';
import type { FsApi } from './inputs';
import { PdfBatchError, type WrittenPdf, writePdfs } from './pdf-files';
import { expandInputs } from './walk';

export interface PortfolioOptions {
  inputs: string[];
  out: string;
  lang: Lang;
  date: string;
  /** portfolio.csv with machine codes (tier ids, ISO instants) instead of headers and labels in `lang`. */
  codes?: boolean;
  fs?: FsApi;
}

export interface PortfolioOutcome {
  csv: string;
  rows: PortfolioRow[];
  pdfs: WrittenPdf[];
  /** One line per rejected input or record, in the user's language. */
  problems: string[];
  /** Not errors: a file or folder reached a second time through a link (read once). */
  notices: string[];
  /** PDFs that could not be made (the others are written): output name and reason. */
  pdfFailures: { name: string; error: string }[];
}

export async function runPortfolio(rs: RuleSet, opts: PortfolioOptions, t: TFunction, onPdf?: (done: number, total: number) => void): Promise<PortfolioOutcome> {
  const walked = await expandInputs(opts.inputs, ['.json'], opts.fs);
  const problems = walked.problems.map((p) => problemLine(p, t));
  const notices = walked.notices.map((p) => problemLine(p, t));
  const res = await classifyAll(rs, { files: walked.files, lang: opts.lang, date: opts.date, ...(opts.fs ? { fs: opts.fs } : {}) }, t);
  problems.push(...res.problems);
  const perFile = new Map<string, number>();
  for (const r of res.reports) perFile.set(r.source!.file, (perFile.get(r.source!.file) ?? 0) + 1);
  const rows: PortfolioRow[] = [];
  res.reports.forEach((report, i) => {
    const input = res.inputs[i]!;
    const a = input.assessment;
    const { file, record } = report.source!;
    const source = (perFile.get(file) ?? 0) > 1 ? `${file}#${record}` : file;
    let row: PortfolioRow | undefined;
    try {
      row = portfolioRow(rs, {
        id: a?.id ?? (fileStem(basename(file, extname(file)), 50) || 'input') + ((perFile.get(file) ?? 0) > 1 ? `-${record}` : ''),
        answers: input.answers,
        duties: input.duties,
        updatedAt: a?.updatedAt ?? `${opts.date}T00:00:00.000Z`,
        ...(a?.title ? { title: a.title } : {}),
        ...(a?.cohort ? { cohort: a.cohort } : {}),
        ...(input.assessor ? { assessor: input.assessor } : {}),
        ...(input.meta.company ? { company: input.meta.company } : {}),
        ...(input.meta.product ? { product: input.meta.product } : {}),
        source,
      }, { ok: true, assessment: res.evaluations[i]! });
    } catch (e) {
      problems.push(problemLine({ file, record, key: 'cli:input.failed', params: { reason: e instanceof Error ? e.message.slice(0, 200) : String(e).slice(0, 200) } }, t));
      return;
    }
    if (row) rows.push(row);
  });
  mkdirSync(opts.out, { recursive: true });
  const csv = join(opts.out, 'portfolio.csv');
  writeFileSync(csv, portfolioCsv(rows, rs, opts.codes ? { codes: true } : { lang: opts.lang, t }));
  let done = 0;
  onPdf?.(0, res.reports.length);
  let pdfs: WrittenPdf[];
  let pdfFailures: PortfolioOutcome['pdfFailures'] = [];
  try {
    pdfs = await writePdfs(rs, res.reports, res.inputs, opts.out, t, () => onPdf?.(++done, res.reports.length));
  } catch (e) {
    if (!(e instanceof PdfBatchError)) throw e;
    pdfs = e.written;
    pdfFailures = e.failures.map(({ name, error }) => ({ name, error }));
  }
  return { csv, rows, pdfs, problems, notices, pdfFailures };
}
