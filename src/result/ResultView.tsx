/**
 * The result page: the overall level, one card per regime with its tier and the answers and articles
 * behind it, the open questions to settle (each a link back to its question), and the duties grouped
 * by regime with their articles, dates and a status the user sets. Loaded only when a result is shown.
 */
import './result.css';
import { Fragment, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadFailed, useLoad } from '../lib/ErrorBoundary';
import { useRuleSet } from '../ruledata/context';
import { hasTexts, loadArticleTexts, loadTexts, useRuleTexts } from '../ruledata/text-store';
import { ArticleLink } from '../catalogue/ArticleQuote';
import { evaluate, evaluationDate, presentSource } from '../report/pipeline';
import { DUTY_REGIMES, REGIMES, type AnswerValue, type Lang, reassessmentTriggers } from '../engine';
import type { QuestionnaireEvent } from '../questionnaire/machine';
import type { AssessmentRecord, DutyStatus, IssuedDocument } from '../assessment/record';
import { DutyItem } from './DutyItem';
import { notSureWithoutEffect } from '../report/not-sure';
import { ActionPlan } from './ActionPlan';
import { PdfButton } from './PdfButton';
import { Fold } from './Fold';
import { useNarrow } from '../lib/use-narrow';
import { formatDate } from '../lib/dates';
import {
  gpaiSentence,
  openRangeSentence,
  overallHeading,
  overallSentence,
  subjectLine,
  type PresentedConflict,
  type PresentedOpenQuestion,
  type PresentedReason,
  type PresentedRegime,
} from '../report/present';

interface Props {
  record: AssessmentRecord;
  answers: Readonly<Record<string, AnswerValue>>;
  send: (e: QuestionnaireEvent) => void;
  setDuty: (id: string, s: DutyStatus | undefined) => void;
  /** Records the document just downloaded (PdfButton). */
  setIssued: (issued: IssuedDocument) => void;
  onNew: () => void;
  lang: Lang;
}

const resultTexts = (lang: Lang) => Promise.all([loadTexts(lang, ['p', 'r']), loadArticleTexts()]);

