/**
 * `portfolio <dir or files…> --out DIR [--lang en|zh-CN] [--date YYYY-MM-DD]`: a cohort's files in one
 * run. Directories are searched (recursively) for .json files; each input may be a file the app
 * exported or an answer file (`{ meta, answers }`, as in rules/examples/). Writes DIR/portfolio.csv —
 * one row per good input, the same columns as the app's "Export CSV" — and one checklist PDF per
 * assessment. Rejected inputs are returned with their reasons; the good ones are still written.
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Lang } from '../engine/constants';
import type { RuleSet } from '../engine/ruleset';
import type { TFunction } from '../i18n/i18n';
import { portfolioCsv } from '../portfolio/csv';
import { portfolioRow, type PortfolioRow } from '../portfolio/rows';
import { fileStem } from '../report/assessment-file';
import { classify } from './classify';
import { type WrittenPdf, writePdfs } from './pdf-files';

export interface PortfolioOptions {
  inputs: string[];
  out: string;
  lang: Lang;
  date: string;
}

export interface PortfolioOutcome {
  csv: string;
  rows: PortfolioRow[];
  pdfs: WrittenPdf[];
  /** One line per rejected input or record, in the user's language. */
  problems: string[];
}

const INPUT_EXTENSIONS = new Set(['.json']);

/** Files named, and the .json files under directories named (sorted, hidden entries skipped). */
export function expandInputs(paths: readonly string[], t: TFunction): { files: string[]; problems: string[] } {
  const files: string[] = [];
  const problems: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const p = join(dir, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else if (INPUT_EXTENSIONS.has(extname(name).toLowerCase())) files.push(p);
    }
  };
  for (const p of paths) {
    let s;
    try {
      s = statSync(p);
    } catch (e) {
      problems.push(`${p}: ${t('cli:input.unreadable', { reason: (e as NodeJS.ErrnoException).code ?? String(e) })}`);
      continue;
    }
    if (s.isDirectory()) {
      const before = files.length;
      walk(p);
      if (files.length === before) problems.push(`${p}: ${t('cli:input.noFilesInDir')}`);
    } else files.push(p);
  }
  return { files, problems };
}

export async function runPortfolio(rs: RuleSet, opts: PortfolioOptions, t: TFunction, onPdf?: (done: number, total: number) => void): Promise<PortfolioOutcome> {
  const { files, problems } = expandInputs(opts.inputs, t);
  const res = classify(rs, { files, format: 'pdf', lang: opts.lang, date: opts.date }, t);
  problems.push(...res.problems);
  const perFile = new Map<string, number>();
  for (const r of res.reports) perFile.set(r.source!.file, (perFile.get(r.source!.file) ?? 0) + 1);
  const rows: PortfolioRow[] = [];
  res.reports.forEach((report, i) => {
    const input = res.inputs[i]!;
    const a = input.assessment;
    const { file, record } = report.source!;
    const source = (perFile.get(file) ?? 0) > 1 ? `${file}#${record}` : file;
    const row = portfolioRow(rs, {
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
    });
    if (row) rows.push(row);
  });
  mkdirSync(opts.out, { recursive: true });
  const csv = join(opts.out, 'portfolio.csv');
  writeFileSync(csv, portfolioCsv(rows, rs.version));
  let done = 0;
  onPdf?.(0, res.reports.length);
  const pdfs = await writePdfs(rs, res.reports, res.inputs, opts.out, t, () => onPdf?.(++done, res.reports.length));
  return { csv, rows, pdfs, problems };
}
