/**
 * One assessment as the app holds it: the answers, where the owner is in the questionnaire, the status of
 * each duty, and who it is for. The file codec (src/file-format) reads and writes it; nothing here does I/O.
 */
import type { AnswerValue } from '../engine';
import type { ResultSummary } from './result-summary';
import type { Step } from './step';

export const DUTY_STATUSES = ['todo', 'in_progress', 'done', 'not_applicable'] as const;
export type DutyStatusName = (typeof DUTY_STATUSES)[number];
export interface DutyStatus {
  status: DutyStatusName;
  note?: string;
}
export const MAX_NOTE_LENGTH = 2000;
/** Title, assessor, incubator and cohort label: one line each. */
export const MAX_LABEL_LENGTH = 200;

/** The group an incubator invited the assessment into (from its invite link); it travels in every export. */
export interface Cohort {
  incubator: string;
  label: string;
}

/** One assessment as the app holds it. */
export interface AssessmentRecord {
  id: string;
  /** The owner's own name for it in the portfolio (otherwise company · product). */
  title?: string;
  assessor?: string;
  cohort?: Cohort;
  answers: Record<string, AnswerValue>;
  step: Step;
  duties: Record<string, DutyStatus>;
  createdAt: string;
  updatedAt: string;
  /** What it came to under the earlier rule set it was made with: kept so the change can be compared. */
  baseline?: { ruleSetVersion: string; result: ResultSummary };
}

/** What the assessment is called: its title, or the company and product it is about. */
export function displayName(record: AssessmentRecord): string {
  if (record.title) return record.title;
  return [record.answers.company_name, record.answers.product_name].filter((v) => typeof v === 'string' && v.trim()).join(' · ');
}

export function newRecord(now = new Date(), id = randomId()): AssessmentRecord {
  const ts = now.toISOString();
  return { id, answers: {}, step: 'intro', duties: {}, createdAt: ts, updatedAt: ts };
}

export function randomId(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