export default function ResultView({ record, answers, send, setDuty, setIssued, onNew, lang }: Props) {
  const ruleSet = useRuleSet();
  const { t } = useTranslation();
  const texts = useLoad(lang, resultTexts);
  // On a phone: summary and plan first, the reasons and the full checklist folded.
  const narrow = useNarrow();
  useEffect(() => document.getElementById('step-heading')?.focus(), []);
  const date = evaluationDate();
  const assessment = useMemo(() => evaluate(ruleSet, answers, date), [ruleSet, answers, date]);
  // What would make a tier stricter: the conclusion holds as long as these answers do.
  const triggers = useMemo(() => (assessment.ok ? reassessmentTriggers(ruleSet, answers, date) : []), [ruleSet, assessment, answers, date]);
  const textsVersion = useRuleTexts();
  const ready = hasTexts(lang, 'p') && hasTexts(lang, 'r');
  // Not on every duty status or note change: only when the answers, the language or the texts change.
  const report = useMemo(
    () => (assessment.ok && ready ? presentSource(ruleSet, { answers, ...(record.cohort ? { cohort: record.cohort } : {}) }, assessment, lang, t) : undefined),
    // textsVersion: the rule texts are read through getters, so a table's arrival must recompute.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [ruleSet, assessment, ready, lang, t, textsVersion, record.cohort],
  );
  if (!assessment.ok) {
    return (
      <p role="alert" className="notice error">
        {t('result:page.invalid')}
      </p>
    );
  }
  if (!report) return texts.failed ? <LoadFailed onRetry={texts.retry} /> : <p className="loading">{t('app:loading')}</p>;
  const edit = (question: string) => send({ type: 'EDIT', question });
  const harmless = notSureWithoutEffect(ruleSet, answers, report);
  // Anticipated items are shown apart: expected once the cities issue their measures, not operative yet.
  const operative = report.duties.filter((d) => d.kind !== 'anticipated');
  const anticipated = report.duties.filter((d) => d.kind === 'anticipated');

  return (
    <article className="result" aria-labelledby="step-heading" data-testid="result">
      <h2 id="step-heading" tabIndex={-1}>
        {t('result:page.title')}
      </h2>
      <p className="subject">
        {subjectLine(report) || t('result:page.unnamed')}
        {' — '}
        {t('result:page.assessedOn', { date: formatDate(report.assessedOn, lang), version: report.ruleSet.version })}
        {record.assessor ? ` · ${t('result:page.assessor', { name: record.assessor })}` : ''}
      </p>
      <section className={`overall level-${report.overall}`} aria-labelledby="overall-heading">
        <h3 id="overall-heading">{overallHeading(report, t)}</h3>
        <p className="overall-level" data-testid="overall-level">
          {report.overallLabel}
        </p>
        <p>{overallSentence(report, t)}</p>
      </section>

      <ActionPlan report={report} statuses={record.duties} triggers={triggers} lang={lang} />
      <PdfButton report={report} record={record} answers={answers} lang={lang} onIssued={setIssued} />
      {narrow ? (
        <details className="notice info fold" role="note">
          <summary>{t('result:page.aboutResult')}</summary>
          <p>{t('result:page.indicative')}</p>
          <p>{report.disclaimer}</p>
        </details>
      ) : (
        <div className="notice info" role="note">
          <p>{t('result:page.indicative')}</p>
          <p>{report.disclaimer}</p>
        </div>
      )}

      {report.conflicts.length ? <Conflicts items={report.conflicts} onEdit={edit} /> : null}
      {report.unanswered.length ? (
        <section className="notice warning unanswered" aria-labelledby="unanswered-heading" data-testid="unanswered">
          <h3 id="unanswered-heading">{t('result:page.unanswered', { count: report.unanswered.length })}</h3>
          <p>{t('result:page.unansweredHint')}</p>
          <ul>
            {report.unanswered.map((u) => (
              <li key={u.question}>
                <button type="button" className="link" onClick={() => edit(u.question)}>
                  {u.text}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <div className="regime-cards">
        {REGIMES.map((r) => (
          <RegimeCard key={r} regime={r} data={report.regimes[r]} onEdit={edit} lang={lang} narrow={narrow} />
        ))}
      </div>

      {harmless.length ? (
        <p className="notice info harmless-not-sure" data-testid="harmless-not-sure">
          {t('result:page.harmlessNotSure', { count: harmless.length })}{' '}
          {harmless.map((q, i) => (
            <span key={q}>
              {i ? t('result:page.listSeparator') : ''}
              <button type="button" className="link" onClick={() => edit(q)}>
                {ruleSet.questionById.get(q)?.text[lang] ?? q}
              </button>
            </span>
          ))}
        </p>
      ) : null}

      <p className="gpai" data-testid="gpai">
        {gpaiSentence(report, t)}
      </p>
      {report.gpai.openQuestions?.length ? <OpenQuestions items={report.gpai.openQuestions} onEdit={edit} /> : null}

      <Fold narrow={narrow} className="duties" headingId="duties-heading" testId="duties" heading={<h3 id="duties-heading">{t('result:page.duties', { count: operative.length })}</h3>}>
        <p className="hint">{t('result:page.dutiesHint')}</p>
        {operative.length === 0 ? <p>{t('result:page.noDuties')}</p> : null}
        {DUTY_REGIMES.map((regime) => {
          const items = operative.filter((d) => d.regime === regime);
          if (!items.length) return null;
          return (
            <section key={regime} className="duty-group" aria-labelledby={`duties-${regime}`} data-testid={`duties-${regime}`}>
              <h4 id={`duties-${regime}`}>
                {t(`result:regime.${regime}`)} <span className="count">({items.length})</span>
              </h4>
              <ul className="duty-list">
                {items.map((d) => (
                  <DutyItem key={d.id} duty={d} status={record.duties[d.id]} onStatus={setDuty} onEdit={edit} lang={lang} />
                ))}
              </ul>
            </section>
          );
        })}
      </Fold>

      {anticipated.length ? (
        <Fold narrow={narrow} className="anticipated" headingId="anticipated-heading" testId="anticipated" heading={<h3 id="anticipated-heading">{t('result:page.anticipated', { count: anticipated.length })}</h3>}>
          <p className="hint">{t('result:page.anticipatedHint')}</p>
          <ul className="duty-list">
            {anticipated.map((d) => (
              <DutyItem key={d.id} duty={d} status={record.duties[d.id]} onStatus={setDuty} onEdit={edit} lang={lang} />
            ))}
          </ul>
        </Fold>
      ) : null}

      {report.notices.length ? (
        <Fold narrow={narrow} className="notices" headingId="notices-heading" testId="notices" heading={<h3 id="notices-heading">{t('result:page.notices', { count: report.notices.length })}</h3>}>
          <ul className="duty-list">
            {report.notices.map((d) => (
              <DutyItem key={d.id} duty={d} onEdit={edit} lang={lang} />
            ))}
          </ul>
        </Fold>
      ) : null}

      <div className="step-buttons">
        <button type="button" className="secondary" onClick={() => send({ type: 'REVIEW' })}>
          {t('result:page.review')}
        </button>
        <button type="button" className="secondary" onClick={onNew}>
          {t('app:file.new')}
        </button>
      </div>
    </article>
  );
}

function RegimeCard({ regime, data, onEdit, lang, narrow }: { regime: string; data: PresentedRegime; onEdit: (q: string) => void; lang: Lang; narrow: boolean }) {
  const { t } = useTranslation();
  const reasons = (
    <ul className="reasons">
      {data.reasons.map((r) => (
        <ReasonItem key={`${r.kind}:${r.id}`} reason={r} onEdit={onEdit} lang={lang} />
      ))}
    </ul>
  );
  return (
    <section className={`regime-card tier-${data.tier}`} aria-labelledby={`regime-${regime}`} data-testid={`regime-${regime}`}>
      <h3 id={`regime-${regime}`}>{data.name}</h3>
      <p className="tier" data-testid={`tier-${regime}`} data-tier={data.tier}>
        {data.tierLabel}
      </p>
      {data.tier === 'needs_review' ? (
        <p className="worst-case">{openRangeSentence(data, lang, t)}</p>
      ) : null}
      {data.upcoming?.map((u) => (
        <p key={u.rule} className="notice warning upcoming" data-testid={`upcoming-${regime}`}>
          {u.text}
        </p>
      ))}
      {data.openQuestions?.length ? <OpenQuestions items={data.openQuestions} onEdit={onEdit} /> : null}
      {narrow ? (
        <details className="fold reasons-fold">
          <summary>{t('result:page.why')}</summary>
          {reasons}
        </details>
      ) : (
        <>
          <h4>{t('result:page.why')}</h4>
          {reasons}
        </>
      )}
      {data.ruledOut.length ? (
        <details>
          <summary>{t('result:page.ruledOut', { count: data.ruledOut.length })}</summary>
          <ul className="reasons">
            {data.ruledOut.map((r) => (
              <ReasonItem key={`${r.kind}:${r.id}`} reason={r} onEdit={onEdit} lang={lang} />
            ))}
          </ul>
        </details>
      ) : null}
      {data.caveats.map((c, i) => (
        <p key={i} className="caveat">
          {c}
        </p>
      ))}
    </section>
  );
}

function ReasonItem({ reason: r, onEdit, lang }: { reason: PresentedReason; onEdit: (q: string) => void; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <li className={r.tentative ? 'tentative' : undefined}>
      <p>
        {r.text}{' '}
        <span className="cites">
          {r.articles.map((a) => (
            <ArticleLink key={a} id={a} lang={lang} />
          ))}
        </span>
        {r.tentative ? <span className="badge">{t('result:page.tentative')}</span> : null}
      </p>
      {r.notes?.map((n, i) => (
        <p key={i} className="reason-note">
          {n}
        </p>
      ))}
      {r.context?.length ? (
        <p className="reason-context">
          {t('result:page.context')}{' '}
          <span className="cites">
            {r.context.map((a) => (
              <ArticleLink key={a} id={a} lang={lang} />
            ))}
          </span>
        </p>
      ) : null}
      {r.answers.length ? (
        <ul className="facts">
          {r.answers.map((f) => (
            <li key={f.question}>
              <button type="button" className="link" onClick={() => onEdit(f.question)}>
                {f.questionText}
              </button>
              : <span className={`fact-${f.state}`}>{f.valueText}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function OpenQuestions({ items, onEdit }: { items: PresentedOpenQuestion[]; onEdit: (q: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="open-questions">
      <p>{t('result:page.settle')}</p>
      <ul>
        {items.map((o) => (
          <li key={o.question}>
            <button type="button" className="link" onClick={() => onEdit(o.question)}>
              {o.text}
            </button>{' '}
            <span className="fact-state">({t(`result:factState.${o.state}`)})</span>
            {o.whoKnows.length ? (
              <span className="who-knows" data-testid="who-knows">
                {' '}
                · {t('result:page.whoKnows', { who: o.whoKnows.map((w) => t(`result:who.${w}`)).join(t('result:page.listSeparator')) })}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Conflicts({ items, onEdit }: { items: PresentedConflict[]; onEdit: (q: string) => void }) {
  const { t } = useTranslation();
  return (
    <section className="notice warning conflicts" aria-labelledby="conflicts-heading" data-testid="conflicts">
      <h3 id="conflicts-heading">{t('result:page.conflicts', { count: items.length })}</h3>
      <p>{t('result:page.conflictsHint')}</p>
      <ul>
        {items.map((c) => (
          <li key={c.id} data-conflict={c.id}>
            <p>{c.message}</p>
            <p>
              {t('result:page.conflictQuestions')}{' '}
              {c.questions.map((q, i) => (
                <Fragment key={q.question}>
                  {i ? ' · ' : null}
                  <button type="button" className="link" onClick={() => onEdit(q.question)}>
                    {q.text}
                  </button>
                </Fragment>
              ))}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
