/** One question as form controls: radios (yes/no, single choice), checkboxes (multi), text or number. */
import type { UseFormRegister, FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Lang, Question } from '../engine';
import { optionsOf } from '../report/options';
import { WhyWeAsk } from './WhyWeAsk';
import { Glossed } from '../catalogue/Glossed';

/** A conflict this question takes part in: the message, and the other questions involved. */
export interface FieldConflict {
  id: string;
  message: string;
  others: { id: string; text: string }[];
}

export type FormValues = Record<string, string | string[] | undefined>;

interface Props {
  question: Question;
  register: UseFormRegister<FormValues>;
  rules: Parameters<UseFormRegister<FormValues>>[1];
  error?: FieldError;
  lang: Lang;
  conflicts?: FieldConflict[];
  /** Brings another question into view (the other side of a conflict). */
  onGoTo?: (questionId: string) => void;
}

export const fieldId = (q: string) => `q-${q.replace(/[^a-z0-9_-]/gi, '-')}`;

export function QuestionField({ question: q, register, rules, error, lang, conflicts, onGoTo }: Props) {
  const { t } = useTranslation();
  const id = fieldId(q.id);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const conflictId = `${id}-conflict`;
  const describedBy = [hintId, error ? errorId : undefined, conflicts?.length ? conflictId : undefined].filter(Boolean).join(' ');
  const reg = register(q.id, rules);
  const label = (
    <>
      {q.text[lang]}
      {q.optional ? <span className="optional"> {t('questionnaire:field.optional')}</span> : null}
    </>
  );
  const hint = (
    <p className="hint" id={hintId}>
      <Glossed text={q.plain[lang]} lang={lang} />
      {q.type === 'multi' ? ` ${t('questionnaire:field.chooseAll')}` : ''}
    </p>
  );
  const errorText = error ? (
    <p className="field-error" id={errorId} role="alert">
      {error.message}
    </p>
  ) : null;
  const conflictNote = conflicts?.length ? (
    <div className="notice warning conflict" id={conflictId} data-testid={`conflict-${q.id}`}>
      <p className="conflict-title">{t('questionnaire:conflict.title')}</p>
      {conflicts.map((c) => (
        <div key={c.id} data-conflict={c.id}>
          <p>{c.message}</p>
          {c.others.length ? (
            <p>
              {t('questionnaire:conflict.see')}{' '}
              {c.others.map((o) => (
                <button key={o.id} type="button" className="link" onClick={() => onGoTo?.(o.id)}>
                  {o.text}
                </button>
              ))}
            </p>
          ) : null}
        </div>
      ))}
    </div>
  ) : null;

  if (q.type === 'text' || q.type === 'number') {
    const long = q.type === 'text' && (q.maxLength ?? 2000) > 200;
    return (
      <div className={`question${error ? ' has-error' : ''}`} id={`${id}-block`} data-question={q.id} data-type={q.type}>
        <label htmlFor={id} className="question-text">
          {label}
        </label>
        {hint}
        {long ? (
          <textarea id={id} rows={3} aria-invalid={!!error} aria-describedby={describedBy} {...reg} />
        ) : (
          <input
            id={id}
            type={q.type === 'number' ? 'number' : 'text'}
            inputMode={q.type === 'number' ? 'decimal' : undefined}
            aria-invalid={!!error}
            aria-describedby={describedBy}
            {...reg}
          />
        )}
        {q.unit ? <span className="unit">{q.unit[lang]}</span> : null}
        {errorText}
        {conflictNote}
        <WhyWeAsk question={q} lang={lang} />
      </div>
    );
  }

  const multi = q.type === 'multi';
  return (
    <fieldset className={`question${error ? ' has-error' : ''}`} id={`${id}-block`} aria-describedby={describedBy} data-question={q.id} data-type={q.type}>
      <legend className="question-text">{label}</legend>
      {hint}
      <div className="options">
        {optionsOf(q).map((o, i) => {
          const oid = `${id}-${o.id}`;
          return (
            <div className="option" key={o.id}>
              <input id={i === 0 ? id : oid} type={multi ? 'checkbox' : 'radio'} value={o.id} {...reg} />
              <label htmlFor={i === 0 ? id : oid}>
                {o.label[lang]}
                {o.help ? <span className="option-help">{o.help[lang]}</span> : null}
              </label>
            </div>
          );
        })}
      </div>
      {errorText}
      {conflictNote}
      <WhyWeAsk question={q} lang={lang} />
    </fieldset>
  );
}
