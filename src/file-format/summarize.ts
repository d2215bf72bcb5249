/**
 * Computing a result summary (the engine's full evaluation), and the exported file that carries it.
 * Kept apart from assessment-file.ts so the browser loads the evaluation only when it exports, saves
 * or imports, not before the first question.
 */
import { assess, REGIMES, type AnswerValue, type Regime, type RegimeTier, type RuleSet } from '../engine';
import { toFile, type AssessmentFile } from './assessment-file';
import { type AssessmentRecord } from '../assessment/record';
import type { ResultSummary } from '../assessment/result-summary';

/** The summary of `answers` under `rs`, or undefined when the answers do not pass the rule set's checks. */
export function summarizeResult(rs: RuleSet, answers: Record<string, AnswerValue>, date: string): ResultSummary | undefined {
  const r = assess(rs, answers, { date });
  if (!r.ok) return undefined;
  const a = r.assessment;
  return {
    overall: a.overall,
    tiers: Object.fromEntries(REGIMES.map((g) => [g, a.regimes[g].tier])) as Record<Regime, RegimeTier>,
    duties: a.duties.map((d) => d.id),
  };
}

/** The file to export or store: the record with its result under `rs` (as of its last change). */
export function exportFile(rs: RuleSet, record: AssessmentRecord, now = new Date()): AssessmentFile {
  return toFile(rs, record, now, summarizeResult(rs, record.answers, record.updatedAt.slice(0, 10)));
}

/** For readAssessmentData: what a file's answers come to under the current rule set. */
export const summarizer = (rs: RuleSet) => (answers: Record<string, AnswerValue>, date: string) => summarizeResult(rs, answers, date);
