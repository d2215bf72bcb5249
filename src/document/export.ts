/**
 * What the Word and Markdown exports start from, in the browser and on the command line alike: the
 * checklist document the PDF prints (checklist.ts, with the same generator) and the labels its identity
 * is printed with, in the report's language; and the file's name, the PDF's with its own extension.
 */
import type { TFunction } from '../i18n/i18n';
import type { Report } from '../report/present';
import { type ChecklistInput, checklistDocument, checklistFileName, type DocumentEdition } from './checklist';
import { GENERATOR } from './generator';
import { exportLabels } from './labels';

export type ExportFormat = 'docx' | 'md';

export function exportParts(input: Omit<ChecklistInput, 'generator'>) {
  return { doc: checklistDocument({ ...input, generator: GENERATOR }), labels: exportLabels(input.t, input.report.language) };
}

/** "ai-risk-checklist-<company>-<product>-<date>.docx" (or .md). */
export function exportFileName(r: Report, t: TFunction, format: ExportFormat, edition: DocumentEdition = {}): string {
  return checklistFileName(r, t, edition).replace(/\.pdf$/, `.${format}`);
}
