/**
 * "Not sure is an answer": a regime whose tier hangs on an open answer is needs_review, with the
 * strictest tier it could reach, the questions to settle and the articles they decide. Also: dates.
 */
import { describe, expect, it } from 'vitest';
import { assess } from '../engine';
import { exampleAnswers, mustAssess, projectRules } from '../testing/fixtures';

describe('needs_review', () => {
  it('an unsure EU nexus leaves the EU tier open, naming the question and Art. 2(1)', () => {
    const answers = { ...exampleAnswers('E2'), eu_nexus: ['not_sure'] };
    // Questions asked only with an EU nexus are now "maybe asked": the owner can answer them or not.
    const a = mustAssess(answers);
    const eu = a.regimes.EU;
    expect(eu.tier).toBe('needs_review');
    expect(eu.worstCase).toBeDefined();
    expect(eu.possible).toContain('out_of_scope');
    const q = eu.openQuestions!.find((o) => o.question === 'eu_nexus')!;
    expect(q.state).toBe('not_sure');
    expect(q.articles).toContain('EU-2(1)');
    expect(a.overall).toBe('needs_review');
    expect(a.overallDetail.atLeast).toBe('limited'); // Shenzhen medium/low is firm
  });

  it('"not sure" whether customers rank candidates: worst case high, settle uses_people', () => {
    const answers = { ...exampleAnswers('E4'), uses_people: ['not_sure'] };
    delete (answers as Record<string, unknown>).profiling;
    const a = mustAssess(answers);
    expect(a.regimes.EU.tier).toBe('needs_review');
    expect(a.regimes.EU.worstCase).toBe('high');
    expect(a.regimes.EU.bestCase).toBe('minimal');
    expect(a.regimes.EU.openQuestions!.map((o) => o.question)).toContain('uses_people');
    // Duties that apply only if the answer is settled one way are marked uncertain, with the questions they depend on.
    const possible = a.duties.find((d) => d.id === 'EU-9-risk-management');
    expect(possible?.certain).toBe(false);
    expect(possible?.dependsOn).toContain('uses_people');
    expect(a.duties.find((d) => d.id === 'EU-4-literacy')!.certain).toBe(true);
  });

  it('a certain prohibited practice is firm even when other screens are open', () => {
    const a = mustAssess({ ...exampleAnswers('E6'), eu_prohibited: ['not_sure'] });
    expect(a.regimes.EU.tier).toBe('unacceptable');
    expect(a.regimes.EU.openQuestions).toBeUndefined();
  });

  it('an unanswered deciding question is an open question, not a guess', () => {
    const answers = { ...exampleAnswers('E8') } as Record<string, unknown>;
    delete answers.uses_safety_public;
    const a = mustAssess(answers);
    expect(a.regimes.SH.tier).toBe('needs_review');
    expect(a.regimes.SH.worstCase).toBe('high');
    // The question itself is open; a follow-up it might reveal (justice_substantive) is listed as maybe asked.
    expect(a.regimes.SH.openQuestions![0]).toEqual(expect.objectContaining({ question: 'uses_safety_public', state: 'unanswered' }));
    expect(a.regimes.SH.openQuestions!.slice(1).every((o) => o.state === 'maybe_asked')).toBe(true);
  });

  it('the GPAI track can be open too', () => {
    const a = mustAssess({ ...exampleAnswers('E4'), gpai_model: 'not_sure' });
    expect(a.gpai.applies).toBe('needs_review');
    expect(a.gpai.openQuestions!.map((o) => o.question)).toContain('gpai_model');
  });
});

