/** Reassessment triggers, from answers to the answers whose change would make a tier stricter. */
import { describe, expect, it } from 'vitest';
import { applyAnswers, assess, reassessmentTriggers } from '../engine';
import { listCases } from '../node/cases';
import { projectRules } from '../testing/fixtures';

const rs = projectRules();
const DATE = '2026-11-23';
const caseAnswers = (id: string) => listCases().find((c) => c.id === id)!.answers as Record<string, never>;

describe('reassessment triggers', () => {
  it('E2 (Shenzhen bank chatbot, out of the EU Act): offering it in the EU is a trigger for the EU tier', () => {
    const triggers = reassessmentTriggers(rs, caseAnswers('E2'), DATE);
    const eu = triggers.filter((t) => t.regime === 'EU');
    expect(eu.map((t) => t.question)).toContain('eu_nexus');
    for (const t of eu) expect(t.from).toBe('out_of_scope');
  });

  it('E4 (EU shop recommendations, minimal): a trigger can make the EU tier stricter, and none names a tier that is not stricter', () => {
    const triggers = reassessmentTriggers(rs, caseAnswers('E4'), DATE);
    expect(triggers.some((t) => t.regime === 'EU')).toBe(true);
    const order = rs.tiers.EU.tiers;
    for (const t of triggers.filter((x) => x.regime === 'EU')) expect(order.indexOf(t.to)).toBeLessThan(order.indexOf('minimal'));
  });

  it('every trigger of every worked example holds: making that one change gives that tier (or that worst case)', () => {
    for (const c of listCases().filter((x) => x.id.startsWith('E'))) {
      const answers = c.answers as Record<string, never>;
      for (const t of reassessmentTriggers(rs, answers, DATE)) {
        const r = assess(rs, applyAnswers(rs, answers, { [t.question]: t.value }).answers, { date: DATE });
        expect(r.ok).toBe(true);
        if (!r.ok) continue;
        const reg = r.assessment.regimes[t.regime];
        expect(t.tentative ? reg.worstCase : reg.tier, `${c.id} ${t.question}`).toBe(t.to);
      }
    }
  });

  it('never tries "not sure" as a change', () => {
    for (const t of reassessmentTriggers(rs, caseAnswers('E1'), DATE)) {
      const q = rs.questionById.get(t.question)!;
      const values = Array.isArray(t.value) ? t.value : [t.value];
      for (const v of values) expect(q.unknownValues.has(String(v)), `${t.question} ${String(v)}`).toBe(false);
    }
  });
});
