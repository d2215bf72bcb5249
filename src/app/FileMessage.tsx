/**
 * What the file bar says about stored or imported files: entries that could not be read at start (and
 * why), notices on restored assessments, a new assessment started. Loaded with the errors' texts only when
 * there is something to say.
 */
import { useTranslation } from 'react-i18next';
import type { Lang } from '../engine';
import { MAX_LISTED } from '../file-format/assessment-file';
import { noticeText, problemText } from '../file-format/file-messages';
import { useRuleSet } from '../ruledata/context';
import type { Message } from './FileBar';

export default function MessageBox({ message: m, onClose }: { message: Message; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const ruleSet = useRuleSet();
  const error = m.kind === 'damaged';
  let title: string;
  let items: string[] = [];
  switch (m.kind) {
    case 'damaged':
      title = m.notSetAside ? t('app:storage.damagedLeft', { count: m.problems.length, left: m.notSetAside }) : t('app:storage.damaged', { count: m.problems.length });
      items = m.problems.map((ps) => ps.map((p) => problemText(p, t, { rs: ruleSet, lang: i18n.language as Lang })).join(' '));
      break;
    case 'notices':
      title = t('app:storage.restoredWithNotes');
      items = m.notices.map((n) => noticeText(n, t));
      break;
    case 'created':
      title = t('app:file.created');
      break;
  }
  return (
    <div className={`notice ${error ? 'error' : 'info'}`} role={error ? 'alert' : 'status'} data-testid="file-message">
      <p>
        <strong>{title}</strong>
      </p>
      {items.length ? (
        <ul>
          {items.slice(0, MAX_LISTED).map((x, i) => (
            <li key={i}>{x}</li>
          ))}
          {items.length > MAX_LISTED ? <li>{t('errors:list.more', { count: items.length - MAX_LISTED })}</li> : null}
        </ul>
      ) : null}
      <button type="button" className="secondary small" onClick={onClose}>
        {t('app:close')}
      </button>
    </div>
  );
}
