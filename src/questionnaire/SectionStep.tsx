/**
 * One section of the questionnaire as a react-hook-form form. Every change is sent to the statechart
 * at once (and so saved); NEXT is sent only when the form validates, and the machine checks again.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useRuleSet } from '../ruledata/context';
import { findConflicts, isAnswered, visibleQuestions, type AnswerValue, type Lang, type Question } from '../engine';
import { formValuesOf, toAnswer } from './answer-form';
import { fieldId, QuestionField, type FieldConflict, type FormValues } from './QuestionField';
import type { QuestionnaireEvent } from './machine';

interface Props {
  sectionId: string;
  answers: Readonly<Record<string, AnswerValue>>;
  attempted: boolean;
  focus?: string;
  canFinish: boolean;
  send: (e: QuestionnaireEvent) => void;
  lang: Lang;
}

export function SectionStep({ sectionId, answers, attempted, focus, canFinish, send, lang }: Props) {
  const ruleSet = useRuleSet();
  const { t } = useTranslation();
  const section = ruleSet.sections.find((s) => s.id === sectionId)!;
  const questions = useMemo(() => visibleQuestions(ruleSet, answers, sectionId), [ruleSet, answers, sectionId]);
  const values = useMemo(() => formValuesOf(questions, answers), [questions, answers]);
  const { register, handleSubmit, formState, watch, trigger, setFocus } = useForm<FormValues>({
    values,
    resetOptions: { keepErrors: true },
    mode: 'onTouched',
    reValidateMode: 'onChange',
    shouldFocusError: true,
  });
  const answersRef = useRef(answers);
  answersRef.current = answers;
  const byId = useMemo(() => new Map(questions.map((q) => [q.id, q])), [questions]);
  // Answers that contradict each other or the law, shown beside every question they involve.
  const conflicts = useMemo(() => {
    const out = new Map<string, FieldConflict[]>();
    for (const c of findConflicts(ruleSet, answers)) {
      const message = ruleSet.consistency.find((x) => x.id === c.id)!.message[lang];
      for (const q of c.questions) {
        const others = c.questions.filter((o) => o !== q).map((o) => ({ id: o, text: ruleSet.questionById.get(o)!.text[lang] }));
        out.set(q, [...(out.get(q) ?? []), { id: c.id, message, others }]);
      }
    }
    return out;
  }, [ruleSet, answers, lang]);
  const goTo = (question: string) => {
    if (byId.has(question)) {
      document.getElementById(`${fieldId(question)}-block`)?.scrollIntoView({ block: 'center' });
      setFocus(question);
    } else send({ type: 'EDIT', question });
  };

  // Every change goes to the statechart at once: it prunes what the change hides, and it is saved.
  useEffect(() => {
    const sub = watch((v, { name, type }) => {
      if (!name || type !== 'change') return;
      const q = byId.get(name);
      if (!q) return;
      send({ type: 'ANSWER', answers: { [q.id]: toAnswer(q, v[name], answersRef.current[q.id]) } });
    });
    return () => sub.unsubscribe();
  }, [watch, byId, send]);

  // Questions an answer brings up in this section: announced ("2 more questions below") and, when the
  // first of them is wholly below the window, scrolled just into sight; otherwise nothing moves.
  const ids = questions.map((q) => q.id).join(' ');
  const [shown, setShown] = useState({ section: sectionId, ids, added: [] as string[] });
  if (shown.section !== sectionId || shown.ids !== ids) {
    const before = new Set(shown.ids.split(' '));
    setShown({ section: sectionId, ids, added: shown.section === sectionId ? questions.filter((q) => !before.has(q.id)).map((q) => q.id) : [] });
  }
  useEffect(() => {
    const first = shown.added[0];
    if (!first) return;
    const el = document.getElementById(`${fieldId(first)}-block`);
    const top = el?.getBoundingClientRect().top;
    if (el && top !== undefined && top > window.innerHeight) {
      const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
      window.scrollBy({ top: top - window.innerHeight + 96, behavior: reduce ? 'auto' : 'smooth' });
    }
  }, [shown.added]);

  // NEXT refused by the machine (e.g. the form was bypassed): show every error.
  useEffect(() => {
    if (attempted) void trigger();
  }, [attempted, trigger]);

  // Arriving in a section: focus its heading; arriving from the result to change one answer: bring that
  // question into view. Only then: an answer that shows or hides questions (a new `byId`) must leave
  // the scroll position and the focus where the user has them.
  const arrived = useRef<string>(undefined);
  useEffect(() => {
    const at = `${sectionId}\u0000${focus ?? ''}`;
    if (arrived.current === at) return;
    if (focus && byId.has(focus)) {
      arrived.current = at;
      document.getElementById(`${fieldId(focus)}-block`)?.scrollIntoView({ block: 'center' });
      setFocus(focus);
    } else {
      // A question to change that is not shown (yet): the heading, until it is.
      if (!focus) arrived.current = at;
      document.getElementById('step-heading')?.focus();
    }
  }, [sectionId, focus, byId, setFocus]);

  const rulesFor = (q: Question) => ({
    validate: (v: unknown) => {
      const a = toAnswer(q, v, answersRef.current[q.id]);
      if (!q.optional && !isAnswered(a)) return q.type === 'multi' ? t('questionnaire:validation.chooseOne') : t('questionnaire:validation.required');
      if (q.type === 'text' && typeof a === 'string' && a.trim().length > (q.maxLength ?? 2000))
        return t('questionnaire:validation.tooLong', { max: q.maxLength ?? 2000, length: a.trim().length });
      if (q.type === 'number' && v !== '' && v !== undefined && !Number.isFinite(Number(v))) return t('questionnaire:validation.number');
      if (q.type === 'number' && typeof a === 'number' && ((q.min !== undefined && a < q.min) || (q.max !== undefined && a > q.max)))
        return t('questionnaire:validation.range', { min: q.min ?? '−∞', max: q.max ?? '∞' });
      return true;
    },
  });

  const index = ruleSet.sections.findIndex((s) => s.id === sectionId);
  return (
    <form
      className="section-step"
      data-section={sectionId}
      noValidate
      aria-labelledby="step-heading"
      onSubmit={handleSubmit(() => send({ type: 'NEXT' }))}
    >
      <p className="step-count">{t('questionnaire:step', { n: index + 1, total: ruleSet.sections.length })}</p>
      <h2 id="step-heading" tabIndex={-1}>
        {section.title[lang]}
      </h2>
      {section.intro ? <p className="section-intro">{section.intro[lang]}</p> : null}
      {Object.keys(formState.errors).length > 0 && formState.isSubmitted ? (
        <p className="form-error-summary" role="alert">
          {t('questionnaire:validation.summary', { count: Object.keys(formState.errors).length })}
        </p>
      ) : null}
      {questions.map((q) => (
        <QuestionField
          key={q.id}
          question={q}
          register={register}
          rules={rulesFor(q)}
          error={formState.errors[q.id] as never}
          lang={lang}
          conflicts={conflicts.get(q.id)}
          onGoTo={goTo}
        />
      ))}
      <p className="visually-hidden" aria-live="polite" data-testid="more-questions">
        {shown.added.length ? t('questionnaire:moreBelow', { count: shown.added.length }) : ''}
      </p>
      <div className="step-buttons">
        <button type="button" className="secondary" data-testid="back" onClick={() => send({ type: 'BACK' })}>
          {t('questionnaire:nav.back')}
        </button>
        <button type="submit" className="primary" data-testid="next">
          {t('questionnaire:nav.next')}
        </button>
        {canFinish ? (
          <button type="button" className="secondary" data-testid="to-result" onClick={() => send({ type: 'FINISH' })}>
            {t('questionnaire:nav.toResult')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
