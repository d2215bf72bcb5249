/**
 * "Not sure" answers that change nothing: the questions answered "not sure" that no regime (nor the
 * GPAI track) lists among its open questions and no duty depends on — whatever the real answer, no tier
 * moves and no duty comes or goes. The result says
 * so, so that nobody chases an answer that does not matter.
 */
import type { AnswerValue, RuleSet } from '../engine';
import { REGIMES } from '../engine';
import type { Report } from './present';

export function isNotSure(rs: RuleSet, question: string, value: AnswerValue | undefined): boolean {
  const q = rs.questionById.get(question);
  if (!q || value === undefined) return false;
  return Array.isArray(value) ? value.some((v) => q.unknownValues.has(String(v))) : q.unknownValues.has(String(value));
}

export function notSureWithoutEffect(rs: RuleSet, answers: Readonly<Record<string, AnswerValue>>, report: Pick<Report, 'regimes' | 'gpai' | 'duties' | 'notices'>): string[] {
  const open = new Set([
    ...REGIMES.flatMap((r) => (report.regimes[r].openQuestions ?? []).map((o) => o.question)),
    ...(report.gpai.openQuestions ?? []).map((o) => o.question),
    ...[...report.duties, ...report.notices].flatMap((d) => d.dependsOn ?? []),
  ]);
  return rs.questions.filter((q) => isNotSure(rs, q.id, answers[q.id]) && !open.has(q.id)).map((q) => q.id);
}
