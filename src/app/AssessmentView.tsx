/**
 * The open assessment: the statechart's actor, the record around it (assessor, duty statuses), kept
 * in the portfolio (IndexedDB) on every change. Which assessment is open is the portfolio's choice;
 * opening another one (or a new one, or importing over it) starts a fresh actor from its record.
 */
import { useActorRef, useSelector } from '@xstate/react';
import { Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allAnswered, type Lang } from '../engine';
import { createQuestionnaireMachine, stepOf, type QuestionnaireSnapshot } from '../questionnaire/machine';
import { Intro } from '../questionnaire/Intro';
import { ProgressNav } from '../questionnaire/ProgressNav';
import { Review } from '../questionnaire/Review';
import { SectionStep } from '../questionnaire/SectionStep';
import { useStepHistory } from '../questionnaire/step-history';
import { DroppedNotice } from '../questionnaire/DroppedNotice';
import type { AssessmentRecord, DutyStatus, IssuedDocument } from '../assessment/record';
import { sectionOf, sectionStep } from '../assessment/step';
import { createAssessment, currentRecord, updateCurrent, usePortfolio, type PortfolioState } from '../portfolio/state';
import { ErrorBoundary, LoadFailed, lazyRetry, useLoad } from '../lib/ErrorBoundary';
import { FileBar, type Message } from './FileBar';
import { loadNamespace, withNamespace } from '../i18n/browser';
import { hasTexts, loadArticleTexts, loadTexts, useRuleTexts } from '../ruledata/text-store';
import { ruleSet } from './rules';

// Citations on the result open the statute texts, framed in the catalogue's words.
const ResultView = lazyRetry(withNamespace(() => import('../result/ResultView'), 'catalogue', 'result', 'errors'));
// Conflicts, other tabs' doings and refused writes: loaded when there is something to say.
const StorageStatus = lazyRetry(withNamespace(() => import('../portfolio/StorageStatus'), 'portfolio'));
const machine = createQuestionnaireMachine(ruleSet);
const FIRST_STEP = sectionStep(ruleSet.sections[0]!.id);
/** The questionnaire's texts after its first section (rule group `p`); `''` when none are needed yet. */
const loadRest = (lang: Lang | '') => (lang ? loadTexts(lang, ['p']) : Promise.resolve());

/** What the start found worth saying: entries set aside, notes on older rule sets, a damaged legacy entry. */
function startupMessage(p: PortfolioState): Message | undefined {
  const damaged = [...p.startup.damaged, ...(p.startup.migrated?.kind === 'damaged' ? [p.startup.migrated.problems] : [])];
  if (damaged.length) return { kind: 'damaged', problems: damaged, notSetAside: p.startup.notSetAside };
  if (p.startup.notices.length) return { kind: 'notices', notices: p.startup.notices };
  return undefined;
}

export function AssessmentView({ lang, hidden }: { lang: Lang; hidden: boolean }) {
  const { t } = useTranslation();
  const portfolio = usePortfolio();
  if (portfolio.status !== 'ready') return hidden ? null : <p className="loading">{t('app:loading')}</p>;
  // A failure here (a chunk that did not arrive, a record the page cannot show) leaves the frame and the data intact.
  return (
    <ErrorBoundary page hidden={hidden} resetKey={`${portfolio.currentId}:${portfolio.session}`}>
      <OpenAssessment portfolio={portfolio} lang={lang} hidden={hidden} />
    </ErrorBoundary>
  );
}

function OpenAssessment({ portfolio, lang, hidden }: { portfolio: PortfolioState; lang: Lang; hidden: boolean }) {
  // What the start found is said once, when the loaded portfolio is first shown.
  const [message, setMessage] = useState<Message | undefined>(() => startupMessage(portfolio));
  const record = currentRecord(portfolio);
  const saved = !portfolio.saveProblem && !portfolio.unsaved.has(record.id);
  return (
    <div hidden={hidden}>
      <FileBar record={record} message={message} setMessage={setMessage} saved={saved} />
      {!hidden && (portfolio.saveProblem || portfolio.conflicts.size || portfolio.notices.length) ? (
        // Kept in view while the user scrolls on: it asks for a choice, or says their typing is not saved.
        <div className="storage-status">
          <ErrorBoundary>
            <Suspense fallback={null}>
              <StorageStatus />
            </Suspense>
          </ErrorBoundary>
        </div>
      ) : null}
      <Session key={`${record.id}:${portfolio.session}`} record={record} setRecord={updateCurrent} lang={lang} onNew={() => setMessage({ kind: 'created' })} hidden={hidden} />
    </div>
  );
}

