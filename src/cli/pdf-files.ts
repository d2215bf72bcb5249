/**
 * `classify … --format pdf --out DIR`: one checklist PDF per classified record, named after its input
 * file (and record number, for files holding several), never overwriting another output of the run.
 * The PDFs are made on a pool of worker threads (pdf-pool.ts); one that fails does not stop the others.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { RuleSet } from '../engine';
import type { TFunction } from '../i18n/i18n';
import { fileStem } from '../file-format/assessment-file';
import type { Report } from '../report/present';
import type { ClassifiedInput } from './classify';
import { type PdfBatchOptions, renderPdfs } from './pdf-pool';

export interface WrittenPdf {
  path: string;
  bytes: number;
}

/** Output names: "<input name>.pdf", "<input name>-<record>.pdf" where a file held several records. */
export function pdfNames(reports: Report[]): string[] {
  const perFile = new Map<string, number>();
  for (const r of reports) perFile.set(r.source?.file ?? '', (perFile.get(r.source?.file ?? '') ?? 0) + 1);
  const taken = new Set<string>();
  return reports.map((r, i) => {
    const file = r.source?.file ?? '';
    const stem = fileStem(basename(file, extname(file)), 100) || `assessment-${i + 1}`;
    const base = (perFile.get(file) ?? 0) > 1 ? `${stem}-${r.source?.record ?? i + 1}` : stem;
    let name = `${base}.pdf`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}.pdf`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/** Thrown by `writePdfs` after the other PDFs were written: which could not be made, and why. */
export class PdfBatchError extends Error {
  constructor(
    readonly failures: { index: number; name: string; error: string }[],
    readonly written: WrittenPdf[],
  ) {
    super(failures.map((f) => `${f.name}: ${f.error}`).join('; '));
    this.name = 'PdfBatchError';
  }
}

/**
 * Writes the PDF of each report into `dir`, calling `onWritten` as each file is written (in input
 * order). Throws a PdfBatchError at the end if any could not be made; the others are written.
 * Each PDF is in its report's language, made with `createI18n(language).t` in whichever thread makes
 * it, so that every thread makes the same file: the `t` passed (the reports' language) is not used.
 */
export async function writePdfs(
  rs: RuleSet,
  reports: Report[],
  inputs: ClassifiedInput[],
  dir: string,
  _t: TFunction,
  onWritten?: (w: WrittenPdf, index: number) => void,
  opts: PdfBatchOptions = {},
): Promise<WrittenPdf[]> {
  mkdirSync(dir, { recursive: true });
  const names = pdfNames(reports);
  const jobs = reports.map((report, i) => {
    const { answers, duties, assessor } = inputs[i]!;
    return { report, answers, duties, ...(assessor ? { assessor } : {}) };
  });
  const written: WrittenPdf[] = [];
  const failures: PdfBatchError['failures'] = [];
  await renderPdfs(
    rs,
    jobs,
    (index, outcome) => {
      const path = join(dir, names[index]!);
      try {
        if (!outcome.ok) throw new Error(outcome.error);
        writeFileSync(path, outcome.bytes);
      } catch (e) {
        failures.push({ index, name: names[index]!, error: (e as Error).message });
        return;
      }
      const w = { path, bytes: outcome.bytes.length };
      written.push(w);
      onWritten?.(w, index);
    },
    opts,
  );
  if (failures.length) throw new PdfBatchError(failures, written);
  return written;
}
