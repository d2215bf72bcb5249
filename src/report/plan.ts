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

/** The reassessment triggers as lines to read: one per question and outcome (screens and documents). */
export interface TriggerLine {
  question: string;
  text: string;
}

/**
 * The triggers grouped by question, regime and the tier they lead to, so that one line lists every
 * answer with the same effect: "If “…” becomes “A”, “B” or “C”: EU AI Act may become High risk." A
 * multi-choice trigger that ticks one more option reads "also includes …" (or, where every option
 * still open leads there, "any of its answers", naming the one or two that do not); one that replaces
 * the answer (an exclusive option) reads "becomes …". Lines keep the order of their first trigger.
 */
export function triggerLines(rs: RuleSet, triggers: readonly Trigger[], lang: Lang, t: TFunction): TriggerLine[] {
  const groups = new Map<string, { x: Trigger; adds: boolean; values: string[]; ids: Set<string>; chosen: string[] }>();
  for (const x of triggers) {
    const q = rs.questionById.get(x.question);
    const labels = new Map(q ? optionsOf(q).map((o) => [o.id, o.label[lang]]) : []);
    const label = (v: AnswerValue) => labels.get(String(v)) ?? String(v);
    const values = Array.isArray(x.value) ? x.value : [x.value];
    const added = values[values.length - 1];
    // A multi-choice trigger is the current answer with one option more, unless that option is exclusive.
    const adds = q?.type === 'multi' && added !== undefined && !q.exclusiveValues.has(String(added));
    const shown = adds ? label(added) : values.map(label).join(' · ');
    const key = `${x.question}|${x.regime}|${x.to}|${x.tentative}|${adds}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { x, adds, values: [], ids: new Set(), chosen: adds ? values.slice(0, -1).map(String) : [] }));
    if (!group.values.includes(shown)) group.values.push(shown);
    if (adds) group.ids.add(String(added));
  }
  const or = new Intl.ListFormat(lang, { type: 'disjunction' });
  const and = new Intl.ListFormat(lang, { type: 'conjunction' });
  return [...groups.values()].map(({ x, adds, values, ids, chosen }) => {
    const q = rs.questionById.get(x.question);
    // Every option that could still be ticked leads there: said as "any of its answers", not listed.
    const open = q ? optionsOf(q).filter((o) => !q.unknownValues.has(o.id) && !q.exclusiveValues.has(o.id) && !chosen.includes(o.id)) : [];
    // Where all but one or two of them lead there, those are named instead ("any … other than …").
    const others = open.filter((o) => !ids.has(o.id));
    const any = adds && ids.size > 2 && others.length <= 2 && ids.size > others.length && open.length === ids.size + others.length;
    const kind = !any ? (adds ? 'triggerAdds' : 'trigger') : others.length ? 'triggerAnyExcept' : 'triggerAny';
    return {
      question: x.question,
      text: t(`result:plan.${kind}${x.tentative ? 'May' : ''}`, {
        question: q?.text[lang] ?? x.question,
        value: or.format(values.map((v) => `“${v}”`)),
        except: and.format(others.map((o) => `“${o.label[lang]}”`)),
        regime: t(`result:regime.${x.regime}`),
        tier: t(`result:tier.${x.to}`),
      }),
    };
  });
}
