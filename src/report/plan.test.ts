/** The action plan and its calendar, from answers through the one pipeline (cases of rules/examples and rules/scenarios). */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/i18n';
import { listCases } from '../node/cases';
import { projectRules } from '../testing/fixtures';
import { planCalendar } from './calendar';
import { reportOf } from './pipeline';
import { actionPlan, datedItems, triggerLines } from './plan';
import { reassessmentTriggers } from '../engine';
import { exampleAnswers } from '../testing/fixtures';

const rs = projectRules();
const t = createI18n('en').t;
const reportFor = (id: string, date = '2026-11-23') => {
  const c = listCases().find((x) => x.id === id)!;
  const r = reportOf(rs, { answers: c.answers as never }, 'en', t, date);
  if (!r) throw new Error(`${id} does not assess`);
  return r;
};

describe('action plan', () => {
  it('a prohibited product: stop comes first, then what applies now, later dates in order, then anticipated and encouraged', () => {
    const report = reportFor('S12');
    const plan = actionPlan(report);
    expect(plan[0]!.kind).toBe('stop');
    expect(plan[0]!.items.map((d) => d.id)).toContain('EU-5-cease');
    const kinds = plan.map((s) => s.kind);
    const order = ['stop', 'now', 'from', 'anticipated', 'encouraged'];
    expect([...kinds].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(kinds);
  });

  it('a high-risk product (E1): no stop; AI literacy now; the Annex III duties on 2 December 2027; the Shanghai list duties anticipated', () => {
    const plan = actionPlan(reportFor('E1'));
    expect(plan.some((s) => s.kind === 'stop')).toBe(false);
    expect(plan.find((s) => s.kind === 'now')!.items.map((d) => d.id)).toContain('EU-4-literacy');
    const dated = plan.filter((s) => s.kind === 'from');
    expect(dated.map((s) => s.date)).toEqual([...dated.map((s) => s.date)].sort());
    expect(dated.find((s) => s.date === '2027-12-02')!.items.map((d) => d.id)).toContain('EU-9-risk-management');
    expect(plan.find((s) => s.kind === 'anticipated')!.items.map((d) => d.id)).toContain('SH-65.2-list');
  });

  it('holds every duty exactly once and no notice, for every case', () => {
    for (const c of listCases()) {
      const report = reportOf(rs, { answers: c.answers as never }, 'en', t, '2026-11-23')!;
      const planned = actionPlan(report).flatMap((s) => s.items.map((d) => d.id));
      expect(new Set(planned).size, c.id).toBe(planned.length);
      expect([...planned].sort(), c.id).toEqual(report.duties.map((d) => d.id).sort());
      for (const n of report.notices) expect(planned, c.id).not.toContain(n.id);
    }
  });

  it('before 2 December 2026 a ban not yet in force (T27, Art. 5(1)(ba)) is already the first step, dated, and not "applies now"', () => {
    const stop = actionPlan(reportFor('T27'))[0]!;
    expect(stop.kind).toBe('stop');
    const item = stop.items.find((d) => d.id === 'EU-5-cease-from-2026-12-02')!;
    expect(item.from).toBe('2026-12-02');
    expect(item.appliesNow).toBe(false);
    const inForce = actionPlan(reportFor('T27', '2026-12-02'))[0]!;
    expect(inForce.kind).toBe('stop');
    expect(inForce.items.filter((d) => d.regime === 'EU').every((d) => d.appliesNow)).toBe(true);
  });
});

describe('calendar export', () => {
  it('writes one all-day event per dated item, on its date, that a calendar library reads back', () => {
    const report = reportFor('E1');
    const plan = actionPlan(report);
    const items = datedItems(plan);
    expect(items.length).toBeGreaterThan(5);
    const text = planCalendar(report, plan, { calendarName: 'InterviewScore — plan', article: 'Article' });
    const cal = new ICAL.Component(ICAL.parse(text));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(items.length);
    for (const [i, e] of events.entries()) {
      expect(e.startDate.isDate, 'all-day').toBe(true);
      expect(e.startDate.toString()).toBe(items[i]!.date);
      expect(e.summary).toContain(items[i]!.duty.title);
      expect(e.description).toContain(items[i]!.duty.articles[0]);
    }
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  });
});

describe('reassessment triggers as lines', () => {
  const answers = exampleAnswers('E4') as Parameters<typeof reassessmentTriggers>[1];
  const triggers = reassessmentTriggers(rs, answers, '2026-11-30');

  it('one line per question, regime and outcome, each naming every answer that leads there', () => {
    const t = createI18n('en').t;
    const lines = triggerLines(rs, triggers, 'en', t);
    const groups = new Set(triggers.map((x) => `${x.question}|${x.regime}|${x.to}|${x.tentative}`));
    expect(lines).toHaveLength(groups.size);
    expect(lines.length).toBeLessThan(triggers.length);
    // Every option that could be ticked leads there: "any of the answers", not a list.
    const annex = lines.find((l) => l.question === 'annex_i_product')!;
    expect(annex.text).toMatch(/^If any of the answers to “.+\(Annex I\)\?” comes to apply: EU AI Act may become High risk/);
    // All but two do: those two are named.
    const people = lines.find((l) => l.question === 'uses_people')!;
    expect(people.text).toContain('other than “');
    expect(people.text.match(/“/g)).toHaveLength(3);
    // Fewer: listed, each in quotes, joined with "or".
    const places = lines.filter((l) => l.question === 'cn_locations');
    expect(places).toHaveLength(2);
    for (const l of places) expect(l.text).toMatch(/also includes “[^”]+” or “[^”]+”: (Shanghai|Shenzhen) may become/);
    // A single-choice question: "becomes".
    expect(lines.find((l) => l.question === 'interacts_with_people')!.text).toBe('If “Does it interact directly with people — e.g. a chatbot, voice assistant or avatar?” becomes “Yes”: EU AI Act becomes Limited risk.');
  });

  it('reads in Chinese with Chinese list punctuation', () => {
    const lines = triggerLines(rs, triggers, 'zh-CN', createI18n('zh-CN').t);
    expect(lines.find((l) => l.question === 'annex_i_product')!.text).toMatch(/^如“.+”的任一选项成立：/);
    for (const l of lines.filter((x) => x.question === 'cn_locations')) expect(l.text).toMatch(/另外包括“[^”]+”或“[^”]+”/);
  });
});
