/**
 * Answers and answer errors as text in the user's language: one wording for the review, the result
 * page, the PDF, comparisons, file imports and the command line. Apart from present.ts so that the
 * questionnaire's review and the import's messages do not bring the result's presentation into the
 * first load.
 */
import type { AnswerError, AnswerValue, Lang, RuleSet } from '../engine';
import { optionsOf } from './options';
import type { TFunction } from '../i18n/i18n';

/** An answer as the user chose it: option labels joined, free text and numbers as given. */
export function valueText(rs: RuleSet, questionId: string, value: AnswerValue | null | undefined, lang: Lang, t: TFunction): string {
  if (value === null || value === undefined) return t('app:unanswered');
  const q = rs.questionById.get(questionId);
  if (!q || q.type === 'text' || q.type === 'number') return String(value);
  const labels = new Map(optionsOf(q).map((o) => [o.id, o.label[lang]]));
  const ids = Array.isArray(value) ? value : [value as string];
  return ids.map((id) => labels.get(id) ?? id).join('; ');
}

/** Where a message can name questions and options by their texts, in the reader's language. */
export interface Names {
  rs: RuleSet;
  lang: Lang;
}

/**
 * An answer error (engine/answers.ts) as a sentence. With `names` (the app), the question is named by
 * its text and known options by their labels, never by internal ids; without (the command line, whose
 * users write the ids), by id.
 */
export function formatAnswerError(e: AnswerError, t: TFunction, names?: Names): string {
  const key = e.code === 'empty_selection' && e.params.none !== undefined ? 'empty_selection_none' : e.code;
  const q = names && e.question !== undefined ? names.rs.questionById.get(e.question) : undefined;
  if (!q || !names) return t(`errors:answer.${key}`, { ...e.params, question: e.question ?? '' });
  const labels = new Map(q.type === 'text' || q.type === 'number' ? [] : optionsOf(q).map((o) => [o.id, o.label[names.lang]]));
  const label = (v: string | number) => labels.get(String(v)) ?? String(v);
  const params: Record<string, string | number> = { ...e.params, question: q.text[names.lang] };
  for (const k of ['value', 'none'] as const) if (params[k] !== undefined) params[k] = label(params[k]!);
  if (typeof params.options === 'string') params.options = params.options.split(/,\s*/).map(label).join(names.lang === 'zh-CN' ? '、' : ', ');
  return t(`errors:answer.${key}`, params);
}
