/** The sections by name, with where the user is, what is done and what the answers made unnecessary. */
import { useTranslation } from 'react-i18next';
import { useRuleSet } from '../ruledata/context';
import { missingQuestions, sectionNeverAsked, visibleQuestions, type AnswerValue, type Lang } from '../engine';
import type { QuestionnaireEvent } from './machine';

interface Props {
  current?: string;
  answers: Readonly<Record<string, AnswerValue>>;
  send: (e: QuestionnaireEvent) => void;
  lang: Lang;
}

export function ProgressNav({ current, answers, send, lang }: Props) {
  const ruleSet = useRuleSet();
  const { t } = useTranslation();
  const rows = ruleSet.sections.map((s) => {
    const visible = visibleQuestions(ruleSet, answers, s.id);
    const missing = missingQuestions(ruleSet, answers, s.id).length;
    const state = s.id === current ? 'current' : sectionNeverAsked(ruleSet, answers, s.id) ? 'skipped' : visible.length === 0 ? 'todo' : missing === 0 && visible.some((q) => answers[q.id] !== undefined) ? 'done' : 'todo';
    return { s, visible: visible.length, state };
  });
  const relevant = rows.filter((r) => r.state !== 'skipped');
  const done = relevant.filter((r) => r.state === 'done').length;
  return (
    <nav className="progress" aria-label={t('questionnaire:progress.label')}>
      <div className="progress-bar">
        <progress max={relevant.length} value={done} aria-label={t('questionnaire:progress.summary', { done, total: relevant.length })} />
        <span>{t('questionnaire:progress.summary', { done, total: relevant.length })}</span>
      </div>
      <ol>
        {rows.map(({ s, state, visible }) => (
          <li key={s.id} className={`progress-${state}`}>
            {state === 'skipped' || (state === 'todo' && visible === 0) ? (
              <span>
                {s.title[lang]}
                {state === 'skipped' ? <span className="visually-hidden"> ({t('questionnaire:progress.skipped')})</span> : null}
              </span>
            ) : (
              <button type="button" className="link" aria-current={state === 'current' ? 'step' : undefined} onClick={() => send({ type: 'JUMP', section: s.id })}>
                {s.title[lang]}
                {state === 'done' ? <span className="visually-hidden"> ({t('questionnaire:progress.done')})</span> : null}
              </button>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
