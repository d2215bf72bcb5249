/**
 * Properties over random answer sets the rule set allows (fast-check): the engine never throws and is
 * deterministic; risk factors only ever make tiers stricter; settling an open answer stays within
 * the tiers announced as possible; every reason and duty cites an existing article; out-of-scope
 * regimes carry no duties; answers to questions that are not asked change nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AnswerValue, type Assessment, REGIMES, assess, pruneHiddenAnswers } from '../engine';
import type { RuleSet } from './ruleset';
import { answersArb, firmRawAnswersArb, valueArb } from '../testing/arbitraries';
import { projectRules } from '../testing/fixtures';

const rs: RuleSet = projectRules();
const DATE = '2026-11-23';
const RUNS = { numRuns: 300 };

/** The whole result as data, explanations included (they are computed on first read). */
const json = (a: Assessment): unknown => JSON.parse(JSON.stringify(a));

function run(answers: Record<string, AnswerValue>): Assessment {
  const r = assess(rs, answers, { date: DATE });
  if (!r.ok) throw new Error(`rejected a valid answer set: ${JSON.stringify(r.errors)}`);
  return r.assessment;
}

/** Strictness of a tier within its regime: higher is stricter (out_of_scope lowest). */
function strictness(regime: (typeof REGIMES)[number], tier: string): number {
  const order = rs.tiers[regime].tiers;
  return order.length - order.indexOf(tier as (typeof order)[number]);
}

