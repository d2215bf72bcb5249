/**
 * `classify … --format pdf --out DIR`: one checklist PDF per classified record, named after its input
 * file (and record number, for files holding several), never overwriting another output of the run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { RuleSet } from '../engine/ruleset';
import type { TFunction } from '../i18n/i18n';
import { loadPdfAssets } from '../node/pdf-assets';
import { fileStem } from '../report/assessment-file';
import { checklistPdf } from '../report/pdf/checklist-pdf';
import type { Report } from '../result/present';
import type { ClassifiedInput } from './classify';

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

export async function writePdfs(
  rs: RuleSet,
  reports: Report[],
  inputs: ClassifiedInput[],
  dir: string,
  t: TFunction,
  onWritten?: (w: WrittenPdf, index: number) => void,
): Promise<WrittenPdf[]> {
  mkdirSync(dir, { recursive: true });
  const assets = loadPdfAssets();
  const names = pdfNames(reports);
  const written: WrittenPdf[] = [];
  for (let i = 0; i < reports.length; i++) {
    const input = inputs[i]!;
    const bytes = await checklistPdf(
      { rs, report: reports[i]!, answers: input.answers, duties: input.duties, ...(input.assessor ? { assessor: input.assessor } : {}), t },
      assets,
    );
    const path = join(dir, names[i]!);
    writeFileSync(path, bytes);
    const w = { path, bytes: bytes.length };
    written.push(w);
    onWritten?.(w, i);
  }
  return written;
}
