/**
 * Saving assessments as files from the browser: one JSON file, or a zip of them when there are several.
 * The file's result is computed when it is written (summarize.ts is fetched then, not at first load).
 */
import type { RuleSet } from '../engine';
import type { AssessmentRecord } from '../assessment/record';
import { downloadBlob } from '../lib/download';
import { fileName } from './assessment-file';

const productOf = (r: AssessmentRecord) => (typeof r.answers.product_name === 'string' ? r.answers.product_name : undefined);

/** Downloads one assessment as its JSON file. */
export async function exportRecord(rs: RuleSet, record: AssessmentRecord): Promise<void> {
  const { exportFile } = await import('./summarize');
  const blob = new Blob([JSON.stringify(exportFile(rs, record), null, 2)], { type: 'application/json' });
  downloadBlob(blob, fileName(record, productOf(record)));
}

/** Downloads the assessments: one JSON file, or a zip of them when there are several. */
export async function exportRecords(rs: RuleSet, records: readonly AssessmentRecord[]): Promise<void> {
  if (records.length === 1) return exportRecord(rs, records[0]!);
  const [{ exportFile }, { zipSync, strToU8 }] = await Promise.all([import('./summarize'), import('fflate')]);
  const files: Record<string, Uint8Array> = {};
  for (const r of records) {
    const base = fileName(r, productOf(r)).replace(/\.json$/, '');
    let name = `${base}.json`;
    for (let n = 2; files[name]; n++) name = `${base}-${n}.json`;
    files[name] = strToU8(JSON.stringify(exportFile(rs, r), null, 2));
  }
  downloadBlob(new Blob([zipSync(files) as BlobPart], { type: 'application/zip' }), `unsaved-assessments-${new Date().toISOString().slice(0, 10)}.zip`);
}
