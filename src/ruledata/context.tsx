/**
 * The rule set, passed down the component tree. The app provides the one the build validated
 * (src/app/rules.ts); a component test provides a small one of its own.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { RuleSet } from '../engine';

const RuleSetContext = createContext<RuleSet | null>(null);

export function RuleSetProvider({ ruleSet, children }: { ruleSet: RuleSet; children: ReactNode }) {
  return <RuleSetContext.Provider value={ruleSet}>{children}</RuleSetContext.Provider>;
}

/** The rule set the nearest provider holds; a component rendered without one is a programming error. */
export function useRuleSet(): RuleSet {
  const rs = useContext(RuleSetContext);
  if (!rs) throw new Error('useRuleSet: no RuleSetProvider above this component');
  return rs;
}
