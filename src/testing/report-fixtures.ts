/**
 * A worked example made readable in one language, as the PDF tests and the PDF benchmark start from it.
 * Apart from fixtures.ts because it loads the i18n resources (JSON modules), which the Playwright
 * runner, importing fixtures.ts, cannot.
 */
import { assess } from '../engine/assess';
import type { Lang } from '../engine/constants';
import type { AnswerValue } from '../engine/program';
import { createI18n } from '../i18n/i18n';
import { present } from '../result/present';
import { exampleAnswers, projectRules } from './fixtures';

export function exampleReport(id: string, lang: Lang, date = '2026-11-23') {
  const rs = projectRules();
  const answers = exampleAnswers(id) as Record<string, AnswerValue>;
  const res = assess(rs, answers, { date });
  if (!res.ok) throw new Error(`${id} does not assess`);
  const t = createI18n(lang).t;
  return { rs, answers, report: present(rs, res.assessment, lang, t), t };
}
