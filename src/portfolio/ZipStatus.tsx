/** Progress of the checklist PDFs being zipped, with Stop; then how many were written and which failed. */
import { useTranslation } from 'react-i18next';
import type { ZipOutcome } from './bulk-export';

export interface ZipState {
  done: number;
  total: number;
  outcome?: ZipOutcome;
  error?: string;
  abort: AbortController;
}

export function ZipStatus({ zip }: { zip: ZipState }) {
  const { t } = useTranslation();
  return (
    <div className="notice info" role="status" data-testid="zip-status">
      {zip.outcome ? (
        <p>
          {t('portfolio:bulk.pdfsDone', { count: zip.outcome.written })}
          {zip.outcome.stopped ? ` ${t('portfolio:bulk.stopped')}` : ''}
        </p>
      ) : zip.error ? (
        <p role="alert">{t('result:pdf.failed', { reason: zip.error })}</p>
      ) : (
        <p>
          <progress max={zip.total} value={zip.done} /> {t('portfolio:bulk.progress', { done: zip.done, total: zip.total })}{' '}
          <button type="button" className="secondary small" onClick={() => zip.abort.abort()}>
            {t('portfolio:bulk.stop')}
          </button>
        </p>
      )}
      {zip.outcome?.failed.length ? (
        <ul>
          {zip.outcome.failed.map((f, i) => (
            <li key={i}>
              {f.name}: {f.reason}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
