/**
 * Hard cases (rule set 2.0.0): answers checked instead of taken on faith, the conditions that decide a
 * tier, and duties shown with their real force. Each case goes from answers to tiers, reasons and duties
 * through the public engine API, and names the sentence of the statute it rests on.
 *
 * `owner(...)` builds an answer set as an owner would fill it in: it starts from a neutral product and
 * answers every question the changes make asked with the neutral answer ("none", "no"…), so that each
 * case states only what makes it hard.
 */
import { describe, expect, it } from 'vitest';
import { type AnswerValue, type Assessment, assess, findConflicts, pruneHiddenAnswers, settledOutOfScope } from '../engine';
import { askedQuestions } from './answers';
import { createI18n } from '../i18n/i18n';
import { formatAnswerError } from '../report/answer-text';
import { present } from '../report/present';
import { projectRules } from '../testing/fixtures';

const rs = projectRules();
const DATE = '2026-11-30';

/** The neutral answer to each question: what an owner answers when the question does not concern the product. */
const NEUTRAL: Record<string, AnswerValue> = {
  ai_techniques: ['machine_learning'],
  cn_locations: ['none'],
  cn_city_reading: 'counts',
  cn_role: ['provides'],
  eu_nexus: ['placed_on_market'],
  eu_market_status: 'since_2026_08_02',
  eu_roles: ['provider'],
  eu_art25: ['none'],
  eu_established: 'yes',
  eu_exclusions: ['none'],
  open_source: 'no',
  company_size: 'large',
  cn_prohibited: ['none'],
  eu_prohibited: ['none'],
  uses_people: ['none'],
  education_institution: 'yes',
  employment_users: ['customers'],
  uses_safety_public: ['none'],
  justice_substantive: 'yes',
  elections_voter_exposure: 'yes',
  law_enforcement_uses: ['none'],
  migration_uses: ['none'],
  annex_i_product: ['none'],
  annex_i_third_party: 'yes',
  safety_role: 'non_safety',
  personalised_pricing: 'no',
  pricing_basis: 'risk_cost',
  cn_public_interest_sector: 'no',
  sz_standards: 'national_standard',
  sz_personal_safety: 'no',
  affected_groups: ['public'],
  scale: 'up_to_100k',
  public_sector: ['none'],
  personal_data: 'no',
  personal_data_shared: 'no',
  shared_required_by_law: 'no',
  biometric_uses: ['none'],
  rbi_remote: 'no',
  rbi_public_space: 'no',
  face_scraping: 'no',
  emotion_context: ['elsewhere'],
  emotion_medical_safety: 'no',
  categorisation_exception: 'neither',
  interacts_with_people: 'no',
  generates_content: ['none'],
  generation_assistive_only: 'no',
  deep_fakes: 'no',
  intimate_imagery: 'cannot',
  csam: 'cannot',
  sexual_content_use: ['none'],
  public_interest_text: 'no',
  decisions_about_people: 'none',
  profiling: 'no',
  derogation: ['none'],
  eu_legacy_design: 'changes',
  gpai_model: 'no',
  gpai_compute: 'below',
  gpai_designated: 'no',
  gpai_open_source: 'no',
  gpai_monetised: 'no',
  gpai_before_aug_2025: 'no',
};

/** An answer set as an owner would give it: the changes, and the neutral answer to every other question asked. */
function owner(changes: Record<string, AnswerValue>): Record<string, AnswerValue> {
  let answers: Record<string, AnswerValue> = { ...changes };
  for (let round = 0; round < 8; round++) {
    const asked = askedQuestions(rs, answers);
    let added = false;
    for (const q of rs.questions) {
      if (asked.get(q.id) === 'hidden' || answers[q.id] !== undefined || q.type === 'text') continue;
      const v = NEUTRAL[q.id];
      if (v === undefined) continue;
      answers[q.id] = v;
      added = true;
    }
    answers = pruneHiddenAnswers(rs, answers).answers;
    if (!added) break;
  }
  return answers;
}

function run(changes: Record<string, AnswerValue>, date = DATE): Assessment {
  const r = assess(rs, owner(changes), { date });
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.assessment;
}

const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id);
const reasonIds = (a: Assessment, regime: 'SH' | 'SZ' | 'EU') => a.regimes[regime].reasons.map((r) => r.id);
const en = createI18n('en').t;

