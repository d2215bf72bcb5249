/**
 * The rule set in the browser, built once from the structure the build validated; its texts are read
 * from the text store (src/ruledata/text-store.ts) as they arrive.
 */
import { digest, structure } from 'virtual:rules';
import { buildRuleSet, TRUSTED_PARSERS, type RuleSet } from '../engine';
import { bindArticleTexts, restoreRules } from '../ruledata/split';
import { textStore } from '../ruledata/text-store';

function build(): RuleSet {
  const res = buildRuleSet(restoreRules(structure, textStore), TRUSTED_PARSERS);
  // The build validated these files; a failure here means the bundle itself is damaged.
  if (!res.ok) throw new Error(`rule set: ${res.errors[0]?.message ?? 'invalid'}`);
  bindArticleTexts(res.ruleSet.articles.values(), textStore);
  return { ...res.ruleSet, digest };
}

export const ruleSet: RuleSet = build();
export { hasSources, hasTexts, loadArticleTexts, loadTexts, useRuleTexts } from '../ruledata/text-store';
