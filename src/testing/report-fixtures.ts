/**
 * A worked example made readable in one language, as the PDF tests and the PDF benchmark start from it.
 * Apart from fixtures.ts because it loads the i18n resources (JSON modules), which the Playwright
 * runner, importing fixtures.ts, cannot.
 */
import type { AnswerValue, Lang } from '../engine';
import { createI18n } from '../i18n/i18n';
import { reportOf } from '../report/pipeline';
import { exampleAnswers, projectRules } from './fixtures';

export function exampleReport(id: string, lang: Lang, date = '2026-11-23') {
  const rs = projectRules();
  const answers = exampleAnswers(id) as Record<string, AnswerValue>;
  const t = createI18n(lang).t;
  const report = reportOf(rs, { answers }, lang, t, date);
  if (!report) throw new Error(`${id} does not assess`);
  return { rs, answers, report, t };
}