describe('1. answers that contradict each other or the law are caught', () => {
  const recruiting = { uses_people: ['recruitment'], employment_users: ['customers'], affected_groups: ['workers'] };

  it('an Art. 6(3) derogation claimed for a system that scores the people decided about: needs review, worst case high, both questions named', () => {
    // Art. 6(3): "shall always be considered to be high-risk where the AI system performs profiling"; a score that orders a queue influences the outcome.
    const a = run({ ...recruiting, decisions_about_people: 'assists', derogation: ['preparatory'] });
    expect(a.regimes.EU.tier).toBe('needs_review');
    expect(a.regimes.EU.worstCase).toBe('high');
    expect(a.regimes.EU.conflicts).toEqual(['eu.derogation_vs_scoring']);
    expect(a.conflicts).toEqual([expect.objectContaining({ id: 'eu.derogation_vs_scoring', questions: ['derogation', 'decisions_about_people'], articles: expect.arrayContaining(['EU-6(3)']) })]);
    expect(a.regimes.EU.openQuestions?.map((o) => [o.question, o.state])).toContainEqual(['derogation', 'disputed']);
    // The questionnaire finds the same conflict beside the questions.
    expect(findConflicts(rs, owner({ ...recruiting, decisions_about_people: 'assists', derogation: ['preparatory'] })).map((c) => c.id)).toEqual(['eu.derogation_vs_scoring']);
  });

  it('an accepted derogation says which Annex III point and which limb of Art. 6(3), and never "no high-risk use"', () => {
    const a = run({ uses_safety_public: ['migration'], migration_uses: ['applications'], decisions_about_people: 'prepares', derogation: ['narrow_procedural'], public_sector: ['public_customers'] });
    expect(a.regimes.EU.tier).toBe('minimal');
    const finding = a.regimes.EU.reasons.find((r) => r.kind === 'finding')!;
    expect(finding.id).toBe('eu.derogated.narrow_procedural');
    expect(finding.articles).toEqual(['EU-6(3)', 'EU-ANNEX-III-7(c)']);
    const report = present(rs, a, 'en', en);
    const text = report.regimes.EU.reasons.find((r) => r.kind === 'finding')!.text;
    expect(text).toMatch(/^Annex III, point 7\(c\) use, not high-risk under Art\. 6\(3\)\(a\)/);
    expect(report.regimes.EU.reasons.map((r) => r.text).join(' ')).not.toMatch(/no high-risk use/i);
    expect(ids(a.duties)).toEqual(expect.arrayContaining(['EU-6(4)-derogation-assessment', 'EU-49(2)-derogation-registration']));
  });

  it('"not yet on the market" beside "we sell it in the EU" is flagged; a planned launch alone is assessed for planning, with dated duties', () => {
    const conflicting = run({ ...recruiting, eu_market_status: 'planned', eu_nexus: ['placed_on_market'] });
    expect(conflicting.conflicts.map((c) => c.id)).toEqual(['eu.planned_vs_market']);
    expect(conflicting.regimes.EU.tier).toBe('needs_review');
    const planned = run({ ...recruiting, eu_market_status: 'planned', eu_nexus: ['output_in_eu'] });
    expect(planned.conflicts).toEqual([]);
    expect(planned.regimes.EU.tier).toBe('high');
    expect(reasonIds(planned, 'EU')).toContain('eu.planned_launch');
    expect(planned.duties.find((d) => d.id === 'EU-9-risk-management')).toMatchObject({ from: '2027-12-02', appliesNow: false });
  });

  it('the Art. 5(1)(f) medical-or-safety exception claimed for wellbeing monitoring at work: needs review, worst case prohibited', () => {
    // Recital 44: "strictly for medical or safety reasons, such as systems intended for therapeutical use".
    const base = { biometric_uses: ['emotion'], emotion_context: ['workplace'], emotion_medical_safety: 'yes', affected_groups: ['workers'] };
    const wellbeing = run({ ...base, emotion_purpose: ['wellbeing', 'reports'] });
    expect(wellbeing.conflicts.map((c) => c.id)).toEqual(['eu.emotion_exception_vs_purpose']);
    expect(wellbeing.regimes.EU).toMatchObject({ tier: 'needs_review', worstCase: 'unacceptable' });
    const hazard = run({ ...base, emotion_purpose: ['hazard'] });
    expect(hazard.conflicts).toEqual([]);
    expect(hazard.regimes.EU.tier).toBe('high');
    expect(hazard.regimes.EU.reasons.flatMap((r) => r.articles)).toContain('EU-ANNEX-III-1(c)');
    const honest = run({ ...base, emotion_medical_safety: 'no' });
    expect(honest.regimes.EU.tier).toBe('unacceptable');
  });

  it('verification is a claimed identity checked 1:1; matching a face against all registered users is identification', () => {
    const verification = rs.questionById.get('biometric_uses')!.options!.find((o) => o.id === 'verification')!;
    expect(verification.label.en).not.toMatch(/access control/i);
    expect(verification.label.en).toMatch(/first claims who they are/);
    expect(verification.cites).toEqual(['EU-3(36)']);
    const gate = run({ biometric_uses: ['identification'], rbi_remote: 'yes', rbi_public_space: 'no', personal_data: 'yes' });
    expect(gate.regimes.EU.tier).toBe('high');
    expect(gate.regimes.EU.reasons.flatMap((r) => r.articles)).toContain('EU-ANNEX-III-1(a)');
    const badge = run({ biometric_uses: ['verification'], personal_data: 'yes' });
    expect(badge.regimes.EU.tier).toBe('minimal');
  });

  it('risk-based pricing is not price discrimination; pricing by willingness to pay is (SH Art. 67(4), SZ Art. 72(5))', () => {
    const cn = { cn_locations: ['shanghai', 'shenzhen'], eu_nexus: ['none'], personalised_pricing: 'yes' };
    const risk = run({ ...cn, pricing_basis: 'risk_cost' });
    expect(risk.regimes.SH.tier).not.toBe('prohibited');
    expect(ids(risk.duties)).toEqual(expect.arrayContaining(['SH-67(4)-screen', 'SZ-72(5)-screen']));
    const behaviour = run({ ...cn, pricing_basis: 'behaviour' });
    expect(behaviour.regimes.SH.tier).toBe('prohibited');
    expect(behaviour.regimes.SZ.tier).toBe('prohibited');
    expect(behaviour.regimes.SZ.reasons.flatMap((r) => r.articles)).toContain('SZ-72(5)');
    expect(rs.questionById.get('cn_prohibited')!.options!.find((o) => o.id === 'price_discrimination')!.help!.en).toMatch(/risk-based pricing/);
  });

  it('"exclusively military" beside a civilian use is caught (Art. 2(3)); research-only beside selling is caught (Art. 2(6))', () => {
    const military = run({ eu_exclusions: ['military'], uses_safety_public: ['migration'], migration_uses: ['identification'] });
    expect(military.conflicts.map((c) => c.id)).toEqual(['eu.military_vs_civilian']);
    expect(military.regimes.EU.tier).toBe('needs_review');
    // The EU questions the exclusion had skipped may be answered now, and their answers decide the worst case.
    const asked = askedQuestions(rs, owner({ eu_exclusions: ['military'], uses_safety_public: ['migration'], migration_uses: ['identification'] }));
    expect(asked.get('eu_prohibited')).toBe('maybe');
    expect(military.regimes.EU.worstCase).toBe('high');
    expect(military.regimes.EU.reasons.flatMap((r) => r.articles)).toContain('EU-ANNEX-III-7(d)');
    const research = run({ eu_exclusions: ['research_only'], eu_nexus: ['placed_on_market'] });
    expect(research.conflicts.map((c) => c.id)).toEqual(['eu.research_vs_market']);
    const honestMilitary = run({ eu_exclusions: ['military'] });
    expect(honestMilitary.regimes.EU.tier).toBe('out_of_scope');
  });

  it('intimate imagery of real people: China-side prohibited whatever the consent; "cannot happen" answers contradicted by an unblocked generator', () => {
    const cn = { cn_locations: ['shenzhen'], eu_nexus: ['none'], generates_content: ['image'] };
    const consent = run({ ...cn, intimate_imagery: 'consented_only' });
    expect(consent.regimes.SZ.tier).toBe('prohibited');
    expect(consent.regimes.SZ.reasons.flatMap((r) => r.articles)).toContain('SZ-72(6)');
    const open = run({ ...cn, intimate_imagery: 'possible' });
    expect(open.conflicts.map((c) => c.id)).toEqual(['cn.screen_vs_sexual_content']);
    expect(open.regimes.SZ).toMatchObject({ tier: 'needs_review', worstCase: 'prohibited' });
  });
});

