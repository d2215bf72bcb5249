/**
 * `classify … --format docx|md --out DIR`: one Word or Markdown checklist per classified record, named
 * as the PDFs are (output-files.ts), each in its report's language: the document the PDF prints
 * (src/document/export.ts), written by docx.ts or markdown.ts. They are made here one after another (a
 * Word file takes a tenth of a second, a Markdown file a few milliseconds: no worker pool needed); one
 * that fails does not stop the others.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleSet } from '../engine';
import { checklistDocx } from '../document/docx';
import { type ExportFormat, exportParts } from '../document/export';
import { checklistMarkdown } from '../document/markdown';
import type { Report } from '../report/present';
import { documentInput } from '../report/pipeline';
import type { ClassifiedInput } from './classify';
import type { DocumentEdition } from '../document/checklist';
import { BatchError, outputNames, type WrittenFile } from './output-files';
import { translators } from '../i18n/i18n';

/** The file of one report in `format`. */
export async function documentFile(rs: RuleSet, report: Report, input: ClassifiedInput, format: ExportFormat, t = translators()(report.language), edition: DocumentEdition = {}): Promise<Uint8Array> {
  const { doc, labels } = exportParts({ ...documentInput(rs, input, report, t), ...(edition.full ? { full: true } : {}) });
  return format === 'docx' ? checklistDocx(doc, labels) : new TextEncoder().encode(checklistMarkdown(doc, labels));
}

/**
 * Writes the file of each report into `dir`, calling `onWritten` as each is written (in input order).
 * Throws a BatchError at the end if any could not be made or written; the others are written.
 */
export async function writeDocuments(
  rs: RuleSet,
  reports: readonly Report[],
  inputs: readonly ClassifiedInput[],
  dir: string,
  format: ExportFormat,
  onWritten?: (w: WrittenFile, index: number) => void,
  edition: DocumentEdition = {},
): Promise<WrittenFile[]> {
  mkdirSync(dir, { recursive: true });
  const names = outputNames(reports, format);
  const tFor = translators();
  const written: WrittenFile[] = [];
  const failures: BatchError['failures'] = [];
  for (const [index, report] of reports.entries()) {
    const path = join(dir, names[index]!);
    let bytes: Uint8Array;
    try {
      bytes = await documentFile(rs, report, inputs[index]!, format, tFor(report.language), edition);
      writeFileSync(path, bytes);
    } catch (e) {
      failures.push({ index, name: names[index]!, error: e instanceof Error ? e.message : String(e) });
      continue;
    }
    const w = { path, bytes: bytes.length };
    written.push(w);
    onWritten?.(w, index);
  }
  if (failures.length) throw new BatchError(failures, written);
  return written;
}