interface SessionProps {
  record: AssessmentRecord;
  setRecord: (f: (r: AssessmentRecord) => AssessmentRecord) => void;
  lang: Lang;
  onNew: () => void;
  /** Another page is shown over it: the address is that page's, not the questionnaire's. */
  hidden: boolean;
}

function Session({ record, setRecord, lang, onNew, hidden }: SessionProps) {
  const { t } = useTranslation();
  const actor = useActorRef(machine, { input: { answers: record.answers, step: record.step } });
  const snapshot = useSelector(actor, (s: QuestionnaireSnapshot) => s);
  const step = stepOf(snapshot);
  const { answers, attempted, focus, dropped } = snapshot.context;
  const send = actor.send;
  const currentStep = useCallback(() => stepOf(actor.getSnapshot()), [actor]);
  useStepHistory(step, send, currentStep, !hidden);

  // Mirror the statechart into the record (and so into storage) on every change.
  const last = useRef({ answers, step });
  useEffect(() => {
    if (last.current.answers === answers && last.current.step === step) return;
    last.current = { answers, step };
    setRecord((r) => ({ ...r, answers, step, updatedAt: new Date().toISOString() }));
  }, [answers, step, setRecord]);

  // Once the first question is on screen, fetch the rest of the questionnaire's texts, then what the
  // result and "why we ask" need.
  useEffect(() => {
    if (step === 'intro') return;
    const idle = window.requestIdleCallback ?? ((f: () => void) => window.setTimeout(f, 200));
    // Only fetched ahead: a failure here is met again, shown and retried, where the texts are on screen.
    idle(() => void Promise.all([loadTexts(lang, ['p', 'r']), loadArticleTexts(), loadNamespace('catalogue'), import('../result/ResultView')]).catch(() => undefined));
  }, [step, lang]);

  // Every screen after the first section (and a notice naming dropped answers) reads the rest of the
  // questionnaire's texts: wait for them there, with Retry if they do not arrive.
  useRuleTexts();
  const needsRest = (step !== 'intro' && step !== FIRST_STEP) || dropped.length > 0;
  const rest = useLoad(needsRest ? lang : '', loadRest);
  const restReady = !needsRest || hasTexts(lang, 'p');

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

  const setIssued = useCallback((issued: IssuedDocument) => setRecord((r) => ({ ...r, issued, updatedAt: new Date().toISOString() })), [setRecord]);

  // A new assessment beside this one (which stays in the portfolio): nothing is lost, so nothing to confirm.
  const startOver = useCallback(() => {
    createAssessment(record.cohort);
    onNew();
  }, [record.cohort, onNew]);

  const complete = allAnswered(ruleSet, answers);
  const section = sectionOf(step);
  return (
    <main id="main-assessment" className="assessment" tabIndex={-1}>
      {section || step === 'review' ? (
        <ProgressNav current={section} answers={answers} send={send} lang={lang} />
      ) : null}
      {step !== 'intro' ? (
        <p className="start-over">
          <button type="button" className="link" onClick={startOver}>
            {t('app:file.new')}
          </button>
        </p>
      ) : null}
      {restReady ? null : rest.failed ? <LoadFailed onRetry={rest.retry} /> : <p className="loading">{t('app:loading')}</p>}
      {restReady && dropped.length ? <DroppedNotice dropped={dropped} onDismiss={() => send({ type: 'DISMISS_DROPPED' })} lang={lang} /> : null}
      {!restReady ? null : step === 'intro' ? (
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
        <ErrorBoundary>
          <Suspense fallback={<p className="loading">{t('app:loading')}</p>}>
            <ResultView record={record} answers={answers} send={send} setDuty={setDuty} setIssued={setIssued} onNew={startOver} lang={lang} />
          </Suspense>
        </ErrorBoundary>
      ) : (
        <SectionStep
          key={step}
          sectionId={section!}
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