describe('2. conditions that decide the EU tier', () => {
  it('Annex III 3(b)-(d) apply within educational institutions only', () => {
    const grading = { uses_people: ['education_assessment'], affected_groups: ['students'] };
    expect(run({ ...grading, education_institution: 'yes' }).regimes.EU.tier).toBe('high');
    expect(run({ ...grading, education_institution: 'no' }).regimes.EU.tier).toBe('minimal');
    expect(run({ ...grading, education_institution: 'not_sure' }).regimes.EU).toMatchObject({ tier: 'needs_review', worstCase: 'high' });
    expect(rs.indicators.get('eu.annex3.3b')!.heuristic!.en).toMatch(/Drafting doubt/);
  });

  it('an AI feature of a regulated product is a safety component only if its failure would endanger health and safety (Art. 6(1a)/(1b))', () => {
    const device = { annex_i_product: ['medical_devices'], annex_i_third_party: 'yes' };
    expect(run({ ...device, safety_role: 'non_safety' }).regimes.EU.tier).toBe('minimal');
    expect(run({ ...device, safety_role: 'failure_endangers' }).regimes.EU.tier).toBe('high');
    const infra = { uses_safety_public: ['critical_infrastructure'] };
    expect(run({ ...infra, safety_role: 'non_safety' }).regimes.EU.tier).toBe('minimal');
    expect(run({ ...infra, safety_role: 'safety_function' }).regimes.EU.tier).toBe('high');
  });

  it('Art. 111(2): a system on the market before the high-risk date and unchanged triggers no high-risk duties; for public authorities, by 2 August 2030', () => {
    const credit = { uses_people: ['credit_scoring'], eu_roles: ['provider'] };
    const legacy = run({ ...credit, eu_legacy_design: 'placed_before_unchanged' });
    expect(legacy.regimes.EU.tier).toBe('high');
    expect(reasonIds(legacy, 'EU')).toContain('eu.legacy');
    expect(ids(legacy.duties)).not.toContain('EU-9-risk-management');
    expect(ids(legacy.duties)).toContain('EU-4-literacy');
    const publicUse = run({ ...credit, eu_legacy_design: 'placed_before_unchanged', public_sector: ['public_customers'] });
    expect(reasonIds(publicUse, 'EU')).toContain('eu.legacy_public');
    expect(publicUse.duties.find((d) => d.id === 'EU-9-risk-management')?.from).toBe('2030-08-02');
    const changed = run({ ...credit, eu_legacy_design: 'changes' });
    expect(changed.duties.find((d) => d.id === 'EU-9-risk-management')?.from).toBe('2027-12-02');
  });

  it('high-risk on both routes lists both reasons and one date, the earlier (2 December 2027)', () => {
    const a = run({ annex_i_product: ['medical_devices'], annex_i_third_party: 'yes', safety_role: 'is_product', uses_safety_public: ['emergency'], uses_people: ['none'] });
    expect(reasonIds(a, 'EU')).toEqual(expect.arrayContaining(['eu.high.annex_iii', 'eu.high.annex_i']));
    const annexI = a.regimes.EU.reasons.find((r) => r.id === 'eu.high.annex_i')!;
    expect(annexI.notes).toEqual(['eu.high.both_routes']);
    expect(a.duties.find((d) => d.id === 'EU-9-risk-management')?.from).toBe('2027-12-02');
    const only = run({ annex_i_product: ['medical_devices'], annex_i_third_party: 'yes', safety_role: 'is_product' });
    expect(only.regimes.EU.reasons.find((r) => r.id === 'eu.high.annex_i')!.notes).toEqual(['eu.high.annex_i.date']);
    expect(only.duties.find((d) => d.id === 'EU-9-risk-management')?.from).toBe('2028-08-02');
  });

  it('a ban not yet in force gives the tier of the assessment date, a dated warning, and dated duties; the date decides', () => {
    const nudify = { generates_content: ['image'], intimate_imagery: 'intended', interacts_with_people: 'yes' };
    const before = run(nudify, '2026-12-01');
    expect(before.regimes.EU.tier).toBe('limited');
    expect(before.regimes.EU.upcoming).toEqual([{ rule: 'eu.unacceptable.new_bans', tier: 'unacceptable', from: '2026-12-02' }]);
    expect(present(rs, before, 'en', en).regimes.EU.upcoming![0]!.text).toMatch(/Unacceptable risk from 2 December 2026/);
    const after = run(nudify, '2026-12-02');
    expect(after.regimes.EU.tier).toBe('unacceptable');
  });

  it('an Art. 25 provider carries every provider-side duty, Art. 50 included', () => {
    const a = run({ eu_roles: ['deployer'], eu_art25: ['changed_purpose'], uses_people: ['recruitment'], employment_users: ['own_staff'], interacts_with_people: 'yes', generates_content: ['text'] });
    expect(a.regimes.EU.tier).toBe('high');
    expect(ids(a.duties)).toEqual(expect.arrayContaining(['EU-9-risk-management', 'EU-50(1)-interaction', 'EU-50(2)-marking']));
  });

  it('"consent" means the depicted person\'s own, verified consent: an uploader\'s declaration does not lift Art. 5(1)(ba)', () => {
    const app = { generates_content: ['image'], intimate_imagery: 'consented_only' };
    const declared = run({ ...app, intimate_consent_check: 'uploader_declares' }, '2026-12-02');
    expect(declared.regimes.EU.tier).toBe('unacceptable');
    expect(declared.regimes.EU.reasons.flatMap((r) => r.articles)).toContain('EU-5(1)(ba)');
    expect(run({ ...app, intimate_consent_check: 'depicted_verified' }, '2026-12-02').regimes.EU.tier).not.toBe('unacceptable');
    expect(run({ ...app, intimate_consent_check: 'not_sure' }, '2026-12-02').regimes.EU).toMatchObject({ tier: 'needs_review', worstCase: 'unacceptable' });
  });

  it('a deployer is asked about its own use of a generator, and an honest "neither" leaves no ban open', () => {
    const deployer = { eu_roles: ['deployer'], generates_content: ['image'] };
    const asked = askedQuestions(rs, owner(deployer));
    expect(asked.get('intimate_imagery')).toBe('hidden');
    expect(asked.get('sexual_content_use')).toBe('asked');
    const clean = run(deployer);
    expect(clean.regimes.EU.tier).not.toBe('needs_review');
    expect(clean.regimes.EU.upcoming).toBeUndefined();
    const abuse = run({ ...deployer, sexual_content_use: ['intimate'] }, '2026-12-02');
    expect(abuse.regimes.EU.tier).toBe('unacceptable');
  });

  it('a model before release must still notify when it is known to exceed 10^25 FLOP; exactly 10^25 does not', () => {
    const model = { eu_roles: ['model_only'], gpai_model: 'yes', eu_market_status: 'planned', eu_nexus: ['placed_on_market'] };
    const big = run({ ...model, eu_nexus: ['output_in_eu'], gpai_compute: 'expected_above' });
    expect(big.gpai).toMatchObject({ applies: true, systemicRisk: true });
    expect(ids(big.duties)).toContain('GPAI-52(1)-notification');
    expect(ids(big.notices)).toContain('GPAI-planned-release');
    const boundary = run({ ...model, eu_nexus: ['output_in_eu'], gpai_compute: 'below' });
    expect(boundary.gpai.systemicRisk).toBe(false);
    expect(rs.questionById.get('gpai_compute')!.options!.find((o) => o.id === 'below')!.label.en).toMatch(/exactly 10\^25/);
  });

  it('a deployer of a chatbot reads that Art. 50(1)/(2) bind the provider, and the reason cites only what fired', () => {
    const a = run({ eu_roles: ['deployer'], interacts_with_people: 'yes', generates_content: ['text'] });
    expect(a.regimes.EU.tier).toBe('limited');
    const limited = a.regimes.EU.reasons.find((r) => r.id === 'eu.limited')!;
    expect(limited.notes).toEqual(['eu.limited.deployer']);
    expect(limited.articles).toEqual(['EU-50(1)', 'EU-50(2)']);
    expect(ids(a.duties)).not.toContain('EU-50(1)-interaction');
    const police = run({ uses_safety_public: ['law_enforcement'], law_enforcement_uses: ['offending_risk'], eu_roles: ['provider'], decisions_about_people: 'assists', profiling: 'yes' });
    const point = police.regimes.EU.reasons.find((r) => r.kind === 'indicator')!;
    expect(point).toMatchObject({ id: 'eu.annex3.6d', articles: ['EU-ANNEX-III-6(d)'] });
  });

  it('small mid-caps get the lower fine cap for operator and transparency duties, not for prohibited practices (Art. 99(6a))', () => {
    const high = run({ uses_people: ['credit_scoring'], company_size: 'smc' });
    expect(ids(high.notices)).toContain('EU-99(6a)-smc');
    expect(ids(high.notices)).not.toContain('EU-99(6)-sme');
    const smeBanned = run({ eu_prohibited: ['social_scoring'], company_size: 'sme' });
    expect(ids(smeBanned.notices)).toContain('EU-99(6)-sme');
    expect(rs.articles.get('EU-99(6a)')!.original).toMatch(/paragraphs 4 and 5/);
  });
});

