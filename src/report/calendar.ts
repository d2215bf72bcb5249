/**
 * The plan's dated items as an iCalendar file (RFC 5545, written by the `ics` library): one all-day
 * event per duty on the date it applies from, with what to do and the article in the description, so
 * the dates sit in the calendar the team already uses. Stable UIDs: importing a newer export updates
 * the same events instead of adding copies.
 */
import { createEvents, type EventAttributes } from 'ics';
import type { Report } from './present';
import { datedItems, type PlanStep } from './plan';

const ymd = (iso: string): [number, number, number] => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return [y, m, d];
};

export function planCalendar(report: Report, plan: readonly PlanStep[], labels: { calendarName: string; article: string }): string {
  const subject = [report.subject.company, report.subject.product].filter(Boolean).join(' · ');
  const events: EventAttributes[] = datedItems(plan).map(({ date, duty }) => {
    const start = ymd(date);
    return {
      uid: `${duty.id}@${subject ? subject.replace(/[^\p{L}\p{N}]+/gu, '-') : 'assessment'}.ai-risk-self-assessment`,
      start,
      end: ymd(nextDay(date)),
      title: subject ? `${duty.title} — ${subject}` : duty.title,
      description: `${duty.do}\n\n${labels.article}: ${duty.articles.join(', ')}`,
      categories: [duty.regime],
      productId: 'ai-risk-self-assessment',
      calName: labels.calendarName,
    };
  });
  const { error, value } = createEvents(events);
  if (error || !value) throw error ?? new Error('calendar not written');
  return value;
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
