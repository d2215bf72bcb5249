/**
 * The sentences for what reading an assessment file found: problems that refuse it, notices that come
 * with it. One wording for the app's import, the portfolio import, share links and the command line.
 * Every value quoted from a file is shown with its invisible characters named (lib/text-fields.ts
 * `printable`), so a message reads as it is written whatever the file held.
 */
import type { TFunction } from '../i18n/i18n';
import { printable } from '../lib/text-fields';
import { formatAnswerError, type Names } from '../report/answer-text';
import type { FileNotice, FileProblem } from './assessment-file';

const shown = (params: Record<string, string | number>) => Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? printable(v, 200) : v]));

/** With `names` (the app), questions and options are named by their texts in the reader's language. */
export function problemText(p: FileProblem, t: TFunction, names?: Names): string {
  if (p.code === 'bad_answers' && p.answerError) {
    const e = p.answerError;
    const known = names && e.question !== undefined && names.rs.questionById.has(e.question);
    return formatAnswerError({ ...e, ...(e.question !== undefined && !known ? { question: printable(e.question) } : {}), params: shown(e.params) }, t, names);
  }
  if (p.code === 'duplicate_key' && p.params.path === '') return t('errors:file.duplicate_key_top', shown(p.params));
  return t(`errors:file.${p.code}`, shown(p.params));
}

/** Tier and regime ids in a notice are shown by their names. */
export function noticeText(n: FileNotice, t: TFunction): string {
  const p = shown(n.params);
  if (n.code === 'rule_set_overall' || n.code === 'rule_set_tier') {
    p.from = t(`result:tier.${p.from}`);
    p.to = t(`result:tier.${p.to}`);
  }
  if (n.code === 'rule_set_tier') p.regime = t(`result:regime.${p.regime}`);
  return t(`errors:notice.${n.code}`, p);
}
