/**
 * What opening a share link shows: the assessment it holds (who, which cohort, the tiers), checked like
 * any imported file, and an offer to import it — or, for a link cut short or altered, what went wrong.
 * Nothing is stored until the user says so.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { go } from '../lib/route';
import { useRuleSet } from '../ruledata/context';
import { REGIMES, type Lang } from '../engine';
import { withNames } from '../lib/bdi';
import { displayName } from '../assessment/record';
import { type ReadResult } from '../file-format/assessment-file';
import { readAssessmentFile } from '../file-format/read-file';
import { noticeText, problemText } from '../file-format/file-messages';
import { summarizer } from '../file-format/summarize';
import { ImportOutcome } from './ImportOutcome';
import { readShare, type ShareProblem } from './links';
import { recordRow } from './rows';
import { usePortfolio } from './state';
import { useImport } from './use-import';
import './portfolio.css';

type Decoded = { kind: 'reading' } | { kind: 'link'; problem: ShareProblem } | { kind: 'file'; text: string; read: ReadResult };

export default function ShareView({ data }: { data: string }) {
  const ruleSet = useRuleSet();
  const { t, i18n } = useTranslation();
  const portfolio = usePortfolio();
  const imp = useImport();
  const [decoded, setDecoded] = useState<Decoded>({ kind: 'reading' });
  useEffect(() => {
    let live = true;
    // Whatever the link holds, the page leaves "Loading…": an unforeseen failure reads as a damaged link.
    void readShare(data)
      .then((r): Decoded => (r.ok ? { kind: 'file', text: r.text, read: readAssessmentFile(ruleSet, r.text, summarizer(ruleSet)) } : { kind: 'link', problem: r.problem }))
      .catch((): Decoded => ({ kind: 'link', problem: 'damaged' }))
      .then((d) => {
        if (live) setDecoded(d);
      });
    return () => {
      live = false;
    };
  }, [ruleSet, data]);

  let body: React.ReactNode;
  if (decoded.kind === 'reading' || portfolio.status !== 'ready') body = <p className="loading">{t('app:loading')}</p>;
  else if (decoded.kind === 'link') {
    body = (
      <p className="notice error" role="alert" data-testid="share-problem">
        {t(`portfolio:share.problem.${decoded.problem}`)}
      </p>
    );
  } else if (!decoded.read.ok) {
    body = (
      <div className="notice error" role="alert" data-testid="share-problem">
        <p>
          <strong>{t('portfolio:share.badFile')}</strong>
        </p>
        <ul>
          {decoded.read.problems.map((p, i) => (
            <li key={i}>{problemText(p, t, { rs: ruleSet, lang: i18n.language as Lang })}</li>
          ))}
        </ul>
      </div>
    );
  } else {
    const rec = decoded.read.record;
    const row = recordRow(ruleSet, rec);
    body = (
      <>
        <dl className="share-summary" data-testid="share-summary">
          <dt>{t('portfolio:col.name')}</dt>
          <dd>
            <bdi>{displayName(rec) || t('app:file.unnamed')}</bdi>
          </dd>
          {rec.cohort ? (
            <>
              <dt>{t('portfolio:col.cohort')}</dt>
              <dd>{withNames(t, 'app:file.cohortTag', { label: rec.cohort.label, incubator: rec.cohort.incubator }, ['label', 'incubator'])}</dd>
            </>
          ) : null}
          {row ? (
            <>
              <dt>{t('portfolio:col.overall')}</dt>
              <dd>{t(`result:tier.${row.overall}`)}</dd>
              {REGIMES.map((g) => (
                <span key={g} className="dl-pair">
                  <dt>{t(`result:regime.${g}`)}</dt>
                  <dd data-testid={`share-tier-${g}`}>{t(`result:tier.${row.tiers[g]}`)}</dd>
                </span>
              ))}
            </>
          ) : null}
        </dl>
        {decoded.read.notices.length ? (
          <ul className="notice info">
            {decoded.read.notices.map((n, i) => (
              <li key={i}>{noticeText(n, t)}</li>
            ))}
          </ul>
        ) : null}
        {imp.state?.applied ? (
          <p>
            <button type="button" className="primary" onClick={() => go('#/')} data-testid="share-open">
              {t('portfolio:share.open')}
            </button>{' '}
            <a href="#/portfolio">{t('app:nav.portfolio')}</a>
          </p>
        ) : imp.state ? null : (
          <p>
            <button type="button" className="primary" data-testid="share-import" onClick={() => void imp.start([{ name: t('portfolio:share.sourceName'), text: decoded.text }], true)}>
              {t('portfolio:share.import')}
            </button>{' '}
            <a href="#/">{t('portfolio:share.decline')}</a>
          </p>
        )}
        {imp.state ? <ImportOutcome state={imp.state} choose={imp.choose} chooseAll={imp.chooseAll} confirm={() => void imp.confirm()} dismiss={imp.dismiss} /> : null}
      </>
    );
  }
  return (
    <main className="share" tabIndex={-1} id="main-share" data-testid="share">
      <h2>{t('portfolio:share.openTitle')}</h2>
      <p className="hint">{t('portfolio:share.openPrivacy')}</p>
      {body}
    </main>
  );
}
