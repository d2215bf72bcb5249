/**
 * An assessment made readable: every id resolved to its text in one language, every reason and duty
 * with its article. This is the JSON the command line prints (schema: public/schema/assessment.schema.json)
 * and what the result page and the PDF render. Pure: the rule set and a `t` function come in.
 */
import type { AnswerFact, AnswerValue, Assessment, DutyResult, Lang, OpenQuestion, OverallLevel, Reason, Regime, RegimeTier, RuleSet, TierName, Tri, UpcomingTier } from '../engine';
import { valueText } from './answer-text';
import { formatDate } from '../lib/dates';
import type { TFunction } from '../i18n/i18n';

export const REPORT_SCHEMA_VERSION = 3;

export interface PresentedFact {
  question: string;
  questionText: string;
  value: AnswerValue | null;
  valueText: string;
  state: AnswerFact['state'];
}

export interface PresentedReason {
  kind: Reason['kind'];
  id: string;
  article: string;
  articles: string[];
  text: string;
  answers: PresentedFact[];
  tier?: TierName;
  tentative?: boolean;
  /** Sentences added to a rule's reason (who carries the duties, which date governs…). */
  notes?: string[];
  /** Articles that only support or promote: context for our reading, not the basis. */
  context?: string[];
}

/** Answers that contradict each other or the law, with the questions to look at again. */
export interface PresentedConflict {
  id: string;
  regimes: Regime[];
  articles: string[];
  message: string;
  questions: { question: string; text: string }[];
}

/** A stricter tier that applies from a later date. */
export interface PresentedUpcoming extends UpcomingTier {
  text: string;
}

export interface PresentedOpenQuestion extends OpenQuestion {
  text: string;
  /** Who in a company usually knows the answer (rules: the question's or its section's `whoKnows`). */
  whoKnows: string[];
}

export interface PresentedRegime {
  name: string;
  tier: RegimeTier;
  tierLabel: string;
  possible: TierName[];
  worstCase?: TierName;
  bestCase?: TierName;
  reasons: PresentedReason[];
  ruledOut: PresentedReason[];
  openQuestions?: PresentedOpenQuestion[];
  caveats: string[];
  /** Conflicts that make this regime needs_review (ids into Report.conflicts). */
  conflicts: string[];
  upcoming?: PresentedUpcoming[];
}

export interface PresentedDuty extends Omit<DutyResult, 'articles' | 'decidedBy'> {
  /** For duties that list them: the answers that decided it. */
  decidedBy?: PresentedFact[];
  articles: string[];
  title: string;
  /** What it means in practice, in everyday words. */
  plain: string;
  do: string;
  evidence: string[];
  addressee?: string;
  heuristic?: string;
  unverified?: string;
  /** Why the duty has this force, read from its sentence. */
  forceBasis?: string;
  /** Stopping a prohibited practice: first in the action plan. */
  stop?: boolean;
}

export interface Report {
  schemaVersion: number;
  source?: { file: string; record: number };
  /** The rule set that produced it: version, date and the SHA-256 of its files. */
  ruleSet: { version: string; date: string; sha256?: string };
  assessedOn: string;
  language: Lang;
  /** Company and product from the answers; the cohort from the app's record (an invite link). */
  subject: { company?: string; product?: string; cohort?: { incubator: string; label: string } };
  overall: OverallLevel;
  overallLabel: string;
  overallDetail: Assessment['overallDetail'];
  regimes: Record<Regime, PresentedRegime>;
  gpai: { applies: Tri; systemicRisk: Tri; openQuestions?: PresentedOpenQuestion[] };
  duties: PresentedDuty[];
  notices: PresentedDuty[];
  conflicts: PresentedConflict[];
  /** Asked questions left without an answer: the tiers they could change are needs_review. */
  unanswered: { question: string; text: string }[];
  disclaimer: string;
}

