import { describe, expect, it } from 'vitest';
import { assess } from './assess';
import { compareVersions, migrateAnswers } from './migrate';
import { projectRules } from '../testing/fixtures';

const rs = projectRules();

describe('answers from an earlier rule set', () => {
  it('compares semantic versions', () => {
    expect(compareVersions('1.0.0', '2.0.0')).toBe(-1);
    expect(compareVersions('2.0.0', '2.0.0')).toBe(0);
    expect(compareVersions('10.0.0', '9.9.9')).toBe(1);
  });

  it('reads 1.0.0 answers under 2.0.0: shared data, market date and a pre-market exclusion', () => {
    const old = { personal_data_shared: 'yes', placed_before_aug_2026: 'yes', eu_exclusions: ['pre_market'], eu_nexus: ['placed_on_market'] };
    const { answers, changed } = migrateAnswers(rs, old, '1.0.0');
    expect(answers).toEqual({ personal_data_shared: 'provides', eu_market_status: 'before_2026_08_02', eu_exclusions: ['none'], eu_nexus: ['placed_on_market'] });
    expect(changed.sort()).toEqual(['eu_exclusions', 'eu_market_status', 'personal_data_shared', 'placed_before_aug_2026']);
  });

  it('changes nothing in answers made under this rule set', () => {
    const now = { personal_data_shared: 'provides', eu_exclusions: ['military'] };
    expect(migrateAnswers(rs, now, rs.version)).toEqual({ answers: now, changed: [] });
  });

  it('a 1.0.0 example file assesses under 2.0.0 once migrated (answers to retired questions aside)', () => {
    const old = { ai_techniques: ['machine_learning'], cn_locations: ['none'], eu_nexus: ['used_in_eu'], eu_roles: ['provider'], eu_exclusions: ['pre_market'] };
    const { answers } = migrateAnswers(rs, old, '1.0.0');
    const r = assess(rs, answers, { date: '2026-11-30' });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.assessment.regimes.EU.reasons.map((x) => x.id)).toContain('eu.planned_launch');
  });
});
