/**
 * The action plan at the head of the result: stop first, then what applies now, then each later date,
 * then anticipated and encouraged items (src/report/plan.ts computes the order); each item leads to its
 * entry in the checklist below, where its status and note are set. The dated items export to a
 * calendar (.ics).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang, Trigger } from '../engine';
import { useRuleSet } from '../ruledata/context';
import { dueDate, isOverdue, type DutyStatus } from '../assessment/record';
import { formatDate, localIsoDate } from '../lib/dates';
import { fileStem } from '../file-format/assessment-file';
import { downloadBlob } from '../lib/download';
import { unfoldAround } from './Fold';
import { OverdueBadge } from './OverdueBadge';
import { actionPlan, datedItems, triggerLines, type PlanStep } from '../report/plan';
import { subjectLine, type Report } from '../report/present';

/** A duty id made safe for element ids (the checklist's fields and its entry). */
export const dutyKey = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '_');
/** The element id of a duty's entry in the checklist (DutyItem). */
export const dutyElementId = (id: string) => `duty-${dutyKey(id)}`;

function showDuty(id: string): void {
  const el = document.getElementById(dutyElementId(id));
  if (!el) return;
  unfoldAround(el);
  el.scrollIntoView({ behavior: 'smooth', block: 'start' });
  el.focus({ preventScroll: true });
}

export function ActionPlan({ report, statuses, triggers, lang }: { report: Report; statuses: Readonly<Record<string, DutyStatus>>; triggers: readonly Trigger[]; lang: Lang }) {
  const { t } = useTranslation();
  const ruleSet = useRuleSet();
  const today = localIsoDate();
  const plan = useMemo(() => actionPlan(report), [report]);
  const dated = useMemo(() => datedItems(plan), [plan]);
  const lines = useMemo(() => triggerLines(ruleSet, triggers, lang, t), [ruleSet, triggers, lang, t]);
  const label = (s: PlanStep) =>
    s.kind === 'from' ? t('result:plan.step.from', { date: formatDate(s.date, lang), count: s.items.length }) : t(`result:plan.step.${s.kind}`, { count: s.items.length });
  const exportCalendar = async () => {
    const { planCalendar } = await import('../report/calendar');
    const subject = subjectLine(report) || t('result:page.unnamed');
    const text = planCalendar(report, plan, { calendarName: t('result:plan.calendarName', { subject }), article: t('result:plan.article') });
    downloadBlob(new Blob([text], { type: 'text/calendar;charset=utf-8' }), `${fileStem(subject) || 'assessment'}-plan-${report.assessedOn}.ics`);
  };
  return (
    <section className="plan" aria-labelledby="plan-heading" data-testid="action-plan">
      <h3 id="plan-heading">{t('result:plan.heading')}</h3>
      <p className="hint">{t('result:plan.intro')}</p>
      {plan.length === 0 ? <p>{t('result:plan.empty')}</p> : null}
      <ol className="plan-steps">
        {plan.map((s) => (
          <li key={s.kind === 'from' ? s.date : s.kind} className={`plan-step plan-${s.kind}`} data-testid={s.kind === 'from' ? `plan-from-${s.date}` : `plan-${s.kind}`}>
            <h4>{label(s)}</h4>
            <ul>
              {s.items.map((d) => {
                const own = statuses[d.id];
                const status = own?.status ?? 'todo';
                const overdue = d.kind === 'duty' && isOverdue(own, d.from, today);
                return (
                  <li key={d.id} className={`status-${status}`} data-plan-item={d.id}>
                    <button type="button" className="link" onClick={() => showDuty(d.id)} title={t('result:plan.show')}>
                      {d.title}
                    </button>{' '}
                    <span className="badge">{t(`result:regime.${d.regime}`)}</span> <span className="plan-status">{t(`result:status.${status}`)}</span>
                    {s.kind === 'stop' && !d.appliesNow ? <span className="plan-date"> · {formatDate(d.from, lang)}</span> : null}
                    {d.certain ? null : <span className="plan-uncertain"> · {t('result:plan.uncertain')}</span>}
                    {own?.owner ? <span className="plan-owner"> · {own.owner}</span> : null}
                    {own?.due ? <span className="plan-date"> · {t('result:plan.due', { date: formatDate(own.due, lang) })}</span> : null}
                    {overdue ? <OverdueBadge due={dueDate(own, d.from)} lang={lang} testId="plan-overdue" /> : null}
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ol>
      {lines.length ? (
        <details className="triggers" data-testid="triggers">
          <summary>{t('result:plan.triggers', { count: lines.length })}</summary>
          <p className="hint">{t('result:plan.triggersHint')}</p>
          <ul>
            {lines.map((x, i) => (
              <li key={i} data-trigger={x.question}>
                {x.text}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {dated.length ? (
        <button type="button" className="secondary small" onClick={() => void exportCalendar()} data-testid="export-ics">
          {t('result:plan.calendar')}
        </button>
      ) : null}
    </section>
  );
}
