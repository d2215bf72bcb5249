/**
 * The result page: the overall level, one card per regime with its tier and the answers and articles
 * behind it, the open questions to settle (each a link back to its question), and the duties grouped
 * by regime with their articles, dates and a status the user sets. Loaded only when a result is shown.
 */
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadFailed, useLoad } from '../app/ErrorBoundary';
import { hasTexts, loadArticleTexts, loadTexts, ruleSet, useRuleTexts } from '../app/rules';
import { ArticleLink } from '../catalogue/ArticleQuote';
import { assess, localIsoDate } from '../engine/assess';
import { DUTY_REGIMES, REGIMES, type Lang } from '../engine/constants';
import type { AnswerValue } from '../engine/program';
import type { QuestionnaireEvent } from '../questionnaire/machine';
import type { AssessmentRecord, DutyStatus } from '../report/assessment-file';
import { DutyItem } from './DutyItem';
import { PdfButton } from './PdfButton';
import {
  gpaiSentence,
  openRangeSentence,
  overallSentence,
  present,
  withCohort,
  subjectLine,
  type PresentedOpenQuestion,
  type PresentedReason,
  type PresentedRegime,
} from './present';

interface Props {
  record: AssessmentRecord;
  answers: Readonly<Record<string, AnswerValue>>;
  send: (e: QuestionnaireEvent) => void;
  setDuty: (id: string, s: DutyStatus | undefined) => void;
  onNew: () => void;
  lang: Lang;
}

const resultTexts = (lang: Lang) => Promise.all([loadTexts(lang, ['r']), loadArticleTexts()]);

export default function ResultView({ record, answers, send, setDuty, onNew, lang }: Props) {
  const { t } = useTranslation();
  const texts = useLoad(lang, resultTexts);
  useEffect(() => document.getElementById('step-heading')?.focus(), []);
  const date = localIsoDate();
  const assessment = useMemo(() => assess(ruleSet, answers, { date }), [answers, date]);
  const textsVersion = useRuleTexts();
  const ready = hasTexts(lang, 'r');
  // Not on every duty status or note change: only when the answers, the language or the texts change.
  const report = useMemo(
    () => (assessment.ok && ready ? withCohort(present(ruleSet, assessment.assessment, lang, t), record.cohort) : undefined),
    // textsVersion: the rule texts are read through getters, so a table's arrival must recompute.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [assessment, ready, lang, t, textsVersion, record.cohort],
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

  return (
    <article className="result" aria-labelledby="step-heading" data-testid="result">
      <h2 id="step-heading" tabIndex={-1}>
        {t('result:page.title')}
      </h2>
      <p className="subject">
        {subjectLine(report) || t('result:page.unnamed')}
        {' — '}
        {t('result:page.assessedOn', { date: report.assessedOn, version: report.ruleSet.version })}
        {record.assessor ? ` · ${t('result:page.assessor', { name: record.assessor })}` : ''}
      </p>
      <div className="notice info" role="note">
        <p>{t('result:page.indicative')}</p>
        <p>{report.disclaimer}</p>
      </div>
      <PdfButton report={report} record={record} answers={answers} lang={lang} />

      <section className={`overall level-${report.overall}`} aria-labelledby="overall-heading">
        <h3 id="overall-heading">{t('result:page.overall')}</h3>
        <p className="overall-level" data-testid="overall-level">
          {report.overallLabel}
        </p>
        <p>{overallSentence(report, t)}</p>
      </section>

      <div className="regime-cards">
        {REGIMES.map((r) => (
          <RegimeCard key={r} regime={r} data={report.regimes[r]} onEdit={edit} lang={lang} />
        ))}
      </div>

      <p className="gpai" data-testid="gpai">
        {gpaiSentence(report, t)}
      </p>
      {report.gpai.openQuestions?.length ? <OpenQuestions items={report.gpai.openQuestions} onEdit={edit} /> : null}

      <section className="duties" aria-labelledby="duties-heading">
        <h3 id="duties-heading">{t('result:page.duties', { count: report.duties.length })}</h3>
        <p className="hint">{t('result:page.dutiesHint')}</p>
        {report.duties.length === 0 ? <p>{t('result:page.noDuties')}</p> : null}
        {DUTY_REGIMES.map((regime) => {
          const items = report.duties.filter((d) => d.regime === regime);
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
      </section>

      {report.notices.length ? (
        <section className="notices" aria-labelledby="notices-heading">
          <h3 id="notices-heading">{t('result:page.notices', { count: report.notices.length })}</h3>
          <ul className="duty-list">
            {report.notices.map((d) => (
              <DutyItem key={d.id} duty={d} onEdit={edit} lang={lang} />
            ))}
          </ul>
        </section>
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

function RegimeCard({ regime, data, onEdit, lang }: { regime: string; data: PresentedRegime; onEdit: (q: string) => void; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <section className={`regime-card tier-${data.tier}`} aria-labelledby={`regime-${regime}`} data-testid={`regime-${regime}`}>
      <h3 id={`regime-${regime}`}>{data.name}</h3>
      <p className="tier" data-testid={`tier-${regime}`} data-tier={data.tier}>
        {data.tierLabel}
      </p>
      {data.tier === 'needs_review' ? (
        <p className="worst-case">{openRangeSentence(data, lang, t)}</p>
      ) : null}
      {data.openQuestions?.length ? <OpenQuestions items={data.openQuestions} onEdit={onEdit} /> : null}
      <h4>{t('result:page.why')}</h4>
      <ul className="reasons">
        {data.reasons.map((r) => (
          <ReasonItem key={`${r.kind}:${r.id}`} reason={r} onEdit={onEdit} lang={lang} />
        ))}
      </ul>
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
          </li>
        ))}
      </ul>
    </div>
  );
}
