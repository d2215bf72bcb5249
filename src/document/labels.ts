/**
 * The words the Word and Markdown exports add around a document's blocks: the labels of its identity
 * (document id, rule-set version, SHA-256 of the rule files, the document it replaces). Made from the
 * `pdf` namespace by whoever holds a `t` (the result page, the command line), so that the renderers
 * stay pure functions of the document and these labels.
 */
import { formatDate } from '../lib/dates';
import type { Lang } from '../engine';
import type { TFunction } from '../i18n/i18n';
import type { DocumentIdentity } from './blocks';

export interface ExportLabels {
  documentId: string;
  ruleSetVersion: string;
  ruleSetDigest: string;
  replaces: string;
  /** "AIRA-… of 3 November 2026". */
  replacesValue: (documentId: string, date: string) => string;
}

export function exportLabels(t: TFunction, lang: Lang): ExportLabels {
  return {
    documentId: t('pdf:export.documentId'),
    ruleSetVersion: t('pdf:export.ruleSetVersion'),
    ruleSetDigest: t('pdf:export.ruleSetDigest'),
    replaces: t('pdf:export.replaces'),
    replacesValue: (documentId, date) => t('pdf:export.replacesValue', { documentId, date: formatDate(date, lang) }),
  };
}

/** The identity as label–value pairs, in the order both exports print them. */
export function identityRows(id: DocumentIdentity, labels: ExportLabels): [label: string, value: string][] {
  return [
    [labels.documentId, id.documentId],
    [labels.ruleSetVersion, id.ruleSetVersion],
    [labels.ruleSetDigest, id.ruleSetDigest || '—'],
    ...(id.replaces ? [[labels.replaces, labels.replacesValue(id.replaces.documentId, id.replaces.date)] as [string, string]] : []),
  ];
}
