/**
 * The engine's public API, and the only door into it from outside `src/engine/`: pure TypeScript, no
 * React, no I/O, safe for the browser bundle. The web app, the command line and the tests all go
 * through it. Validating rule files (zod) is behind its own entry, `./validate`, for the build, the
 * command line and the tests.
 */
export { buildRuleSet } from './build';
export { TRUSTED_PARSERS, formatPath } from './ruleset';
export type { RawRuleSet, RawFile, RuleSet, RuleSetError, LoadResult, Question, Section, Article, Duty, Indicator, GlossaryTerm } from './ruleset';
export { assess, euLevelOf } from './assess';
export type { Assessment, AssessResult, AssessOptions, RegimeResult, RegimeTier, Reason, AnswerFact, OpenQuestion, DutyResult, GpaiResult, OverallLevel, Tri, UpcomingTier } from './assessment';
export { askedQuestions, parseAnswers, pruneHiddenAnswers, ANSWER_ERROR_CODES } from './answers';
export type { Answers, AnswerError, AnswerErrorCode, Asked } from './answers';
export type { AnswerValue } from './program';
export { allAnswered, applyAnswers, firstIncompleteSection, isAnswered, missingQuestions, sectionHasQuestions, sectionNeverAsked, visibleQuestions } from './progress';
export type { AnswerMap } from './progress';
export { findConflicts } from './consistency';
export type { Conflict } from './consistency';
export { settledOutOfScope } from './scope';
export { compareVersions, migrateAnswers } from './migrate';
export { findWitnesses } from './coverage';
export { reassessmentTriggers } from './triggers';
export type { Trigger } from './triggers';
export { memoOn } from './memo';
export { sampleAnswers, seededRandom } from './sample';
export { REGIMES, LANGS, TIER_NAMES, DUTY_REGIMES, glossaryForms } from './constants';
export type { Regime, Lang, TierName, DutyKind, DutyRegime, LocalText, Condition, OptionDef } from './schema';
