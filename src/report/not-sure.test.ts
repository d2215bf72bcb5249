/** "Not sure" answers that change no tier: said so on the result, and true — checked by trying every real answer. */
import { describe, expect, it } from 'vitest';
import { applyAnswers, assess, REGIMES, type AnswerValue } from '../engine';
import { createI18n } from '../i18n/i18n';
import { listCases } from '../node/cases';
import { projectRules } from '../testing/fixtures';
import { notSureWithoutEffect } from './not-sure';
import { optionsOf } from './options';
import { reportOf } from './pipeline';

const rs = projectRules();
const t = createI18n('en').t;
const DATE = '2026-11-23';

describe('"not sure" that changes nothing', () => {
  it('every such question, answered any real way instead, leaves every decided tier where it was', () => {
    let found = 0;
    for (const c of listCases()) {
      const answers = c.answers as Record<string, AnswerValue>;
      const report = reportOf(rs, { answers }, 'en', t, DATE)!;
      for (const id of notSureWithoutEffect(rs, answers, report)) {
        found++;
        const q = rs.questionById.get(id)!;
        for (const o of optionsOf(q).filter((x) => !q.unknownValues.has(x.id))) {
          const value = q.type === 'multi' ? [o.id] : o.id;
          const r = assess(rs, applyAnswers(rs, answers, { [id]: value }).answers, { date: DATE });
          if (!r.ok) continue;
          for (const g of REGIMES) {
            const before = report.regimes[g].tier;
            const after = r.assessment.regimes[g];
            // A real answer may bring up follow-up questions (needs review until answered); a decided tier never moves.
            if (after.tier !== 'needs_review') expect(after.tier, `${c.id} ${id}=${o.id} ${g}`).toBe(before);
          }
          // Nor does a duty come or go (unless follow-up questions are still open).
          if (REGIMES.every((g) => r.assessment.regimes[g].tier !== 'needs_review')) {
            expect(r.assessment.duties.filter((d) => d.certain).map((d) => d.id).sort(), `${c.id} ${id}=${o.id}`).toEqual(report.duties.filter((d) => d.certain).map((d) => d.id).sort());
          }
        }
      }
    }
    expect(found).toBeGreaterThan(0);
  });

  it('every open question on the result says who usually knows the answer, from the rules (its section unless it names its own)', () => {
    let open = 0;
    for (const c of listCases()) {
      const report = reportOf(rs, { answers: c.answers as Record<string, AnswerValue> }, 'en', t, DATE)!;
      for (const o of [...REGIMES.flatMap((g) => report.regimes[g].openQuestions ?? []), ...(report.gpai.openQuestions ?? [])]) {
        open++;
        const q = rs.questionById.get(o.question)!;
        expect(o.whoKnows.length, o.question).toBeGreaterThan(0);
        expect(o.whoKnows).toEqual(q.whoKnows);
      }
    }
    expect(open).toBeGreaterThan(10);
  });
});
