/**
 * Exports of many assessments from the portfolio page: the CSV table, and the checklist PDFs as one
 * zip holding one PDF per assessment — the same document the result page and the command line make,
 * so each tenant's checklist can be forwarded to that tenant on its own. PDFs are made one after
 * another, yielding between them so the page stays responsive, reports progress and can be stopped.
 */
import { Zip, ZipPassThrough } from 'fflate';
import type { TFunction } from 'i18next';
import { loadArticleTexts, loadTexts } from '../ruledata/text-store';
import { loadNamespace } from '../i18n/browser';
import type { Lang, RuleSet } from '../engine';
import { displayName, type AssessmentRecord, type IssuedDocument } from '../assessment/record';
import { documentIdOf, issue } from '../document/identity';
import { fileStem } from '../file-format/assessment-file';
import { loadBrowserPdfAssets } from '../pdf/browser-assets';
import { documentInput, evaluationDate, reportOf } from '../report/pipeline';
import { portfolioCsv, type CsvForm } from './csv';
import type { PortfolioRow } from './rows';

/** The CSV of `rows`: for people in the reader's language, or (`form.codes`) with machine codes. */
export function csvBlob(rs: RuleSet, rows: readonly PortfolioRow[], form: CsvForm): Blob {
  return new Blob([portfolioCsv(rows, rs, form)], { type: 'text/csv;charset=utf-8' });
}

export interface ZipOutcome {
  blob: Blob;
  written: number;
  failed: { name: string; reason: string }[];
  stopped: boolean;
  /** Per assessment id, the document now issued for it where that changed (to keep with the record). */
  issued: Map<string, IssuedDocument>;
}

export async function pdfZip(
  rs: RuleSet,
  records: readonly AssessmentRecord[],
  lang: Lang,
  t: TFunction,
  onProgress: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<ZipOutcome> {
  const [pdf, assets] = await Promise.all([import('../pdf/browser'), loadBrowserPdfAssets(), loadTexts(lang, ['q', 'p', 'r']), loadArticleTexts(), loadNamespace('pdf'), loadNamespace('catalogue')]);
  const parts: Uint8Array[] = [];
  let zipError: Error | undefined;
  const zip = new Zip((err, chunk) => {
    if (err) zipError = err;
    else parts.push(chunk);
  });
  const date = evaluationDate();
  const taken = new Set<string>();
  const failed: ZipOutcome['failed'] = [];
  const issued: ZipOutcome['issued'] = new Map();
  let written = 0;
  for (const [i, rec] of records.entries()) {
    if (signal?.aborted) break;
    const label = displayName(rec) || rec.id;
    try {
      const report = reportOf(rs, rec, lang, t, date);
      if (!report) throw new Error('invalid answers');
      const input = documentInput(rs, rec, report, t);
      const bytes = await pdf.makeChecklistPdf(input, assets);
      const now = issue(rec.issued, documentIdOf(input), report.assessedOn).issued;
      if (now !== rec.issued) issued.set(rec.id, now);
      // One name per assessment: the checklist's own name, made unique by the record id where needed.
      let name = pdf.checklistFileName(report, t);
      if (taken.has(name.toLowerCase())) name = name.replace(/\.pdf$/, `-${fileStem(rec.id, 12)}.pdf`);
      taken.add(name.toLowerCase());
      const entry = new ZipPassThrough(name);
      zip.add(entry);
      entry.push(bytes, true);
      written++;
    } catch (e) {
      failed.push({ name: label, reason: e instanceof Error ? e.message : String(e) });
    }
    onProgress(i + 1, records.length);
    await new Promise((r) => setTimeout(r, 0));
  }
  zip.end();
  if (zipError) throw zipError;
  return { blob: new Blob(parts as Uint8Array<ArrayBuffer>[], { type: 'application/zip' }), written, failed, stopped: !!signal?.aborted, issued };
}
