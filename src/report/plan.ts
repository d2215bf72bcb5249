/**
 * The action plan: the presented report's duties in the order a company works through them, computed
 * in one place for the result page, the calendar export and (later) the PDF, CSV and portfolio.
 *
 *   1. stop — a prohibited practice to end (rules mark these `stop: true`), whatever its date;
 *   2. now — mandatory duties that apply on the assessment date;
 *   3. one group per later date (2 December 2026, 2 December 2027, 2 August 2028 …), earliest first;
 *   4. anticipated — expected once implementing measures are issued, not operative yet;
 *   5. encouraged — what the statute encourages.
 *
 * Notices (others' duties, benefits, penalties) are not steps: the result lists them apart.
 */
import { type RuleSet, type Trigger, type AnswerValue, type Lang } from '../engine';
import type { TFunction } from '../i18n/i18n';
import { optionsOf } from './options';
import type { PresentedDuty, Report } from './present';

export type PlanStep =
  | { kind: 'stop'; items: PresentedDuty[] }
  | { kind: 'now'; items: PresentedDuty[] }
  | { kind: 'from'; date: string; items: PresentedDuty[] }
  | { kind: 'anticipated'; items: PresentedDuty[] }
  | { kind: 'encouraged'; items: PresentedDuty[] };

export function actionPlan(report: Pick<Report, 'duties'>): PlanStep[] {
  const stop: PresentedDuty[] = [];
  const now: PresentedDuty[] = [];
  const later = new Map<string, PresentedDuty[]>();
  const anticipated: PresentedDuty[] = [];
  const encouraged: PresentedDuty[] = [];
  for (const d of report.duties) {
    if (d.stop) stop.push(d);
    else if (d.kind === 'anticipated') anticipated.push(d);
    else if (d.kind === 'encouraged') encouraged.push(d);
    else if (d.kind !== 'duty') continue;
    else if (d.appliesNow) now.push(d);
    else later.set(d.from, [...(later.get(d.from) ?? []), d]);
  }
  return [
    ...(stop.length ? [{ kind: 'stop' as const, items: stop }] : []),
    ...(now.length ? [{ kind: 'now' as const, items: now }] : []),
    ...[...later.keys()].sort().map((date) => ({ kind: 'from' as const, date, items: later.get(date)! })),
    ...(anticipated.length ? [{ kind: 'anticipated' as const, items: anticipated }] : []),
    ...(encouraged.length ? [{ kind: 'encouraged' as const, items: encouraged }] : []),
  ];
}

/** The plan's dated items (stop and later dates): what a calendar holds. */
export function datedItems(plan: readonly PlanStep[]): { date: string; duty: PresentedDuty }[] {
  return plan.flatMap((s) => (s.kind === 'from' || s.kind === 'stop' ? s.items.map((duty) => ({ date: duty.from, duty })) : []));
}

/** A reassessment trigger as a sentence: "If “…” becomes “…”: EU becomes High risk." (screens and documents). */
export function triggerSentence(rs: RuleSet, x: Trigger, lang: Lang, t: TFunction): string {
  const q = rs.questionById.get(x.question);
  const labels = new Map(q ? optionsOf(q).map((o) => [o.id, o.label[lang]]) : []);
  const value = (Array.isArray(x.value) ? x.value : [x.value]).map((v: AnswerValue) => labels.get(String(v)) ?? String(v)).join(' · ');
  return t(x.tentative ? 'result:plan.triggerMay' : 'result:plan.trigger', {
    question: q?.text[lang] ?? x.question,
    value,
    regime: t(`result:regime.${x.regime}`),
    tier: t(`result:tier.${x.to}`),
  });
}
