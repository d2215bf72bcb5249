/**
 * What an import did, or what it needs decided: the assessments that came in (with any notes, such as
 * what the current rule set changes for them), each file or link refused with its reasons, and for
 * each assessment already here a choice: update it, or keep both.
 */
import type { Lang } from '../engine';
import { useTranslation } from 'react-i18next';
import { withNames } from '../lib/bdi';
import { formatInstant } from '../lib/instants';
import { displayName } from '../assessment/record';
import { MAX_LISTED } from '../file-format/assessment-file';
import { noticeText, problemText } from '../file-format/file-messages';
import { exportRecords } from '../file-format/export';
import { useRuleSet } from '../ruledata/context';
import type { ImportState } from './use-import';
import type { Resolution } from './importer';
import './portfolio.css';

interface Props {
  state: ImportState;
  choose: (index: number, r: Resolution) => void;
  chooseAll: (r: Resolution) => void;
  confirm: () => void;
  dismiss: () => void;
}

export function ImportOutcome({ state, choose, chooseAll, confirm, dismiss }: Props) {
  const ruleSet = useRuleSet();
  const { t, i18n } = useTranslation();
  const { plan, applied, choices } = state;
  const conflicts = plan.good.map((g, i) => [g, i] as const).filter(([g]) => g.conflict);
  const when = (iso: string) => formatInstant(iso, i18n.language as Lang, { time: true });
  const withNotes = plan.good.filter((g) => g.notices.length);
  const failed = state.stored?.failed ?? [];
  const reasons = [...new Set(failed.map((f) => f.reason))];
  const bad = plan.bad.length > 0 || failed.length > 0;
  // However many files came in, the lists stay readable: the first MAX_LISTED, then a count.
  const more = (n: number) => (n > MAX_LISTED ? <li className="muted">{t('errors:list.more', { count: n - MAX_LISTED })}</li> : null);
  return (
    <section className={`notice ${bad ? 'error' : 'info'} import-outcome`} role={bad ? 'alert' : 'status'} data-testid="import-outcome" aria-label={t('portfolio:import.title')}>
      {applied ? (
        <>
          <p>
            <strong data-testid="import-count">
              {failed.length ? t('portfolio:import.savedOf', { count: state.stored?.saved ?? 0, total: plan.good.length }) : t('portfolio:import.done', { count: state.stored?.saved ?? plan.good.length })}
            </strong>
          </p>
          {failed.length ? (
            <div data-testid="import-not-saved">
              <p>
                <strong>{t('portfolio:import.notSaved', { count: failed.length })}</strong>
              </p>
              <ul>
                {reasons.map((r) => (
                  <li key={r} data-testid="import-not-saved-reason">
                    {t('portfolio:import.notSavedBecause', { count: failed.filter((f) => f.reason === r).length, reason: t(`portfolio:storage.reason.${r}`) })}
                  </li>
                ))}
              </ul>
              <p>{t('portfolio:import.notSavedKept')}</p>
              <button type="button" className="primary small" data-testid="import-export-unsaved" onClick={() => void exportRecords(ruleSet, failed.map((f) => f.record))}>
                {t('portfolio:storage.exportUnsaved', { count: failed.length })}
              </button>
            </div>
          ) : null}
        </>
      ) : (
        <>
          <p>
            <strong>{t('portfolio:import.conflicts', { count: conflicts.length })}</strong>
          </p>
          <div className="conflict-all">
            <button type="button" className="secondary small" onClick={() => chooseAll('update')}>
              {t('portfolio:import.updateAll')}
            </button>{' '}
            <button type="button" className="secondary small" onClick={() => chooseAll('keep_both')}>
              {t('portfolio:import.keepBothAll')}
            </button>
          </div>
          <ul className="conflicts">
            {conflicts.map(([g, i]) => (
              <li key={i} data-testid="import-conflict">
                <p>
                  {withNames(t, 'portfolio:import.conflict', { file: g.name, name: displayName(g.record) || t('app:file.unnamed'), here: when(g.conflict!.updatedAt), file_date: when(g.record.updatedAt) }, ['file', 'name'])}
                </p>
                <fieldset>
                  <legend className="visually-hidden">
                    <bdi>{g.name}</bdi>
                  </legend>
                  {(['update', 'keep_both'] as const).map((r) => (
                    <label key={r} className="inline-choice">
                      <input type="radio" name={`conflict-${i}`} value={r} checked={(choices[i] ?? 'keep_both') === r} onChange={() => choose(i, r)} /> {t(`portfolio:import.${r}`)}
                    </label>
                  ))}
                </fieldset>
              </li>
            ))}
          </ul>
          <p>
            <button type="button" className="primary small" onClick={confirm} data-testid="import-confirm">
              {t('portfolio:import.confirm', { count: plan.good.length })}
            </button>{' '}
            <button type="button" className="secondary small" onClick={dismiss}>
              {t('portfolio:import.cancel')}
            </button>
          </p>
        </>
      )}
      {withNotes.length ? (
        <details open={withNotes.length <= 3}>
          <summary>{t('portfolio:import.notes', { count: withNotes.length })}</summary>
          <ul>
            {withNotes.slice(0, MAX_LISTED).map((g, i) => (
              <li key={i}>
                <bdi>{g.name}</bdi>
                <ul>
                  {g.notices.map((n, j) => (
                    <li key={j}>{noticeText(n, t)}</li>
                  ))}
                </ul>
              </li>
            ))}
            {more(withNotes.length)}
          </ul>
        </details>
      ) : null}
      {plan.bad.length ? (
        <>
          <p>
            <strong>{t('portfolio:import.refused', { count: plan.bad.length })}</strong>
          </p>
          <ul data-testid="import-refused">
            {plan.bad.slice(0, MAX_LISTED).map((b, i) => (
              <li key={i} data-testid="import-refused-item">
                <strong>
                  <bdi>{b.name}</bdi>
                </strong>
                :{' '}
                {b.linkProblem ? t(`portfolio:share.problem.${b.linkProblem}`) : b.problems.map((p) => problemText(p, t, { rs: ruleSet, lang: i18n.language as Lang })).join(' ')}
              </li>
            ))}
            {more(plan.bad.length)}
          </ul>
        </>
      ) : null}
      {applied ? (
        <button type="button" className="secondary small" onClick={dismiss}>
          {t('app:close')}
        </button>
      ) : null}
    </section>
  );
}
