/**
 * The labels of a document's identity (document id, rule-set version, SHA-256 of the rule files,
 * revision: the document it replaces), the cover's own (`pdf:field.*`): printed by the checklist on its
 * cover and sign-off page, and added by the Word and Markdown exports around the document's blocks.
 * Made by whoever holds a `t` (the result page, the command line), so that the renderers stay pure
 * functions of the document and these labels.
 */
import { formatDate } from '../lib/dates';
import type { Lang } from '../engine';
import type { TFunction } from '../i18n/i18n';
import type { DocumentIdentity } from './blocks';

export interface ExportLabels {
  documentId: string;
  ruleSetVersion: string;
  ruleSetDigest: string;
  /** "Revision". */
  revision: string;
  /** "First issue". */
  firstIssue: string;
  /** "Replaces document AIRA-… of 3 November 2026". */
  replaces: (documentId: string, date: string) => string;
}

export function exportLabels(t: TFunction, lang: Lang): ExportLabels {
  return {
    documentId: t('pdf:field.documentId'),
    ruleSetVersion: t('pdf:field.ruleSet'),
    ruleSetDigest: t('pdf:field.ruleSetDigest'),
    revision: t('pdf:field.revision'),
    firstIssue: t('pdf:field.firstIssue'),
    replaces: (id, date) => t('pdf:field.replaces', { id, date: formatDate(date, lang) }),
  };
}

/** The revision line's value: "First issue", or which document of which day this one replaces. */
export function revisionText(id: DocumentIdentity, labels: ExportLabels): string {
  return id.replaces ? labels.replaces(id.replaces.documentId, id.replaces.date) : labels.firstIssue;
}

/** The identity as label–value pairs, in the order both exports print them. */
export function identityRows(id: DocumentIdentity, labels: ExportLabels): [label: string, value: string][] {
  return [
    [labels.documentId, id.documentId],
    [labels.ruleSetVersion, id.ruleSetVersion],
    [labels.ruleSetDigest, id.ruleSetDigest || '—'],
    [labels.revision, revisionText(id, labels)],
  ];
}
