/**
 * Import of many files and share links at once: each is read and checked on its own; the good ones
 * are returned to be added, each bad one with its reasons, and any whose id is already in the
 * portfolio (or earlier in the same batch) as a conflict the user settles — update it, or keep both.
 * Pure (no storage); the portfolio page applies the outcome.
 */
import type { RuleSet } from '../engine';
import { MAX_FILE_BYTES, type FileNotice, type FileProblem } from '../file-format/assessment-file';
import { randomId, type AssessmentRecord } from '../assessment/record';
import { readAssessmentFile } from '../file-format/read-file';
import { summarizer } from '../file-format/summarize';
import { describeValue, printable } from '../lib/text-fields';
import { SHARE_ROUTE, readShare, type ShareProblem } from './links';

/** One thing to import: a file's text (or its size when too large to read), or a share link. */
export type ImportSource = { name: string; text: string } | { name: string; tooLarge: number } | { name: string; unreadable: string } | { name: string; link: string };

export interface GoodImport {
  name: string;
  record: AssessmentRecord;
  notices: FileNotice[];
  /** The assessment with the same id, and different content, already present (in the portfolio or earlier in this batch). */
  conflict?: AssessmentRecord;
}
export interface BadImport {
  name: string;
  problems: FileProblem[];
  /** For a share link that could not be read at all. */
  linkProblem?: ShareProblem;
}
export interface ImportPlan {
  good: GoodImport[];
  bad: BadImport[];
}

/** Reads every source; `existing` is the portfolio as it is. */
export async function planImport(rs: RuleSet, sources: readonly ImportSource[], existing: ReadonlyMap<string, AssessmentRecord>): Promise<ImportPlan> {
  const good: GoodImport[] = [];
  const bad: BadImport[] = [];
  const seen = new Map<string, AssessmentRecord>();
  const summarize = summarizer(rs);
  for (const src of sources) {
    // Each source on its own: nothing one of them holds can stop the others being read.
    try {
      await planOne(rs, src, summarize, seen, existing, good, bad);
    } catch (e) {
      bad.push({ name: src.name, problems: [{ code: 'unexpected', params: { reason: printable(e instanceof Error ? e.message : describeValue(e), 200) } }] });
    }
  }
  return { good, bad };
}

async function planOne(
  rs: RuleSet,
  src: ImportSource,
  summarize: ReturnType<typeof summarizer>,
  seen: Map<string, AssessmentRecord>,
  existing: ReadonlyMap<string, AssessmentRecord>,
  good: GoodImport[],
  bad: BadImport[],
): Promise<void> {
  let text: string;
  if ('tooLarge' in src) {
    bad.push({ name: src.name, problems: [{ code: 'too_large', params: { bytes: src.tooLarge, max: MAX_FILE_BYTES } }] });
    return;
  }
  if ('unreadable' in src) {
    bad.push({ name: src.name, problems: [{ code: 'unreadable', params: { reason: printable(src.unreadable, 200) } }] });
    return;
  }
  if ('link' in src) {
    const at = src.link.indexOf(SHARE_ROUTE);
    const r = at < 0 ? ({ ok: false, problem: 'damaged' } as const) : await readShare(src.link.slice(at + SHARE_ROUTE.length));
    if (!r.ok) {
      bad.push({ name: src.name, problems: [], linkProblem: r.problem });
      return;
    }
    text = r.text;
  } else text = src.text;
  const r = readAssessmentFile(rs, text, summarize);
  if (!r.ok) {
    bad.push({ name: src.name, problems: r.problems });
    return;
  }
  const same = seen.get(r.record.id) ?? existing.get(r.record.id);
  // The very same assessment (an export opened again) is no conflict: there is nothing to decide.
  const conflict = same && JSON.stringify(same) !== JSON.stringify(r.record) ? same : undefined;
  good.push({ name: src.name, record: r.record, notices: r.notices, ...(conflict ? { conflict } : {}) });
  seen.set(r.record.id, r.record);
}

export type Resolution = 'update' | 'keep_both';

/** The records to store: conflicts resolved as decided (undecided ones default to `keep_both`, which loses nothing). */
export function resolveImport(plan: ImportPlan, decide: (g: GoodImport, index: number) => Resolution | undefined): AssessmentRecord[] {
  return plan.good.map((g, i) => (g.conflict && (decide(g, i) ?? 'keep_both') === 'keep_both' ? { ...g.record, id: randomId() } : g.record));
}

/** Splits pasted text into share links (one per line or separated by spaces). */
export function linksIn(text: string): string[] {
  return text.split(/\s+/).filter((s) => s.includes(SHARE_ROUTE));
}
