/**
 * Every case of the rule set against the outcome written beside it as data: the worked examples
 * (rules/examples) and the reviewers' scenarios (rules/scenarios). A changed tier, a duty or notice
 * added, removed or renamed fails here, naming the case; `npm run rules:cases` rewrites the expected
 * files after a deliberate change so that the review sees it as a diff.
 */
import { describe, expect, it } from 'vitest';
import { projectRules } from '../testing/fixtures';
import { listCases, readExpected, runCase } from './cases';

const rs = projectRules();
const cases = listCases();

describe('cases pinned by their expected outcomes', () => {
  it('finds the nine worked examples and the reviewers\' scenarios, each with its expected outcome', () => {
    expect(cases.filter((c) => c.file.startsWith('rules/examples/')).map((c) => c.id)).toEqual(['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9']);
    expect(cases.filter((c) => c.file.startsWith('rules/scenarios/'))).toHaveLength(64);
    expect(cases.filter((c) => !readExpected(c)).map((c) => c.file)).toEqual([]);
  });

  for (const c of cases) {
    it(`${c.id} (${c.file}) comes to its expected tiers, duties and notices`, () => {
      const expected = readExpected(c)!;
      const r = runCase(rs, c);
      if (!r.ok) throw new Error(r.message);
      expect(r.outcome).toEqual({ ...expected, date: String(expected.date) });
    });
  }
});
