/**
 * What the user is told about saving, on the assessment page and the portfolio: assessments another
 * tab changed or deleted while this one had unsaved changes (keep mine, take theirs, keep both), what
 * other tabs did to the open assessment, and writes the browser refused (with an export of what is
 * not saved, and Try again). The assessment page loads it (with the portfolio texts) only when there
 * is something to say; its own "Not saved" mark in the file bar needs nothing loaded.
 */
import { formatInstant } from '../lib/instants';
import type { Lang } from '../engine';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayName, type AssessmentRecord } from '../assessment/record';
import { dismissNotice, resolveConflict, retryUnsaved } from './actions';
import { usePortfolio, type TabNotice } from './state';
import { exportRecords } from '../file-format/export';
import { useRuleSet } from '../ruledata/context';

export default function StorageStatus() {
  const ruleSet = useRuleSet();
  const { t, i18n } = useTranslation();
  const p = usePortfolio();
  const [retrying, setRetrying] = useState(false);
  const name = (r: AssessmentRecord) => displayName(r) || t('app:file.unnamed');
  const when = (iso: string) => formatInstant(iso, i18n.language as Lang, { time: true });
  // In memory only (no storage at all): everything here is what the user would lose.
  const unsaved =
    p.saveProblem === 'unavailable'
      ? [...p.records.values()]
      : [...p.unsaved].flatMap(([id, reason]) => (reason === 'conflict' ? [] : [p.records.get(id)].filter((r): r is AssessmentRecord => !!r)));
  return (
    <>
      {[...p.conflicts].map(([id, theirs]) => {
        const mine = p.records.get(id);
        if (!mine) return null;
        return (
          <div key={id} className="notice error" role="alert" data-testid="conflict">
            <p>
              <strong>{theirs ? t('portfolio:conflict.changed', { name: name(mine), when: when(theirs.updatedAt) }) : t('portfolio:conflict.deleted', { name: name(mine) })}</strong>
            </p>
            <p>{t('portfolio:conflict.kept')}</p>
            <p className="conflict-choices">
              <button type="button" className="primary small" data-testid="conflict-mine" onClick={() => resolveConflict(id, 'mine')}>
                {theirs ? t('portfolio:conflict.keepMine') : t('portfolio:conflict.restore')}
              </button>{' '}
              <button type="button" className="secondary small" data-testid="conflict-theirs" onClick={() => resolveConflict(id, 'theirs')}>
                {theirs ? t('portfolio:conflict.takeTheirs') : t('portfolio:conflict.letGo')}
              </button>{' '}
              {theirs ? (
                <button type="button" className="secondary small" data-testid="conflict-both" onClick={() => resolveConflict(id, 'both', (n) => t('portfolio:conflict.copyTitle', { name: n || t('app:file.unnamed') }))}>
                  {t('portfolio:conflict.keepBoth')}
                </button>
              ) : null}
            </p>
          </div>
        );
      })}
      {p.notices.map((n, i) => (
        <div key={i} className={`notice ${n.kind === 'delete_failed' ? 'error' : 'info'}`} role={n.kind === 'delete_failed' ? 'alert' : 'status'} data-testid="tab-notice">
          <p>{noticeText(n, name, t)}</p>
          <button type="button" className="secondary small" onClick={() => dismissNotice(n)}>
            {t('app:close')}
          </button>
        </div>
      ))}
      {p.saveProblem ? (
        <div className="notice error" role="alert" data-testid="not-saved">
          <p>
            <strong>{t(`portfolio:storage.${p.saveProblem}`)}</strong>
          </p>
          {unsaved.length ? <p>{t('portfolio:storage.unsavedList', { count: unsaved.length, names: unsaved.slice(0, 5).map(name).join(t('portfolio:storage.listSeparator')) })}</p> : null}
          <p>
            {unsaved.length ? (
              <button type="button" className="primary small" data-testid="export-unsaved" onClick={() => void exportRecords(ruleSet, unsaved)}>
                {t('portfolio:storage.exportUnsaved', { count: unsaved.length })}
              </button>
            ) : null}{' '}
            {p.saveProblem !== 'unavailable' ? (
              <button
                type="button"
                className="secondary small"
                data-testid="retry-save"
                disabled={retrying}
                onClick={() => {
                  setRetrying(true);
                  void retryUnsaved().finally(() => setRetrying(false));
                }}
              >
                {t('portfolio:storage.retry')}
              </button>
            ) : null}
          </p>
        </div>
      ) : null}
    </>
  );
}

function noticeText(n: TabNotice, name: (r: AssessmentRecord) => string, t: (key: string, o?: Record<string, unknown>) => string): string {
  switch (n.kind) {
    case 'deleted_elsewhere':
      return t('portfolio:tabs.deletedElsewhere', { name: name(n.record) });
    case 'not_deleted':
      return t('portfolio:tabs.notDeleted', { name: name(n.record) });
    case 'delete_failed':
      return t('portfolio:tabs.deleteFailed', { name: name(n.record), reason: t(`portfolio:storage.reason.${n.reason}`) });
  }
}
