/**
 * Exports of many assessments from the portfolio page: the CSV table, and the checklist PDFs as one
 * zip holding one PDF per assessment — the same document the result page and the command line make,
 * so each tenant's checklist can be forwarded to that tenant on its own. PDFs are made one after
 * another, yielding between them so the page stays responsive, reports progress and can be stopped.
 */
import { Zip, ZipPassThrough } from 'fflate';
import type { TFunction } from 'i18next';
import { loadArticleTexts, loadTexts, ruleSet } from '../app/rules';
import { loadNamespace } from '../app/i18n';
import { assess, localIsoDate } from '../engine/assess';
import type { Lang } from '../engine/constants';
import { displayName, fileStem, type AssessmentRecord } from '../report/assessment-file';
import { loadBrowserPdfAssets } from '../report/pdf/browser-assets';
import { present, withCohort } from '../result/present';
import { portfolioCsv } from './csv';
import type { PortfolioRow } from './rows';

export function csvBlob(rows: readonly PortfolioRow[]): Blob {
  return new Blob([portfolioCsv(rows, ruleSet.version)], { type: 'text/csv;charset=utf-8' });
}

export interface ZipOutcome {
  blob: Blob;
  written: number;
  failed: { name: string; reason: string }[];
  stopped: boolean;
}

export async function pdfZip(
  records: readonly AssessmentRecord[],
  lang: Lang,
  t: TFunction,
  onProgress: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<ZipOutcome> {
  const [pdf, assets] = await Promise.all([import('../report/pdf/browser'), loadBrowserPdfAssets(), loadTexts(lang, ['q', 'p', 'r']), loadArticleTexts(), loadNamespace('report'), loadNamespace('catalogue')]);
  const parts: Uint8Array[] = [];
  let zipError: Error | undefined;
  const zip = new Zip((err, chunk) => {
    if (err) zipError = err;
    else parts.push(chunk);
  });
  const date = localIsoDate();
  const taken = new Set<string>();
  const failed: ZipOutcome['failed'] = [];
  let written = 0;
  for (const [i, rec] of records.entries()) {
    if (signal?.aborted) break;
    const label = displayName(rec) || rec.id;
    try {
      const res = assess(ruleSet, rec.answers, { date });
      if (!res.ok) throw new Error(res.errors[0]?.message ?? 'invalid answers');
      const report = withCohort(present(ruleSet, res.assessment, lang, t), rec.cohort);
      const bytes = await pdf.makeChecklistPdf({ rs: ruleSet, report, answers: rec.answers, duties: rec.duties, ...(rec.assessor ? { assessor: rec.assessor } : {}), t }, assets);
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
  return { blob: new Blob(parts as Uint8Array<ArrayBuffer>[], { type: 'application/zip' }), written, failed, stopped: !!signal?.aborted };
}
