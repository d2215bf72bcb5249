/**
 * Whether every regime is already settled out of scope by the answers so far: one of the regime's
 * out-of-scope rules that come before any tier rule holds for certain. The questionnaire uses it to go
 * straight to the result (which says why) instead of asking more. Cheap: it compiles only those rules.
 */
import { parseAnswers, type Answers } from './answers';
import { REGIMES } from './constants';
import { type Node, T, programOf } from './program';
import type { RuleSet } from './ruleset';
import { memoOn } from './memo';

/** Per regime, the compiled conditions of its out-of-scope rules (the rules before its first tier). */
const nodesOf = memoOn((rs: RuleSet): Node[][] => {
  const p = programOf(rs);
  return REGIMES.map((regime) => {
    const rules = rs.tiers[regime].rules;
    const firstTier = rules.findIndex((r) => r.tier !== 'out_of_scope');
    return rules.slice(0, firstTier < 0 ? rules.length : firstTier).flatMap((r) => (r.when ? [p.compile(r.when)] : []));
  });
});

/** True when no regime can apply whatever the answers still to come. */
export function settledOutOfScope(rs: RuleSet, answers: Answers): boolean {
  const { state } = parseAnswers(rs, answers);
  return nodesOf(rs).every((rules) => rules.some((n) => n.eval(state) === T));
}