describe('dates', () => {
  it('Art. 50(2) marking applies from 2 Aug 2026; assessed before then it is listed as coming', () => {
    const early = mustAssess(exampleAnswers('E5'), '2026-07-01');
    const marking = early.duties.find((d) => d.id === 'EU-50(2)-marking')!;
    expect(marking).toMatchObject({ from: '2026-08-02', appliesNow: false });
    const late = mustAssess(exampleAnswers('E5'), '2026-11-23');
    expect(late.duties.find((d) => d.id === 'EU-50(2)-marking')!.appliesNow).toBe(true);
  });

  it('systems placed on the market before 2 Aug 2026 mark from 2 Dec 2026 (Art. 111(4))', () => {
    const a = mustAssess({ ...exampleAnswers('E5'), eu_market_status: 'before_2026_08_02' }, '2026-11-23');
    expect(a.duties.find((d) => d.id === 'EU-50(2)-marking')).toMatchObject({ from: '2026-12-02', appliesNow: false });
  });

  it('the new Art. 5(1)(ba) prohibition: before 2 Dec 2026 the tier that applies that day, with a dated warning; from then, unacceptable', () => {
    const before = mustAssess({ ...exampleAnswers('E5'), intimate_imagery: 'possible' }, '2026-11-23');
    expect(before.regimes.EU.tier).toBe('limited');
    expect(before.regimes.EU.upcoming).toEqual([{ rule: 'eu.unacceptable.new_bans', tier: 'unacceptable', from: '2026-12-02' }]);
    expect(before.duties.find((d) => d.id === 'EU-5-cease-from-2026-12-02')).toMatchObject({ from: '2026-12-02', appliesNow: false });
    expect(before.notices.find((d) => d.id === 'EU-99(3)-penalty')).toMatchObject({ from: '2026-12-02', appliesNow: false });
    expect(before.duties.some((d) => d.id === 'EU-5-cease')).toBe(false);
    const after = mustAssess({ ...exampleAnswers('E5'), intimate_imagery: 'possible' }, '2026-12-02');
    expect(after.regimes.EU.tier).toBe('unacceptable');
    expect(after.regimes.EU.upcoming).toBeUndefined();
    expect(after.regimes.EU.reasons.map((r) => r.article)).toContain('EU-5(1)(ba)');
    expect(after.duties.find((d) => d.id === 'EU-5-cease')).toMatchObject({ from: '2026-12-02', appliesNow: true });
    expect(after.duties.some((d) => d.id === 'EU-5-cease-from-2026-12-02')).toBe(false);
  });

  it('Annex I-only high-risk systems get the 2 Aug 2028 date', () => {
    const answers = { ...exampleAnswers('E4'), annex_i_product: ['medical_devices'], annex_i_third_party: 'yes', safety_role: 'is_product', eu_legacy_design: 'changes' };
    const a = mustAssess(answers);
    expect(a.regimes.EU.tier).toBe('high');
    expect(a.duties.find((d) => d.id === 'EU-9-risk-management')!.from).toBe('2028-08-02');
  });

  it('GPAI models already on the market before 2 Aug 2025 comply by 2 Aug 2027', () => {
    const base = { ...exampleAnswers('E4'), gpai_model: 'yes', gpai_compute: 'below', gpai_designated: 'no', gpai_open_source: 'no' };
    expect(mustAssess({ ...base, gpai_before_aug_2025: 'yes' }).duties.find((d) => d.id === 'GPAI-53(1)(c)-copyright')!.from).toBe('2027-08-02');
    expect(mustAssess({ ...base, gpai_before_aug_2025: 'no' }).duties.find((d) => d.id === 'GPAI-53(1)(c)-copyright')!.from).toBe('2025-08-02');
  });

  it('rejects an assessment date that is not YYYY-MM-DD', () => {
    const r = assess(projectRules(), exampleAnswers('E4'), { date: '23/11/2026' });
    expect(r.ok).toBe(false);
  });
});

describe('open answers, continued', () => {
  it('"not sure" beside a concrete technique does not reopen "no AI at all"', () => {
    const a = mustAssess({ ...exampleAnswers('E8'), ai_techniques: ['machine_learning', 'not_sure'] });
    expect(a.regimes.SH.tier).toBe('medium_low');
  });

  it('a duty that hangs on an undecided tier names the questions to settle', () => {
    const answers = { ...exampleAnswers('E8') } as Record<string, unknown>;
    delete answers.uses_safety_public;
    const a = mustAssess(answers);
    const list = a.duties.find((d) => d.id === 'SH-65.2-list')!;
    expect(list.certain).toBe(false);
    expect(list.dependsOn![0]).toBe('uses_safety_public');
  });
});
