/**
 * Reassessment triggers: the answers whose change would make a regime's tier stricter, computed from
 * the rules by trying each other answer a question offers (one question at a time) and assessing
 * again. A "not high-risk" or "out of scope" conclusion holds only as long as these answers do — the
 * plan lists them, e.g. "if you start offering it in the EU". "Not sure" is not tried (it is not a change
 * in the product); free text and numbers are not tried either.
 */
import { assess } from './assess';
import type { Answers } from './answers';
import type { RegimeTier } from './assessment';
import { REGIMES, type Regime, type TierName } from './constants';
import type { AnswerValue } from './program';
import { applyAnswers } from './progress';
import type { Question, RuleSet } from './ruleset';

export interface Trigger {
  question: string;
  /** The answer that would move the tier (for a multi-choice question: with this option ticked too). */
  value: AnswerValue;
  regime: Regime;
  from: RegimeTier;
  /** The tier it would move to; `tentative` when that is the worst case of a result needing review. */
  to: TierName;
  tentative: boolean;
}

/** The answers a question could be given instead of `current` (one change each). */
function alternatives(q: Question, current: AnswerValue | undefined): AnswerValue[] {
  if (q.type === 'text' || q.type === 'number') return [];
  const real = [...q.allowed].filter((v) => !q.unknownValues.has(v));
  if (q.type !== 'multi') return real.filter((v) => v !== current);
  const chosen = Array.isArray(current) ? current.filter((v): v is string => typeof v === 'string') : [];
  return real
    .filter((v) => !chosen.includes(v))
    .map((v) => (q.exclusiveValues.has(v) ? [v] : [...chosen.filter((c) => !q.exclusiveValues.has(c) && !q.unknownValues.has(c)), v]));
}

/** Stricter: earlier in the regime's tier list (strictest first). */
function stricter(rs: RuleSet, regime: Regime, to: TierName, from: RegimeTier): boolean {
  const order = rs.tiers[regime].tiers;
  if (from === 'needs_review') return false;
  return order.indexOf(to) < order.indexOf(from);
}

export function reassessmentTriggers(rs: RuleSet, answers: Answers, date: string): Trigger[] {
  const base = assess(rs, answers, { date });
  if (!base.ok) return [];
  const out: Trigger[] = [];
  const given = answers as Record<string, AnswerValue>;
  for (const q of rs.questions) {
    if (given[q.id] === undefined) continue;
    for (const value of alternatives(q, given[q.id])) {
      // The change as the questionnaire makes it: answers it hides are dropped, questions it brings up are open.
      const r = assess(rs, applyAnswers(rs, given, { [q.id]: value }).answers, { date });
      if (!r.ok) continue;
      for (const regime of REGIMES) {
        const before = base.assessment.regimes[regime].tier;
        const after = r.assessment.regimes[regime];
        const to = after.tier === 'needs_review' ? after.worstCase : after.tier;
        if (to && stricter(rs, regime, to, before)) out.push({ question: q.id, value, regime, from: before, to, tentative: after.tier === 'needs_review' });
      }
    }
  }
  return out;
}
