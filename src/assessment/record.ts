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
  /** Who in the company sees to it. */
  owner?: string;
  /** When it is to be done (YYYY-MM-DD); without one, the date the duty applies from. */
  due?: string;
  /** Where the proof is: links or document references, one each. */
  evidence?: string[];
}
/** At most this many evidence entries per duty, each one line of at most MAX_EVIDENCE_LENGTH. */
export const MAX_EVIDENCE = 20;
export const MAX_EVIDENCE_LENGTH = 500;

/** The date a duty is due: the one the user set, else the date it applies from. */
export const dueDate = (status: DutyStatus | undefined, from: string): string => status?.due ?? from;

/** Overdue: due before `today` and neither done nor found not to apply. */
export const isOverdue = (status: DutyStatus | undefined, from: string, today: string): boolean =>
  dueDate(status, from) < today && status?.status !== 'done' && status?.status !== 'not_applicable';
export const MAX_NOTE_LENGTH = 2000;
/** Title, assessor, incubator and cohort label: one line each. */
export const MAX_LABEL_LENGTH = 200;

/** The group an incubator invited the assessment into (from its invite link); it travels in every export. */
export interface Cohort {
  incubator: string;
  label: string;
}

/** How a document id is written (src/document/identity.ts makes them). */
export const DOCUMENT_ID = /^AIRA-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

/** A document named by its id and the day it is dated. */
export interface DocumentRef {
  documentId: string;
  date: string;
}

/** A document issued for an assessment (a PDF, DOCX or Markdown download). */
export interface IssuedDocument extends DocumentRef {
  /** The document it replaced, if any: a reprint of the same document names the same one. */
  replaces?: DocumentRef;
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
  /** The last document issued for it: the next one with other content names it as the one it replaces. */
  issued?: IssuedDocument;
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
