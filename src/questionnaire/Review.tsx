/** All answers before the result: each section's questions with the answer given, and a way back to change them. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRuleSet } from '../ruledata/context';
import { allAnswered, isAnswered, visibleQuestions, type AnswerValue, type Lang } from '../engine';
import { valueText } from '../report/answer-text';
import type { QuestionnaireEvent } from './machine';

interface Props {
  answers: Readonly<Record<string, AnswerValue>>;
  send: (e: QuestionnaireEvent) => void;
  lang: Lang;
}

export function Review({ answers, send, lang }: Props) {
  const ruleSet = useRuleSet();
  const { t } = useTranslation();
  useEffect(() => document.getElementById('step-heading')?.focus(), []);
  const complete = allAnswered(ruleSet, answers);
  return (
    <section className="review" aria-labelledby="step-heading" data-testid="review">
      <h2 id="step-heading" tabIndex={-1}>
        {t('questionnaire:review.title')}
      </h2>
      <p>{complete ? t('questionnaire:review.intro') : t('questionnaire:review.incomplete')}</p>
      {ruleSet.sections.map((s) => {
        const qs = visibleQuestions(ruleSet, answers, s.id);
        if (!qs.length) return null;
        return (
          <section key={s.id} className="review-section" aria-labelledby={`review-${s.id}`}>
            <div className="review-head">
              <h3 id={`review-${s.id}`}>{s.title[lang]}</h3>
              <button type="button" className="secondary small" onClick={() => send({ type: 'JUMP', section: s.id })}>
                {t('questionnaire:review.change')}
                <span className="visually-hidden"> {s.title[lang]}</span>
              </button>
            </div>
            <dl>
              {qs.map((q) => (
                <div key={q.id} className={!q.optional && !isAnswered(answers[q.id]) ? 'missing' : undefined}>
                  <dt>{q.text[lang]}</dt>
                  <dd>{isAnswered(answers[q.id]) ? valueText(ruleSet, q.id, answers[q.id], lang, t) : q.optional ? '—' : t('questionnaire:review.missing')}</dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
      <div className="step-buttons">
        <button type="button" className="secondary" onClick={() => send({ type: 'BACK' })}>
          {t('questionnaire:nav.back')}
        </button>
        <button type="button" className="primary" data-testid="finish" onClick={() => send({ type: 'FINISH' })}>
          {complete ? t('questionnaire:review.finish') : t('questionnaire:review.goToMissing')}
        </button>
      </div>
    </section>
  );
}
