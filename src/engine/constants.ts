/**
 * The fixed vocabularies of the rule set. Kept apart from the zod schemas so that code running in the
 * browser can use them without loading the validator (the build validates the rule set instead).
 */
export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];

export const REGIMES = ['SH', 'SZ', 'EU'] as const;
export type Regime = (typeof REGIMES)[number];

export const TIER_NAMES = ['prohibited', 'unacceptable', 'high', 'medium_low', 'limited', 'minimal', 'out_of_scope'] as const;
export type TierName = (typeof TIER_NAMES)[number];

export const VERIFICATION = ['seed-verbatim', 'seed-corrected', 'oj-verbatim', 'secondary', 'paraphrase-unverified', 'title-only'] as const;

export const QUESTION_TYPES = ['yesno', 'single', 'multi', 'text', 'number'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/**
 * The force of a duty, read from its sentence: `duty` binds the company answering now; `anticipated` is
 * expected once implementing measures are issued (not operative yet); `encouraged` is what the statute
 * encourages (鼓励, 推动); `notice` is information (others' duties, benefits, penalty ranges).
 */
export const DUTY_KINDS = ['duty', 'anticipated', 'encouraged', 'notice'] as const;
export type DutyKind = (typeof DUTY_KINDS)[number];

/** Duties are grouped by regime; GPAI is the EU's model track; CN holds notices about PRC national rules. */
export const DUTY_REGIMES = [...REGIMES, 'GPAI', 'CN'] as const;
export type DutyRegime = (typeof DUTY_REGIMES)[number];

/** The forms of a glossary term's `match` text ("deployer | deployers"). */
export const glossaryForms = (match: string): string[] => match.split('|').map((f) => f.trim()).filter(Boolean);