describe('assess over random valid answer sets', () => {
  it('never throws, accepts every answer set the rules allow, and is deterministic', () => {
    fc.assert(
      fc.property(answersArb(rs), (answers) => {
        const a = run(answers);
        expect(json(run(structuredClone(answers)))).toEqual(json(a));
      }),
      RUNS,
    );
  });

  it('never throws on arbitrary JSON either: it answers with errors', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (junk) => {
        const r = assess(rs, junk, { date: DATE });
        if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('is monotone: on complete, firm answers, switching a risk factor from no to yes (or ticking a risk option) never lowers a tier', () => {
    type Switch = { q: (typeof rs.questions)[number]; kind: 'yesno' | 'multi'; option: string };
    const riskSwitches: Switch[] = rs.questions.flatMap((q): Switch[] =>
      q.type === 'yesno' && q.riskFactor
        ? [{ q, kind: 'yesno', option: 'yes' }]
        : q.type === 'multi'
          ? (q.options ?? []).filter((o) => o.riskFactor).map((o): Switch => ({ q, kind: 'multi', option: o.id }))
          : [],
    );
    expect(riskSwitches.length).toBeGreaterThan(50);
    // (With open answers, three-valued logic can only widen the possible tiers: see the next property.)
    fc.assert(
      fc.property(firmRawAnswersArb(rs), (raw) => {
        const answers = pruneHiddenAnswers(rs, raw).answers;
        const a = run(answers);
        // Answers that contradict each other are not firm: a conflict keeps its regimes under review.
        fc.pre(a.conflicts.length === 0);
        let switched = 0;
        for (const sw of riskSwitches) {
          const before = answers[sw.q.id];
          if (before === undefined) continue; // not asked under these answers
          let after: AnswerValue;
          if (sw.kind === 'yesno') {
            if (before !== 'no') continue;
            after = 'yes';
          } else {
            const cur = before as string[];
            if (cur.includes(sw.option)) continue;
            const keep = cur.filter((id) => !sw.q.options!.find((o) => o.id === id)?.exclusive);
            after = sw.q.options!.map((o) => o.id).filter((id) => id === sw.option || keep.includes(id));
          }
          switched++;
          // Follow-up questions the change reveals are answered too (from the same firm record).
          const b = run(pruneHiddenAnswers(rs, { ...raw, [sw.q.id]: after }).answers);
          for (const regime of REGIMES) {
            expect(a.regimes[regime].tier, `${regime} before`).not.toBe('needs_review');
            // A switch may create a conflict: then the regime is under review, and its worst case counts.
            const after = b.regimes[regime];
            if (!after.conflicts.length) expect(after.tier, `${regime} after`).not.toBe('needs_review');
            const bTier = after.tier === 'needs_review' ? after.worstCase! : after.tier;
            expect(strictness(regime, bTier), `${regime}: ${a.regimes[regime].tier} → ${bTier} after ${sw.q.id} → ${String(after)}`).toBeGreaterThanOrEqual(strictness(regime, a.regimes[regime].tier));
          }
        }
        fc.pre(switched > 0);
      }),
      { numRuns: 150 },
    );
  });

  it('settling a "not sure" or an open question stays within the tiers announced as possible', () => {
    fc.assert(
      fc.property(
        answersArb(rs, { unansweredWeight: 5 }),
        fc.nat(),
        fc.infiniteStream(fc.nat()),
        (answers, pick, seeds) => {
          const a = run(answers);
          const asked = rs.questions.filter((q) => {
            const v = answers[q.id];
            return v === undefined ? true : q.unknownValues.size > 0 && (Array.isArray(v) ? v.some((x) => q.unknownValues.has(x)) : q.unknownValues.has(v as string));
          });
          fc.pre(asked.length > 0);
          const q = asked[pick % asked.length]!;
          // A concrete answer: sample until it holds no "not sure". For a multi-choice answer with
          // "not sure" ticked, settling keeps what was definitely ticked and decides the rest.
          const it = seeds[Symbol.iterator]();
          const current = answers[q.id];
          const kept = Array.isArray(current) ? current.filter((x) => !q.unknownValues.has(x)) : [];
          let settled: AnswerValue | undefined;
          for (let i = 0; i < 20 && settled === undefined; i++) {
            const [v] = fc.sample(valueArb(q), { numRuns: 1, seed: it.next().value as number });
            const unsure = Array.isArray(v) ? v.some((x) => q.unknownValues.has(x)) : q.unknownValues.has(v as string);
            if (unsure) continue;
            if (kept.length && Array.isArray(v)) {
              const exclusive = new Set(q.options!.filter((o) => o.exclusive).map((o) => o.id));
              const merged = [...kept, ...v.filter((x) => !exclusive.has(x))];
              settled = q.options!.map((o) => o.id).filter((id) => merged.includes(id));
            } else settled = v;
          }
          fc.pre(settled !== undefined);
          const next = pruneHiddenAnswers(rs, { ...answers, [q.id]: settled }).answers;
          const r = assess(rs, next, { date: DATE });
          if (!r.ok) return; // the question turned out not to be asked under the other answers
          // Settling into a contradiction is not settling: a new conflict puts its answers in doubt.
          fc.pre(r.assessment.conflicts.every((c) => a.conflicts.some((x) => x.id === c.id)));
          for (const regime of REGIMES) {
            for (const t of r.assessment.regimes[regime].possible) {
              expect(a.regimes[regime].possible, `${regime}: settling ${q.id} = ${String(settled)} gave ${t}`).toContain(t);
            }
            if (a.regimes[regime].tier === 'needs_review') {
              const worst = a.regimes[regime].worstCase!;
              for (const t of r.assessment.regimes[regime].possible) expect(strictness(regime, t)).toBeLessThanOrEqual(strictness(regime, worst));
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('names only articles that exist in rules/sources, for every reason, duty and notice', () => {
    fc.assert(
      fc.property(answersArb(rs), (answers) => {
        const a = run(answers);
        for (const regime of REGIMES) {
          for (const r of [...a.regimes[regime].reasons, ...a.regimes[regime].ruledOut]) {
            expect(rs.articles.has(r.article), r.article).toBe(true);
            for (const art of r.articles) expect(rs.articles.has(art), art).toBe(true);
          }
          for (const o of a.regimes[regime].openQuestions ?? []) for (const art of o.articles) expect(rs.articles.has(art), art).toBe(true);
        }
        for (const d of [...a.duties, ...a.notices]) for (const art of d.articles) expect(rs.articles.has(art), art).toBe(true);
      }),
      RUNS,
    );
  });

  it('gives out-of-scope regimes no duties or notices', () => {
    fc.assert(
      fc.property(answersArb(rs), (answers) => {
        const a = run(answers);
        for (const regime of REGIMES) {
          if (a.regimes[regime].tier !== 'out_of_scope') continue;
          expect([...a.duties, ...a.notices].filter((d) => d.regime === regime).map((d) => d.id)).toEqual([]);
        }
      }),
      RUNS,
    );
  });

  it('reports an answer to a question that is not asked, and that answer changes nothing', () => {
    fc.assert(
      fc.property(answersArb(rs), fc.nat(), fc.nat(), (answers, pick, seed) => {
        const hidden = rs.questions.filter((q) => {
          if (answers[q.id] !== undefined) return false;
          const probe = pruneHiddenAnswers(rs, { ...answers, [q.id]: q.type === 'text' ? 'x' : [...q.allowed][0]! });
          return probe.dropped.includes(q.id);
        });
        fc.pre(hidden.length > 0);
        const q = hidden[pick % hidden.length]!;
        const [value] = fc.sample(valueArb(q), { numRuns: 1, seed });
        const polluted = { ...answers, [q.id]: value! };
        const r = assess(rs, polluted, { date: DATE });
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.errors).toEqual([expect.objectContaining({ code: 'not_asked', question: q.id })]);
        // The questionnaire drops such answers; the result is the one without them.
        expect(json(run(pruneHiddenAnswers(rs, polluted).answers))).toEqual(json(run(answers)));
      }),
      RUNS,
    );
  });

  it('keeps firm results firm: a decided regime has no open questions and one possible tier', () => {
    fc.assert(
      fc.property(answersArb(rs), (answers) => {
        const a = run(answers);
        for (const regime of REGIMES) {
          const r = a.regimes[regime];
          if (r.tier === 'needs_review') {
            // Open answers leave several tiers possible; a conflict alone may leave just one (still to be settled).
            if (!r.conflicts.length) expect(r.possible.length).toBeGreaterThan(1);
            expect(r.worstCase).toBe(r.possible[0]);
          } else {
            expect(r.possible).toEqual([r.tier]);
            expect(r.openQuestions).toBeUndefined();
          }
        }
      }),
      RUNS,
    );
  });
});
