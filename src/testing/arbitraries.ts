/**
 * fast-check arbitraries for answer sets the rule set allows: every question gets an optional random
 * valid value, then answers to questions not asked under the others are dropped (in question order,
 * as the questionnaire does). Shrinking works on the per-question values.
 */
import fc from 'fast-check';
import { type AnswerValue, pruneHiddenAnswers } from '../engine';
import type { Question, RuleSet } from '../engine';

/**
 * One valid value for a question. Risk-factor options are ticked sparingly (some risk option in about 40% of answers), other
 * options (places, roles, techniques) about half the time, and "not sure" about 1 in 10, so that
 * samples spread over all tiers instead of piling up on "prohibited" or "out of scope".
 */
export function valueArb(q: Question, { firm = false }: { firm?: boolean } = {}): fc.Arbitrary<AnswerValue> {
  const unknown = firm ? [] : [...q.unknownValues];
  const withUnsure = <T extends AnswerValue>(known: fc.Arbitrary<T>): fc.Arbitrary<AnswerValue> =>
    unknown.length ? fc.oneof({ arbitrary: known, weight: 9 }, { arbitrary: fc.constantFrom(...unknown), weight: 1 }) : known;
  switch (q.type) {
    case 'text':
      return fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0);
    case 'number':
      return fc.integer({ min: q.min ?? 0, max: q.max ?? 10_000 });
    case 'yesno':
      return withUnsure(fc.constantFrom('yes', 'no'));
    case 'single':
      return withUnsure(fc.constantFrom(...q.options!.filter((o) => !o.unknown).map((o) => o.id)));
    case 'multi': {
      const opts = q.options!;
      const plainOpts = opts.filter((o) => !o.exclusive && !o.unknown);
      const plain = plainOpts.map((o) => o.id);
      // Per-option odds such that some risk option is ticked about 40% of the time, however many there are.
      const risky = plainOpts.filter((o) => o.riskFactor).length;
      const riskSides = Math.max(2, Math.round(1 / (1 - 0.6 ** (1 / Math.max(risky, 1)))));
      const sides = plainOpts.map((o) => (o.riskFactor ? riskSides : 2));
      const exclusive = opts.filter((o) => o.exclusive).map((o) => o.id);
      const ids = opts.map((o) => o.id);
      return fc
        .tuple(fc.tuple(...sides.map((n) => fc.integer({ min: 0, max: n - 1 }))), fc.integer({ min: 0, max: 9 }), fc.nat({ max: plain.length - 1 }))
        .map(([dice, unsureDie, fallback]) => {
          const chosen = plain.filter((_, i) => dice[i] === 0);
          if (unknown.length && unsureDie === 0) chosen.push(unknown[0]!);
          if (chosen.length === 0) chosen.push(exclusive.length ? exclusive[0]! : plain[fallback]!);
          return ids.filter((id) => chosen.includes(id));
        });
    }
  }
}

/**
 * Scope answers that keep a product inside the regimes, so that samples reach the questions that
 * decide tiers (the broad generator mostly stops at "no AI", "no EU nexus" or an Art. 2 exclusion).
 */
const IN_SCOPE: Record<string, fc.Arbitrary<AnswerValue>> = {
  ai_techniques: fc.constantFrom(['machine_learning'], ['machine_learning', 'nlp'], ['machine_learning', 'computer_vision'], ['knowledge_graph', 'hci']),
  cn_locations: fc.constantFrom(['shanghai'], ['shenzhen'], ['shanghai', 'shenzhen'], ['shanghai', 'shenzhen', 'mainland_other'], ['none']),
  eu_nexus: fc.constantFrom(['placed_on_market'], ['used_in_eu'], ['output_in_eu'], ['placed_on_market', 'used_in_eu'], ['none']),
  eu_exclusions: fc.constantFrom(['none'], ['none'], ['none'], ['none'], ['research_only']),
  open_source: fc.constantFrom('no', 'no', 'no', 'yes'),
};

function rawAnswersArb(rs: RuleSet, unansweredWeight: number, overrides: Record<string, fc.Arbitrary<AnswerValue>>) {
  // fast-check leaves a question unanswered with probability 1/freq.
  const record = Object.fromEntries(
    rs.questions.map((q) => [q.id, overrides[q.id] ?? fc.option(valueArb(q), { freq: Math.max(2, Math.round(25 / unansweredWeight)), nil: undefined })]),
  );
  return fc.record(record) as fc.Arbitrary<Record<string, AnswerValue | undefined>>;
}

const FIRM_SCOPE = Object.fromEntries(Object.entries(IN_SCOPE).map(([k, v]) => [k, v.filter((x) => !(Array.isArray(x) && x.includes('not_sure')))]));

/**
 * A firm answer for EVERY question (no "not sure", nothing left open), before pruning: prune it to get
 * a complete answer set; change one answer and prune again to get the complete answer set after the
 * change, follow-up questions included.
 */
export function firmRawAnswersArb(rs: RuleSet): fc.Arbitrary<Record<string, AnswerValue>> {
  const broad = fc.record(Object.fromEntries(rs.questions.map((q) => [q.id, valueArb(q, { firm: true })])));
  const inScope = fc.record(Object.fromEntries(rs.questions.map((q) => [q.id, FIRM_SCOPE[q.id] ?? valueArb(q, { firm: true })])));
  return fc.oneof(broad, inScope) as fc.Arbitrary<Record<string, AnswerValue>>;
}

/** A valid answer set (possibly partial: any question may be left unanswered), broad or in scope. */
export function answersArb(rs: RuleSet, { unansweredWeight = 1 }: { unansweredWeight?: number } = {}): fc.Arbitrary<Record<string, AnswerValue>> {
  return fc.oneof(rawAnswersArb(rs, unansweredWeight, {}), rawAnswersArb(rs, unansweredWeight, IN_SCOPE)).map((raw) => {
    const clean: Record<string, AnswerValue> = {};
    for (const [k, v] of Object.entries(raw)) if (v !== undefined) clean[k] = v;
    return pruneHiddenAnswers(rs, clean).answers;
  });
}