export function present(rs: RuleSet, a: Assessment, lang: Lang, t: TFunction): Report {
  const fact = (f: AnswerFact): PresentedFact => ({
    question: f.question,
    questionText: rs.questionById.get(f.question)?.text[lang] ?? f.question,
    value: f.value,
    valueText: valueText(rs, f.question, f.value, lang, t),
    state: f.state,
  });
  const reasonText = (regime: Regime, r: Reason): string => {
    if (r.kind === 'indicator') {
      const ind = rs.indicators.get(r.id)!;
      return `${ind.title[lang]} — ${ind.explanation[lang]}`;
    }
    if (r.kind === 'finding') {
      const f = rs.tiers[regime].findings!.find((x) => x.id === r.id)!;
      return f.text[lang].replace('{points}', joinList(lang, (r.points ?? []).map((a) => shortArticle(rs, a, lang))));
    }
    const rule = rs.tiers[regime].rules.find((x) => x.id === r.id)!;
    return (r.kind === 'scope' ? rule.inScope ?? rule.reason : rule.reason)[lang];
  };
  const reason = (regime: Regime) => (r: Reason): PresentedReason => {
    const { notes, ...rest } = r;
    delete rest.points; // a finding's points are spelled out in its text
    const rule = notes ? rs.tiers[regime].rules.find((x) => x.id === r.id) : undefined;
    return {
      ...rest,
      text: reasonText(regime, r),
      answers: r.answers.map(fact),
      ...(notes && rule ? { notes: notes.map((id) => rule.notes!.find((n) => n.id === id)!.text[lang]) } : {}),
    };
  };
  const open = (o: OpenQuestion): PresentedOpenQuestion => {
    const q = rs.questionById.get(o.question);
    return { ...o, text: q?.text[lang] ?? o.question, whoKnows: [...(q?.whoKnows ?? [])] };
  };

  const regimes = {} as Record<Regime, PresentedRegime>;
  for (const [regime, r] of Object.entries(a.regimes) as [Regime, Assessment['regimes'][Regime]][]) {
    const caveats = rs.tiers[regime].caveats ?? [];
    regimes[regime] = {
      name: rs.manifest.regimes[regime].name[lang],
      tier: r.tier,
      tierLabel: t(`result:tier.${r.tier}`),
      possible: r.possible,
      ...(r.worstCase ? { worstCase: r.worstCase, bestCase: r.bestCase } : {}),
      reasons: r.reasons.map(reason(regime)),
      ruledOut: r.ruledOut.map(reason(regime)),
      ...(r.openQuestions ? { openQuestions: r.openQuestions.map(open) } : {}),
      caveats: r.caveats.map((id) => caveats.find((c) => c.id === id)!.text[lang]),
      conflicts: [...r.conflicts],
      ...(r.upcoming
        ? { upcoming: r.upcoming.map((u) => ({ ...u, text: t('result:page.upcoming', { tier: t(`result:tier.${u.tier}`), date: formatDate(u.from, lang) }) })) }
        : {}),
    };
  }
  const dutyById = new Map(rs.duties.map((d) => [d.id, d]));
  const duty = (d: DutyResult): PresentedDuty => {
    const def = dutyById.get(d.id)!;
    const { decidedBy, ...rest } = d;
    return {
      ...rest,
      articles: [...d.articles],
      ...(d.dependsOn ? { dependsOn: d.dependsOn } : {}),
      title: def.title[lang],
      plain: def.plain[lang],
      do: def.do[lang],
      evidence: (def.evidence ?? []).map((e) => e[lang]),
      ...(def.addressee ? { addressee: def.addressee[lang] } : {}),
      ...(def.heuristic ? { heuristic: def.heuristic[lang] } : {}),
      ...(def.unverified ? { unverified: def.unverified[lang] } : {}),
      ...(def.forceBasis ? { forceBasis: def.forceBasis[lang] } : {}),
      ...(def.stop ? { stop: true } : {}),
      ...(decidedBy ? { decidedBy: decidedBy.map(fact) } : {}),
    };
  };
  const questionRef = (q: string) => ({ question: q, text: rs.questionById.get(q)?.text[lang] ?? q });
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    ruleSet: { ...a.ruleSet, ...(rs.digest ? { sha256: rs.digest } : {}) },
    assessedOn: a.assessedOn,
    language: lang,
    subject: a.subject,
    overall: a.overall,
    overallLabel: t(`result:tier.${a.overall}`),
    overallDetail: a.overallDetail,
    regimes,
    gpai: { applies: a.gpai.applies, systemicRisk: a.gpai.systemicRisk, ...(a.gpai.openQuestions ? { openQuestions: a.gpai.openQuestions.map(open) } : {}) },
    duties: a.duties.map(duty),
    notices: a.notices.map(duty),
    conflicts: a.conflicts.map((c) => ({
      id: c.id,
      regimes: c.regimes,
      articles: c.articles,
      message: rs.consistency.find((x) => x.id === c.id)!.message[lang],
      questions: c.questions.map(questionRef),
    })),
    unanswered: a.unanswered.map(questionRef),
    disclaimer: rs.manifest.disclaimer[lang],
  };
}

