/**
 * `classify … --format pdf --out DIR`: one checklist PDF per classified record, named after its input
 * file (and record number, for files holding several), never overwriting another output of the run.
 * The PDFs are made on a pool of worker threads (pdf-pool.ts); one that fails does not stop the others.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleSet } from '../engine';
import type { TFunction } from '../i18n/i18n';
import type { Report } from '../report/present';
import type { ClassifiedInput } from './classify';
import type { DocumentEdition } from '../document/checklist';
import { BatchError, outputNames, type WrittenFile } from './output-files';
import { type PdfBatchOptions, renderPdfs } from './pdf-pool';

export type WrittenPdf = WrittenFile;

/** Output names: "<input name>.pdf", "<input name>-<record>.pdf" where a file held several records. */
export const pdfNames = (reports: Report[]): string[] => outputNames(reports, 'pdf');

/** Thrown by `writePdfs` after the other PDFs were written: which could not be made, and why. */
export class PdfBatchError extends BatchError {
  constructor(failures: BatchError['failures'], written: WrittenPdf[]) {
    super(failures, written);
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
  opts: PdfBatchOptions & DocumentEdition = {},
): Promise<WrittenPdf[]> {
  mkdirSync(dir, { recursive: true });
  const names = pdfNames(reports);
  const jobs = reports.map((report, i) => {
    const { answers, duties, assessor, issued } = inputs[i]!;
    return { report, answers, duties, ...(assessor ? { assessor } : {}), ...(issued ? { issued } : {}), ...(opts.full ? { full: true } : {}) };
  });
  const written: WrittenPdf[] = [];
  const failures: BatchError['failures'] = [];
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
