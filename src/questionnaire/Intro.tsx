/** The start: what the tool does and does not do, who is assessing, and where the work is kept. */
import { formatDate } from '../lib/dates';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useRuleSet } from '../ruledata/context';
import type { Lang } from '../engine';

interface Props {
  assessor?: string;
  hasAnswers: boolean;
  onStart: (assessor: string | undefined) => void;
  lang: Lang;
}

export function Intro({ assessor, hasAnswers, onStart, lang }: Props) {
  const ruleSet = useRuleSet();
  const { t } = useTranslation();
  const { register, handleSubmit, formState } = useForm<{ assessor: string }>({ values: { assessor: assessor ?? '' } });
  useEffect(() => document.getElementById('step-heading')?.focus(), []);
  return (
    <section className="intro" aria-labelledby="step-heading">
      <h2 id="step-heading" tabIndex={-1}>
        {t('app:intro.title')}
      </h2>
      <p>{t('app:intro.what')}</p>
      <ul>
        <li>{t('app:intro.regimes.SH')}</li>
        <li>{t('app:intro.regimes.SZ')}</li>
        <li>{t('app:intro.regimes.EU')}</li>
      </ul>
      <p>{t('app:intro.time')}</p>
      <p>{t('app:intro.privacy')}</p>
      <p className="disclaimer">{ruleSet.manifest.disclaimer[lang]}</p>
      <form noValidate onSubmit={handleSubmit((v) => onStart(v.assessor.trim() || undefined))}>
        <label htmlFor="assessor">{t('app:intro.assessor')}</label>
        <p className="hint" id="assessor-hint">
          {t('app:intro.assessorHint')}
        </p>
        <input
          id="assessor"
          autoComplete="name"
          aria-describedby={formState.errors.assessor ? 'assessor-hint assessor-error' : 'assessor-hint'}
          aria-invalid={!!formState.errors.assessor}
          {...register('assessor', { maxLength: { value: 200, message: t('questionnaire:validation.tooLong', { max: 200, length: '>200' }) } })}
        />
        {formState.errors.assessor ? (
          <p className="field-error" id="assessor-error" role="alert">
            {formState.errors.assessor.message}
          </p>
        ) : null}
        <div className="step-buttons">
          <button type="submit" className="primary" data-testid="start">
            {hasAnswers ? t('app:intro.continue') : t('app:intro.start')}
          </button>
        </div>
      </form>
      <p className="version">{t('app:intro.ruleSet', { version: ruleSet.version, date: formatDate(ruleSet.date, lang) })}</p>
    </section>
  );
}