/** A short name for an article, from its heading: "Annex III, point 7(c)", "附件三第7点(c)项". */
export function shortArticle(rs: RuleSet, id: string, lang: Lang): string {
  const heading = rs.articles.get(id)?.heading[lang];
  return heading ? heading.split(' — ')[0]!.trim() : id;
}

/** A date as the user reads it: "2 December 2026", "2026年12月2日". */

// ---------------------------------------------------------------------------------------------
// Sentences the result page and the PDF checklist both print, made in one place.
// ---------------------------------------------------------------------------------------------

/** Items of an inline list: "a, b" in English, "a、b" in Chinese. */
export const joinList = (lang: Lang, items: readonly string[]): string => items.join(lang === 'zh-CN' ? '、' : ', ');

/** "Company · Product", or '' when neither is known. */
export const subjectLine = (r: Report): string => [r.subject.company, r.subject.product].filter(Boolean).join(' · ');

/** Why the overall level is what it is: the regimes that decide it, or the worst case still open. */
export function overallSentence(r: Report, t: TFunction): string {
  if (r.overall === 'needs_review') return t('result:page.overallNeedsReview', { worst: t(`result:tier.${r.overallDetail.worstCase ?? 'needs_review'}`) });
  if (r.overall === 'out_of_scope') return t('result:page.overallOutOfScope');
  return t('result:page.overallExplained', { regimes: joinList(r.language, r.overallDetail.regimes.map((g) => t(`result:regime.${g}`))) });
}

/** The overall level's label: "EU-style", and honest about it when the EU Act itself does not apply. */
export function overallHeading(r: Report, t: TFunction): string {
  return r.regimes.EU.tier === 'out_of_scope' ? t('result:page.overallNoEu') : t('result:page.overall');
}

/** For a regime that needs review: the strictest tier still possible, and every tier still possible. */
export function openRangeSentence(reg: PresentedRegime, lang: Lang, t: TFunction): string {
  return `${t('result:page.worstCase', { tier: t(`result:tier.${reg.worstCase ?? 'needs_review'}`) })} ${t('result:page.possible', {
    tiers: joinList(lang, reg.possible.map((x) => t(`result:tier.${x}`))),
  })}`;
}

/** Whether the EU general-purpose AI model duties apply, and with systemic risk. */
export function gpaiSentence(r: Report, t: TFunction): string {
  return t('result:page.gpai', { applies: t(`result:gpai.${String(r.gpai.applies)}`), systemic: t(`result:gpai.${String(r.gpai.systemicRisk)}`) });
}

/** "applies since 2 February 2025", "applies from 2 December 2027", or for an anticipated duty "expected once the measures are issued". */
export function dutyDateText(d: PresentedDuty, t: TFunction, lang: Lang): string {
  if (d.kind === 'anticipated') return t('result:duty.anticipated');
  const date = formatDate(d.from, lang);
  return d.appliesNow ? t('result:duty.appliesSince', { date }) : t('result:duty.appliesFrom', { date });
}