describe('3. the China side with its real force', () => {
  const sz = { cn_locations: ['shenzhen'], eu_nexus: ['none'] };
  const sh = { cn_locations: ['shanghai'], eu_nexus: ['none'] };

  it('SH Art. 65 ¶2 and SZ Art. 66 ¶2 are anticipated, shown apart; what the statutes bind today stays mandatory', () => {
    const a = run({ cn_locations: ['shanghai', 'shenzhen'], eu_nexus: ['none'] });
    const kind = (id: string) => a.duties.find((d) => d.id === id)?.kind;
    for (const id of ['SH-65.2-disclosure', 'SH-65.2-control', 'SZ-66.2-disclosure', 'SZ-66.2-tracking']) {
      expect(kind(id), id).toBe('anticipated');
      expect(a.duties.find((d) => d.id === id)!.mandatory).toBe(false);
    }
    for (const id of ['SH-67-ethics', 'SZ-72.1-review', 'SZ-69.1-code']) expect(kind(id), id).toBe('duty');
    // Not operative on any date: never "applies now".
    for (const d of a.duties.filter((x) => x.kind === 'anticipated')) expect(d.appliesNow, d.id).toBe(false);
    for (const d of rs.duties.filter((x) => x.regime === 'SH' || x.regime === 'SZ')) expect(d.forceBasis, d.id).toBeDefined();
    const high = run({ ...sh, uses_safety_public: ['vehicles_robots'] });
    expect(high.duties.filter((d) => d.id.startsWith('SH-65.2')).map((d) => d.kind)).toEqual(['anticipated', 'anticipated']);
  });

  it('the indicative high tier rests on SH 65 ¶2 and SZ 66 ¶1; supporting articles are context, our reading', () => {
    const a = run({ ...sz, uses_safety_public: ['medical'] });
    expect(a.regimes.SZ.tier).toBe('high');
    const rule = a.regimes.SZ.reasons.find((r) => r.kind === 'rule')!;
    expect(rule.articles).toContain('SZ-66.1');
    const indicator = a.regimes.SZ.reasons.find((r) => r.id === 'cn.life_health')!;
    expect(indicator.articles).toEqual(['SZ-66.1', 'EU-ANNEX-I-A']);
    expect(indicator.context).toEqual(['SZ-44', 'SZ-72(3)']);
  });

  it('SZ Art. 44: the trial route only when all four conditions hold; otherwise the notice shows the answer that fails', () => {
    const candidate = { ...sz, sz_standards: 'international_only' };
    const safe = run({ ...candidate, sz_personal_safety: 'no' });
    expect(ids(safe.notices)).toContain('SZ-44-trial');
    expect(safe.regimes.SZ.tier).toBe('medium_low');
    const unsafe = run({ ...candidate, sz_personal_safety: 'yes' });
    expect(ids(unsafe.notices)).not.toContain('SZ-44-trial');
    // A product that can affect people's physical safety is in the field SZ 44 names ("公民人身安全"): high, not only off the route.
    expect(unsafe.regimes.SZ.tier).toBe('high');
    expect(unsafe.regimes.SZ.reasons.find((r) => r.id === 'sz.personal_safety')).toMatchObject({ articles: ['SZ-66.1'], context: ['SZ-44'] });
    const notOffered = unsafe.notices.find((n) => n.id === 'SZ-44-not-offered')!;
    expect(notOffered.decidedBy?.map((f) => f.question)).toContain('sz_personal_safety');
  });

  it('equipment whose failure could injure people (a gas appliance, a lift) is a personal-safety field in both cities, whatever the EU says', () => {
    const boiler = run({ cn_locations: ['shanghai', 'shenzhen'], eu_nexus: ['none'], uses_safety_public: ['product_safety'] });
    for (const g of ['SH', 'SZ'] as const) {
      expect(boiler.regimes[g].tier, g).toBe('high');
      expect(boiler.regimes[g].reasons.find((r) => r.id === 'cn.public_safety')!.articles[0], g).toBe(g === 'SH' ? 'SH-66(4)' : 'SZ-66.1');
    }
    // It is no EU Annex III point: the EU tier comes from the Annex I questions, not from this answer.
    const eu = run({ cn_locations: ['none'], eu_nexus: ['placed_on_market'], eu_roles: ['provider'], uses_safety_public: ['product_safety'], annex_i_product: ['none'] });
    expect(eu.regimes.EU.tier).not.toBe('high');
  });

  it('a safety answer that contradicts the safety fields or the safety role is a conflict, not a guess', () => {
    // "Equipment whose failure could injure someone" beside "its failure would endanger no one" (EU Art. 3(14), 6(1b)).
    const both = { cn_locations: ['shanghai', 'shenzhen'], eu_nexus: ['placed_on_market'], eu_roles: ['provider'], annex_i_product: ['none'], uses_safety_public: ['product_safety', 'critical_infrastructure'] };
    const claimed = run({ ...both, safety_role: 'non_safety' });
    expect(claimed.conflicts.map((c) => c.id)).toEqual(['cn.product_safety_vs_safety_role']);
    for (const g of ['SH', 'SZ', 'EU'] as const) expect(claimed.regimes[g], g).toMatchObject({ tier: 'needs_review', worstCase: 'high' });
    const honest = run({ ...both, safety_role: 'failure_endangers' });
    expect(honest.conflicts).toEqual([]);
    expect([honest.regimes.SH.tier, honest.regimes.SZ.tier, honest.regimes.EU.tier]).toEqual(['high', 'high', 'high']);
    // "Could affect people's physical safety" beside "none of these" fields: Shanghai's tier rests on the fields,
    // so it needs review; Shenzhen's is high on the safety answer itself.
    const route = { cn_locations: ['shanghai', 'shenzhen'], eu_nexus: ['none'], sz_standards: 'international_only', sz_personal_safety: 'yes', uses_safety_public: ['none'] };
    const fields = run(route);
    expect(fields.conflicts.map((c) => c.id)).toEqual(['sz.personal_safety_vs_fields']);
    expect(fields.regimes.SH).toMatchObject({ tier: 'needs_review', worstCase: 'high' });
    expect(fields.regimes.SZ.tier).toBe('high');
    // Where Shanghai is out of scope whatever the fields say, the conflict leaves it so.
    const szOnly = run({ ...route, cn_locations: ['shenzhen'] });
    expect(szOnly.conflicts.map((c) => c.id)).toEqual(['sz.personal_safety_vs_fields']);
    expect(szOnly.regimes.SH.tier).toBe('out_of_scope');
    expect(szOnly.regimes.SH.conflicts).toEqual([]);
  });

  it('a product merely offered online nationwide: the cautious reading is an assumption the owner can change', () => {
    const online = { cn_locations: ['online_nationwide'], eu_nexus: ['none'] };
    expect(run({ ...online, cn_city_reading: 'counts' }).regimes.SZ.tier).toBe('medium_low');
    const narrow = run({ ...online, cn_city_reading: 'does_not_count' });
    expect(narrow.regimes.SZ.tier).toBe('out_of_scope');
    expect(narrow.regimes.SZ.reasons[0]).toMatchObject({ id: 'sz.scope.place', articles: ['SZ-1'], notes: ['sz.scope.online_reading'] });
  });

  it('a mere user gets SZ 71, SZ 69 ¶1 and SH 68 as notices; a provider as duties', () => {
    const field = { ...sz, cn_public_interest_sector: 'yes', cn_locations: ['shenzhen', 'shanghai'], biometric_uses: ['verification'], personal_data: 'yes' };
    const user = run({ ...field, cn_role: ['uses_only'] });
    expect(ids(user.duties)).not.toEqual(expect.arrayContaining(['SZ-71-explanation']));
    expect(ids(user.duties).some((id) => id.startsWith('SZ-69.1') || id.startsWith('SH-68'))).toBe(false);
    expect(ids(user.notices)).toEqual(expect.arrayContaining(['SZ-71-users', 'SZ-69-users', 'SH-68-users']));
    const provider = run({ ...field, cn_role: ['provides'] });
    expect(ids(provider.duties)).toEqual(expect.arrayContaining(['SZ-71-explanation', 'SZ-69.1-code', 'SH-68-safeguards']));
  });

  it('SH 46 ¶3 reaches state-owned enterprises; SH 70 counts women among its special groups; SZ 33 ¶2 is about providing data, not entrusted processing', () => {
    expect(ids(run({ ...sh, public_sector: ['state_owned'] }).duties)).toContain('SH-46.3-procure-safe');
    const women = run({ ...sh, affected_groups: ['women'], uses_people: ['insurance_pricing'] });
    expect(women.regimes.SH.reasons.map((r) => r.id)).toContain('cn.special_groups');
    const entrusted = run({ ...sz, personal_data: 'yes', personal_data_shared: 'entrusted_only' });
    expect(ids(entrusted.duties).some((id) => id.startsWith('SZ-33.2'))).toBe(false);
    const shared = run({ ...sz, personal_data: 'yes', personal_data_shared: 'provides', shared_required_by_law: 'no' });
    expect(ids(shared.duties)).toContain('SZ-33.2-deidentify');
  });
});

