/**
 * The bar above the open assessment: its name and cohort, the way to the portfolio, export, share link
 * and import, and the messages about files and storage. An import that fails changes nothing and lists
 * every reason; one that succeeds adds the assessment to the portfolio and opens it.
 */
import { Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { withNames } from '../lib/bdi';
import { displayName, type AssessmentRecord } from '../assessment/record';
import type { FileNotice, FileProblem } from '../file-format/assessment-file';
import { usePortfolio } from '../portfolio/state';
import { ErrorBoundary, lazyRetry } from '../lib/ErrorBoundary';
import { withNamespace } from '../i18n/browser';
import { PORTFOLIO_HREF } from '../lib/route';
import { useRuleSet } from '../ruledata/context';

// Shown only after the user imports or asks for a share link: fetched then.
const FileImport = lazyRetry(withNamespace(() => import('../portfolio/FileImport').then((m) => ({ default: m.FileImport })), 'portfolio', 'result', 'errors'));
const ShareLinkBox = lazyRetry(withNamespace(() => import('../portfolio/ShareLinkBox').then((m) => ({ default: m.ShareLinkBox })), 'portfolio', 'result', 'errors'));

// A message about stored or imported files names their problems with the errors' and tiers' texts: it is
// fetched with them, when there is something to say.
const MessageBox = lazyRetry(withNamespace(() => import('./FileMessage'), 'errors', 'result'));

export type Message =
  /** Entries that could not be read at start; `notSetAside` of them could not be moved aside either. */
  | { kind: 'damaged'; problems: FileProblem[][]; notSetAside?: number }
  | { kind: 'notices'; notices: FileNotice[] }
  | { kind: 'created' };

interface Props {
  record: AssessmentRecord;
  message?: Message;
  setMessage: (m: Message | undefined) => void;
  /** False while the open assessment (or any other) is not saved. */
  saved: boolean;
}

export function FileBar({ record, message, setMessage, saved }: Props) {
  const ruleSet = useRuleSet();
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const portfolio = usePortfolio();
  // Each pick of files is one import (a new array, so picking the same file again imports again).
  const [picked, setPicked] = useState<{ files: File[]; n: number }>();
  const [sharing, setSharing] = useState(false);
  const name = displayName(record);

  return (
    <div className="file-bar">
      <div className="file-title">
        <bdi className="open-name" data-testid="open-name">
          {name || t('app:file.unnamed')}
        </bdi>
        {record.cohort ? (
          <span className="cohort-tag" data-testid="cohort-tag" title={t('app:file.invitedBy', { incubator: record.cohort.incubator })}>
            {withNames(t, 'app:file.cohortTag', { label: record.cohort.label, incubator: record.cohort.incubator }, ['label', 'incubator'])}
          </span>
        ) : null}
        <a href={PORTFOLIO_HREF} className="to-portfolio">
          {t('app:file.allAssessments', { count: portfolio.records.size })}
        </a>
      </div>
      <div className="file-actions">
        <button type="button" className="secondary small" data-testid="export-json" onClick={() => void import('../file-format/export').then((m) => m.exportRecord(ruleSet, record))}>
          {t('app:file.export')}
        </button>
        <button type="button" className="secondary small" onClick={() => setSharing((s) => !s)} aria-expanded={sharing}>
          {t('app:file.share')}
        </button>
        <button type="button" className="secondary small" onClick={() => input.current?.click()}>
          {t('app:file.import')}
        </button>
        <input
          ref={input}
          type="file"
          multiple
          accept=".json,application/json"
          className="visually-hidden"
          aria-label={t('app:file.import')}
          data-testid="import-input"
          tabIndex={-1}
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])];
            e.currentTarget.value = '';
            if (files.length) setPicked((p) => ({ files, n: (p?.n ?? 0) + 1 }));
          }}
        />
        {saved ? (
          <span className="saved-state">{t('app:file.savedLocally')}</span>
        ) : (
          <span className="saved-state not-saved" data-testid="not-saved-state">
            {t('app:file.notSaved')}
          </span>
        )}
      </div>
      <Suspense fallback={<p className="loading">{t('app:loading')}</p>}>
        {sharing ? <ShareLinkBox record={record} onClose={() => setSharing(false)} /> : null}
        {picked ? <FileImport key={picked.n} files={picked.files} onClose={() => setPicked(undefined)} /> : null}
      </Suspense>
      {message ? (
        <ErrorBoundary>
          <Suspense fallback={null}>
            <MessageBox message={message} onClose={() => setMessage(undefined)} />
          </Suspense>
        </ErrorBoundary>
      ) : null}
    </div>
  );
}
