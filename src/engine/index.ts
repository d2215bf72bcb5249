/**
 * The engine's public API: pure TypeScript, no React, no I/O. The web app, the command line and the
 * tests all go through it.
 */
export { loadRuleSet } from './load';
export { buildRuleSet, TRUSTED_PARSERS, optionsOf, formatPath } from './ruleset';
export type { RawRuleSet, RawFile, RuleSet, RuleSetError, LoadResult, Question, Section, Article, Duty, Indicator } from './ruleset';
export { assess, euLevelOf, localIsoDate } from './assess';
export type { Assessment, AssessResult, AssessOptions, RegimeResult, RegimeTier, Reason, AnswerFact, OpenQuestion, DutyResult, GpaiResult, OverallLevel, Tri, UpcomingTier } from './assess';
export { askedQuestions, pruneHiddenAnswers, ANSWER_ERROR_CODES } from './answers';
export { findConflicts } from './consistency';
export type { Conflict } from './consistency';
export { settledOutOfScope } from './scope';
export { compareVersions, migrateAnswers } from './migrate';
export type { Answers, AnswerError, AnswerErrorCode, Asked } from './answers';
export type { AnswerValue } from './program';
export { findWitnesses } from './coverage';
export { sampleAnswers, seededRandom } from './sample';
export { REGIMES, LANGS, TIER_NAMES, DUTY_REGIMES } from './constants';
export type { Regime, Lang, TierName, DutyKind, DutyRegime, LocalText, Condition } from './schema';
