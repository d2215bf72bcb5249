/**
 * The files `classify --format pdf|docx|md --out DIR` and `portfolio` write, one per classified record:
 * their names, made from the input file's (and the record's number, for files holding several), never
 * the same as another output of the run; and the error that names the files that could not be made,
 * thrown after the others were written.
 */
import { basename, extname } from 'node:path';
import { fileStem } from '../file-format/assessment-file';
import type { Report } from '../report/present';

export interface WrittenFile {
  path: string;
  bytes: number;
}

/** Output names: "<input name>.<ext>", "<input name>-<record>.<ext>" where a file held several records. */
export function outputNames(reports: readonly Report[], ext: string): string[] {
  const perFile = new Map<string, number>();
  for (const r of reports) perFile.set(r.source?.file ?? '', (perFile.get(r.source?.file ?? '') ?? 0) + 1);
  const taken = new Set<string>();
  return reports.map((r, i) => {
    const file = r.source?.file ?? '';
    const stem = fileStem(basename(file, extname(file)), 100) || `assessment-${i + 1}`;
    const base = (perFile.get(file) ?? 0) > 1 ? `${stem}-${r.source?.record ?? i + 1}` : stem;
    let name = `${base}.${ext}`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}.${ext}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/** Thrown after the other files were written: which could not be made, and why. */
export class BatchError extends Error {
  constructor(
    readonly failures: { index: number; name: string; error: string }[],
    readonly written: WrittenFile[],
  ) {
    super(failures.map((f) => `${f.name}: ${f.error}`).join('; '));
    this.name = 'BatchError';
  }
}