describe('4. the questionnaire and outputs say only what holds', () => {
  it('no question is asked that refers to an answer never shown', () => {
    // "Does your organisation itself publish … deep fakes" is asked only after the deep-fake question.
    for (const changes of [{ generates_content: ['text'] }, { generates_content: ['image'], deep_fakes: 'no' }] as Record<string, AnswerValue>[]) {
      expect(askedQuestions(rs, owner(changes)).get('publishes_deep_fakes')).toBe('hidden');
    }
    expect(askedQuestions(rs, owner({ generates_content: ['image'], deep_fakes: 'yes' })).get('publishes_deep_fakes')).toBe('asked');
  });

  it('an empty selection names the "none" option only where the question has one', () => {
    const none = assess(rs, { ...owner({}), uses_people: [] }, { date: DATE });
    const noNone = assess(rs, { ...owner({ biometric_uses: ['emotion'] }), emotion_context: [] }, { date: DATE });
    if (none.ok || noNone.ok) throw new Error('expected errors');
    expect(formatAnswerError(none.errors[0]!, en)).toMatch(/choose "none"/);
    expect(formatAnswerError(noNone.errors[0]!, en)).not.toMatch(/none/);
  });

  it('when every regime is out of scope the questionnaire can stop, and the result says why — not "decided by: ."', () => {
    const answers = owner({ ai_techniques: ['none'] });
    expect(settledOutOfScope(rs, answers)).toBe(true);
    expect(settledOutOfScope(rs, owner({}))).toBe(false);
    const a = run({ ai_techniques: ['none'] });
    const report = present(rs, a, 'en', en);
    expect(report.overall).toBe('out_of_scope');
    const sentence = en('result:page.overallOutOfScope');
    expect(sentence).not.toMatch(/decided by/);
  });

  it('answers left open are listed as unanswered, and the tiers they could change need review', () => {
    const answers = owner({ uses_people: ['recruitment'] });
    delete answers.profiling;
    delete answers.derogation;
    const r = assess(rs, answers, { date: DATE });
    if (!r.ok) throw new Error('invalid');
    expect(r.assessment.unanswered).toEqual(expect.arrayContaining(['profiling']));
    expect(r.assessment.regimes.EU.tier).toBe('needs_review');
  });

  it('the headline is labelled honestly when the EU Act does not apply', async () => {
    const { overallHeading } = await import('../report/present');
    const china = present(rs, run({ cn_locations: ['shanghai'], eu_nexus: ['none'] }), 'en', en);
    expect(overallHeading(china, en)).toMatch(/the EU AI Act itself does not apply/);
    const eu = present(rs, run({}), 'en', en);
    expect(overallHeading(eu, en)).toBe(en('result:page.overall'));
  });
});
