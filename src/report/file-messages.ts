/**
 * The sentences for what reading an assessment file found: problems that refuse it, notices that come
 * with it. One wording for the app's import, the portfolio import, share links and the command line.
 */
import type { TFunction } from '../i18n/i18n';
import { formatAnswerError } from '../result/present';
import type { FileNotice, FileProblem } from './assessment-file';

export function problemText(p: FileProblem, t: TFunction): string {
  if (p.code === 'bad_answers' && p.answerError) return formatAnswerError(p.answerError, t);
  return t(`errors:file.${p.code}`, p.params);
}

/** Tier and regime ids in a notice are shown by their names. */
export function noticeText(n: FileNotice, t: TFunction): string {
  const p = { ...n.params };
  if (n.code === 'rule_set_overall' || n.code === 'rule_set_tier') {
    p.from = t(`result:tier.${p.from}`);
    p.to = t(`result:tier.${p.to}`);
  }
  if (n.code === 'rule_set_tier') p.regime = t(`result:regime.${p.regime}`);
  return t(`errors:notice.${n.code}`, p);
}
