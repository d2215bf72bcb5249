/**
 * The worked examples of shared/spec/examples.md, answered as their owners would answer them
 * (rules/examples/E*.json), from answers to tiers, reasons and duties through the public engine API.
 */
import { describe, expect, it } from 'vitest';
import { dutyArticles, exampleAnswers, mustAssess, reasonArticles } from '../testing/fixtures';

const ids = (xs: { id: string }[]) => xs.map((x) => x.id);
const PROVIDER_HIGH_RISK = ['EU-9', 'EU-10', 'EU-11', 'EU-12', 'EU-13', 'EU-14', 'EU-15', 'EU-16', 'EU-43', 'EU-49(1)'];

describe('E1 Shanghai video-interview scoring sold to EU employers', () => {
  const a = mustAssess(exampleAnswers('E1'));
  it('is EU high (Annex III 4(a)) and Shanghai high on Art. 69', () => {
    expect(a.regimes.EU.tier).toBe('high');
    expect(a.regimes.SH.tier).toBe('high');
    expect(a.overall).toBe('high');
    expect(reasonArticles(a, 'EU')).toContain('EU-ANNEX-III-4(a)');
    expect(reasonArticles(a, 'SH')).toContain('SH-69');
  });
  it('lists the provider duties, with the authorised representative for a non-EU provider', () => {
    const arts = dutyArticles(a.duties);
    for (const art of [...PROVIDER_HIGH_RISK, 'EU-22']) expect(arts).toContain(art);
    const fria = a.duties.find((d) => d.id === 'EU-9-risk-management')!;
    expect(fria.from).toBe('2027-12-02');
    expect(fria.appliesNow).toBe(false);
  });
  it('shows Art. 26 as the customers\' duty, not its own', () => {
    expect(dutyArticles(a.notices)).toContain('EU-26(1)');
    expect(a.duties.some((d) => d.article.startsWith('EU-26'))).toBe(false);
  });
  it('carries no SH Art. 69 duty: that duty is the employer\'s', () => {
    expect(dutyArticles(a.duties)).not.toContain('SH-69');
    expect(a.notices.find((n) => n.id === 'SH-69-customers')).toBeDefined();
  });
});

describe('E2 Shenzhen bank FAQ chatbot, Shenzhen customers only', () => {
  const a = mustAssess(exampleAnswers('E2'));
  it('is SZ medium/low and out of the EU Act', () => {
    expect(a.regimes.SZ.tier).toBe('medium_low');
    expect(a.regimes.EU.tier).toBe('out_of_scope');
    expect(a.regimes.SH.tier).toBe('out_of_scope');
  });
  it('has ex-ante disclosure, ex-post tracking and the Art. 72 ¶1 review', () => {
    expect(ids(a.duties)).toEqual(expect.arrayContaining(['SZ-66.2-disclosure', 'SZ-66.2-tracking', 'SZ-72.1-review']));
    expect(ids(a.duties)).not.toContain('SZ-66.2-assessment');
  });
  it('has no EU duty', () => {
    expect([...a.duties, ...a.notices].some((d) => d.regime === 'EU')).toBe(false);
  });
});

describe('E3 Shanghai pavement delivery robots', () => {
  const a = mustAssess(exampleAnswers('E3'));
  it('is SH high on public and personal safety, with Art. 66(4) as the reason', () => {
    expect(a.regimes.SH.tier).toBe('high');
    expect(reasonArticles(a, 'SH')).toContain('SH-66(4)');
    expect(a.regimes.SH.caveats).toContain('sh.measures_pending');
  });
  it('has list management and compliance review, and Art. 66(4) only as a notice', () => {
    expect(ids(a.duties)).toEqual(expect.arrayContaining(['SH-65.2-list', 'SH-65.2-review']));
    expect(ids(a.notices)).toContain('SH-66(4)-committee');
    expect(a.duties.some((d) => d.article === 'SH-66(4)')).toBe(false);
  });
});

describe('E4 EU online shop recommendations', () => {
  const a = mustAssess(exampleAnswers('E4'));
  it('is EU minimal with AI literacy as the only duty', () => {
    expect(a.regimes.EU.tier).toBe('minimal');
    expect(ids(a.duties)).toEqual(['EU-4-literacy']);
    expect(a.duties[0]!.appliesNow).toBe(true);
    expect(a.notices.some((n) => n.regime === 'EU')).toBe(false);
  });
});

