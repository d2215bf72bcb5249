/**
 * The open assessment: the statechart's actor, the record around it (assessor, duty statuses), and
 * saving both to the browser on every change. Import, export and "new assessment" live here too.
 */
import { useActorRef, useSelector } from '@xstate/react';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../engine/constants';
import { createQuestionnaireMachine, stepOf, type QuestionnaireSnapshot } from '../questionnaire/machine';
import { allAnswered } from '../questionnaire/flow';
import { Intro } from '../questionnaire/Intro';
import { ProgressNav } from '../questionnaire/ProgressNav';
import { Review } from '../questionnaire/Review';
import { SectionStep } from '../questionnaire/SectionStep';
import { DroppedNotice } from '../questionnaire/DroppedNotice';
import { newRecord, type AssessmentRecord, type DutyStatus } from '../report/assessment-file';
import { FileBar, type Message } from './FileBar';
import { loadArticleTexts, loadTexts, ruleSet } from './rules';
import { restore, save, useSaveOutcome } from './storage';

const ResultView = lazy(() => import('../result/ResultView'));
const machine = createQuestionnaireMachine(ruleSet);

function initial(): { record: AssessmentRecord; message?: Message } {
  const r = restore(ruleSet);
  if (r.kind === 'restored') return { record: r.record, message: r.notices.length ? { kind: 'notices', notices: r.notices } : undefined };
  if (r.kind === 'damaged') return { record: newRecord(), message: { kind: 'damaged', problems: r.problems } };
  if (r.kind === 'unavailable') return { record: newRecord(), message: { kind: 'storage', reason: 'unavailable' } };
  return { record: newRecord() };
}

export function AssessmentView({ lang, hidden }: { lang: Lang; hidden: boolean }) {
  const [boot] = useState(initial);
  const [record, setRecord] = useState(boot.record);
  const [message, setMessage] = useState<Message | undefined>(boot.message);
  // A new actor for each loaded assessment (import, new): the statechart starts from that record.
  const [session, setSession] = useState(0);

  const load = useCallback((r: AssessmentRecord, m?: Message) => {
    setRecord(r);
    setSession((n) => n + 1);
    setMessage(m);
  }, []);

  useEffect(() => {
    save(ruleSet, record);
  }, [record]);
  const saved = useSaveOutcome();

  return (
    <div hidden={hidden}>
      <FileBar record={record} onLoad={load} message={message ?? (saved.ok ? undefined : { kind: 'storage', reason: saved.reason })} setMessage={setMessage} saved={saved.ok} />
      <Session key={session} record={record} setRecord={setRecord} lang={lang} />
    </div>
  );
}

interface SessionProps {
  record: AssessmentRecord;
  setRecord: (f: (r: AssessmentRecord) => AssessmentRecord) => void;
  lang: Lang;
}

function Session({ record, setRecord, lang }: SessionProps) {
  const { t } = useTranslation();
  const actor = useActorRef(machine, { input: { answers: record.answers, step: record.step } });
  const snapshot = useSelector(actor, (s: QuestionnaireSnapshot) => s);
  const step = stepOf(snapshot);
  const { answers, attempted, focus, dropped } = snapshot.context;
  const send = actor.send;

  // Mirror the statechart into the record (and so into storage) on every change.
  const last = useRef({ answers, step });
  useEffect(() => {
    if (last.current.answers === answers && last.current.step === step) return;
    last.current = { answers, step };
    setRecord((r) => ({ ...r, answers, step, updatedAt: new Date().toISOString() }));
  }, [answers, step, setRecord]);

  // Once the first question is on screen, fetch what the result and "why we ask" need.
  useEffect(() => {
    if (step === 'intro') return;
    const idle = window.requestIdleCallback ?? ((f: () => void) => window.setTimeout(f, 200));
    idle(() => void Promise.all([loadTexts(lang, ['r']), loadArticleTexts(), import('../result/ResultView')]).catch(() => undefined));
  }, [step, lang]);

  const setDuty = useCallback(
    (id: string, s: DutyStatus | undefined) =>
      setRecord((r) => {
        const duties = { ...r.duties };
        if (s) duties[id] = s;
        else delete duties[id];
        return { ...r, duties, updatedAt: new Date().toISOString() };
      }),
    [setRecord],
  );

  const startOver = useCallback(() => {
    if (!window.confirm(t('app:file.confirmNew'))) return;
    send({ type: 'RESTART' });
    setRecord(() => newRecord());
  }, [send, setRecord, t]);

  const complete = allAnswered(ruleSet, answers);
  return (
    <main id="main-assessment" className="assessment" tabIndex={-1}>
      {step.startsWith('section:') || step === 'review' ? (
        <ProgressNav current={step.startsWith('section:') ? step.slice(8) : undefined} answers={answers} send={send} lang={lang} />
      ) : null}
      {step !== 'intro' ? (
        <p className="start-over">
          <button type="button" className="link" onClick={startOver}>
            {t('app:file.new')}
          </button>
        </p>
      ) : null}
      {dropped.length ? <DroppedNotice dropped={dropped} onDismiss={() => send({ type: 'DISMISS_DROPPED' })} lang={lang} /> : null}
      {step === 'intro' ? (
        <Intro
          assessor={record.assessor}
          hasAnswers={Object.keys(answers).length > 0}
          onStart={(assessor) => {
            setRecord((r) => ({ ...r, ...(assessor ? { assessor } : { assessor: undefined }), updatedAt: new Date().toISOString() }));
            send({ type: 'START' });
          }}
          lang={lang}
        />
      ) : step === 'review' ? (
        <Review answers={answers} send={send} lang={lang} />
      ) : step === 'result' ? (
        <Suspense fallback={<p className="loading">{t('app:loading')}</p>}>
          <ResultView record={record} answers={answers} send={send} setDuty={setDuty} onNew={startOver} lang={lang} />
        </Suspense>
      ) : (
        <SectionStep
          key={step}
          sectionId={step.slice(8)}
          answers={answers}
          attempted={attempted}
          focus={focus}
          canFinish={complete}
          send={send}
          lang={lang}
        />
      )}
    </main>
  );
}
