/**
 * Two assessments side by side — two versions of one product, or one assessment's result under the
 * rule set it was made with against the current one: which tiers moved (and which way), which duties
 * were added or removed, which answers changed. Pure.
 */
import type { AnswerValue, RuleSet } from '../engine';
import type { AssessmentRecord } from '../assessment/record';
import { diffResults, type ResultDiff, type ResultSummary } from '../assessment/result-summary';
import { summarizeResult } from '../file-format/summarize';

export interface CompareSide {
  record: AssessmentRecord;
  result: ResultSummary;
  ruleSetVersion: string;
}

export interface AnswerChange {
  question: string;
  before?: AnswerValue;
  after?: AnswerValue;
}

export interface Comparison extends ResultDiff {
  left: CompareSide;
  right: CompareSide;
  /** Duties on both sides. */
  dutiesKept: string[];
  /** In questionnaire order; questions the rule set no longer has come last. */
  answers: AnswerChange[];
}

/** The side for an assessment as the current rule set sees it (undefined if its answers no longer pass). */
export function currentSide(rs: RuleSet, record: AssessmentRecord): CompareSide | undefined {
  const result = summarizeResult(rs, record.answers, record.updatedAt.slice(0, 10));
  return result && { record, result, ruleSetVersion: rs.version };
}

/** The side for what an assessment came to under the rule set it was made with, if that was kept. */
export function baselineSide(record: AssessmentRecord): CompareSide | undefined {
  return record.baseline && { record, result: record.baseline.result, ruleSetVersion: record.baseline.ruleSetVersion };
}

const same = (a: AnswerValue | undefined, b: AnswerValue | undefined): boolean =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000') : a === b;

export function compare(rs: RuleSet, left: CompareSide, right: CompareSide): Comparison {
  const diff = diffResults(left.result, right.result);
  const keys = new Set([...Object.keys(left.record.answers), ...Object.keys(right.record.answers)]);
  const order = new Map(rs.questions.map((q, i) => [q.id, i]));
  const answers = [...keys]
    .filter((k) => !same(left.record.answers[k], right.record.answers[k]))
    .sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || (a < b ? -1 : 1))
    .map((question) => ({
      question,
      ...(left.record.answers[question] !== undefined ? { before: left.record.answers[question] } : {}),
      ...(right.record.answers[question] !== undefined ? { after: right.record.answers[question] } : {}),
    }));
  const rightDuties = new Set(right.result.duties);
  return { ...diff, left, right, dutiesKept: left.result.duties.filter((d) => rightDuties.has(d)), answers };
}