describe('E5 Shanghai face-swap app, public in China and the EU', () => {
  const a = mustAssess(exampleAnswers('E5'));
  it('is EU limited and SH medium/low', () => {
    expect(a.regimes.EU.tier).toBe('limited');
    expect(a.regimes.SH.tier).toBe('medium_low');
    expect(a.regimes.EU.reasons.find((r) => r.kind === 'rule')!.article).toBe('EU-50(2)');
  });
  it('requires machine-readable marking and tells professional users about deep-fake disclosure', () => {
    expect(ids(a.duties)).toContain('EU-50(2)-marking');
    expect(ids(a.notices)).toContain('EU-50(4)-users');
    expect(ids(a.duties)).not.toContain('EU-50(4)-deep-fakes');
  });
  it('asked and passed the Art. 5(1)(ba) screen because safeguards are in place', () => {
    const screen = a.regimes.EU.ruledOut.find((r) => r.article === 'EU-5(1)(ba)')!;
    expect(screen.answers).toContainEqual({ question: 'intimate_imagery', value: 'blocked', state: 'answered' });
  });
  it('carries the SH Art. 68 biometric duties (not a high indicator) and the Art. 67(5) screen', () => {
    expect(ids(a.duties)).toEqual(expect.arrayContaining(['SH-68-safeguards', 'SH-68-algorithm-management', 'SH-67(5)-screen']));
  });
});

describe('E6 Shenzhen classroom emotion tablets, also sold in the EU', () => {
  const a = mustAssess(exampleAnswers('E6'));
  it('is EU unacceptable under Art. 5(1)(f), SZ high and SH out of scope', () => {
    expect(a.regimes.EU.tier).toBe('unacceptable');
    expect(reasonArticles(a, 'EU')).toContain('EU-5(1)(f)');
    expect(a.regimes.SZ.tier).toBe('high');
    expect(a.regimes.SH.tier).toBe('out_of_scope');
    expect(a.overall).toBe('unacceptable');
  });
  it('names minors, education and emotion inference among the SZ reasons', () => {
    const inds = a.regimes.SZ.reasons.filter((r) => r.kind === 'indicator').map((r) => r.id);
    expect(inds).toEqual(expect.arrayContaining(['cn.biometric', 'cn.special_groups']));
  });
  it('has the Art. 72 ¶1 review and the privacy and health screens', () => {
    expect(ids(a.duties)).toEqual(expect.arrayContaining(['SZ-72.1-review', 'SZ-72(2)-screen', 'SZ-72(3)-screen', 'EU-5-cease']));
  });
});

describe('E7 EU city deploying a bought model to rank social-housing applicants', () => {
  const a = mustAssess(exampleAnswers('E7'));
  it('is EU high under Annex III 5(a)', () => {
    expect(a.regimes.EU.tier).toBe('high');
    expect(reasonArticles(a, 'EU')).toContain('EU-ANNEX-III-5(a)');
  });
  it('has the deployer duties: Art. 26, FRIA, registration of use, explanation', () => {
    const arts = dutyArticles(a.duties);
    for (const art of ['EU-26(1)', 'EU-26(2)', 'EU-26(5)', 'EU-27(1)', 'EU-26(8)', 'EU-49(3)', 'EU-86']) expect(arts).toContain(art);
  });
  it('has no provider duty', () => {
    const arts = dutyArticles(a.duties);
    for (const art of PROVIDER_HIGH_RISK) expect(arts).not.toContain(art);
  });
});

describe('E8 Shanghai internal document translator, no personal data', () => {
  const a = mustAssess(exampleAnswers('E8'));
  it('is SH medium/low and out of the EU Act', () => {
    expect(a.regimes.SH.tier).toBe('medium_low');
    expect(a.regimes.EU.tier).toBe('out_of_scope');
  });
  it('has the medium/low duties and no biometric, employment or public-service duty', () => {
    expect(ids(a.duties)).toEqual(expect.arrayContaining(['SH-65.2-disclosure', 'SH-65.2-control']));
    const arts = dutyArticles([...a.duties, ...a.notices]);
    for (const art of ['SH-68', 'SH-69', 'SH-70']) expect(arts).not.toContain(art);
  });
});

describe('E9 Shenzhen online lender scoring applicants and sharing data with a credit bureau', () => {
  const a = mustAssess(exampleAnswers('E9'));
  it('is SZ high on a significant decision about individuals', () => {
    expect(a.regimes.SZ.tier).toBe('high');
    expect(a.regimes.SZ.reasons.some((r) => r.id === 'cn.significant_decisions')).toBe(true);
  });
  it('flags the Art. 33 ¶2 exception for review instead of a bare de-identification duty', () => {
    expect(ids(a.duties)).toContain('SZ-33.2-exception-review');
    expect(ids(a.duties)).not.toContain('SZ-33.2-deidentify');
  });
  it('requires the Art. 71 explanation and the Art. 72(5) price-discrimination screen', () => {
    expect(ids(a.duties)).toEqual(expect.arrayContaining(['SZ-71-explanation', 'SZ-72(5)-screen']));
  });
});
