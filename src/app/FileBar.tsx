/**
 * Export and import of the assessment file, and the messages about files and storage. An import that
 * fails changes nothing and lists every reason; one that succeeds replaces the open assessment.
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatAnswerError } from '../result/present';
import { fileName, readAssessmentFile, toFile, type AssessmentRecord, type FileNotice, type FileProblem, MAX_FILE_BYTES } from '../report/assessment-file';
import { downloadBlob } from './download';
import { ruleSet } from './rules';

export type Message =
  | { kind: 'damaged'; problems: FileProblem[] }
  | { kind: 'storage'; reason: 'quota' | 'unavailable' }
  | { kind: 'notices'; notices: FileNotice[] }
  | { kind: 'imported'; file: string; notices: FileNotice[] }
  | { kind: 'importFailed'; file: string; problems: FileProblem[] };

export function problemText(p: FileProblem, t: TFunction): string {
  if (p.code === 'bad_answers' && p.answerError) return formatAnswerError(p.answerError, t);
  return t(`errors:file.${p.code}`, p.params);
}

interface Props {
  record: AssessmentRecord;
  onLoad: (r: AssessmentRecord, m?: Message) => void;
  message?: Message;
  setMessage: (m: Message | undefined) => void;
  /** False while the browser refuses to save. */
  saved: boolean;
}

export function FileBar({ record, onLoad, message, setMessage, saved }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);

  const exportFile = () => {
    const blob = new Blob([JSON.stringify(toFile(ruleSet, record), null, 2)], { type: 'application/json' });
    downloadBlob(blob, fileName(record, typeof record.answers.product_name === 'string' ? record.answers.product_name : undefined));
  };

  const importFile = async (file: File) => {
    if (file.size > MAX_FILE_BYTES) {
      setMessage({ kind: 'importFailed', file: file.name, problems: [{ code: 'too_large', params: { bytes: file.size, max: MAX_FILE_BYTES } }] });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      setMessage({ kind: 'importFailed', file: file.name, problems: [{ code: 'bad_json', params: { reason: (e as Error).message } }] });
      return;
    }
    const r = readAssessmentFile(ruleSet, text);
    if (!r.ok) setMessage({ kind: 'importFailed', file: file.name, problems: r.problems });
    else onLoad(r.record, { kind: 'imported', file: file.name, notices: r.notices });
  };

  return (
    <div className="file-bar">
      <div className="file-actions">
        <button type="button" className="secondary small" onClick={exportFile}>
          {t('app:file.export')}
        </button>
        <button type="button" className="secondary small" onClick={() => input.current?.click()}>
          {t('app:file.import')}
        </button>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          aria-label={t('app:file.import')}
          data-testid="import-input"
          tabIndex={-1}
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (f) void importFile(f);
          }}
        />
        {saved ? <span className="saved-state">{t('app:file.savedLocally')}</span> : null}
      </div>
      {message ? <MessageBox message={message} onClose={() => setMessage(undefined)} /> : null}
    </div>
  );
}

function MessageBox({ message: m, onClose }: { message: Message; onClose: () => void }) {
  const { t } = useTranslation();
  const error = m.kind === 'importFailed' || m.kind === 'damaged' || m.kind === 'storage';
  let title: string;
  let items: string[] = [];
  switch (m.kind) {
    case 'importFailed':
      title = t('app:file.importFailed', { file: m.file });
      items = m.problems.map((p) => problemText(p, t));
      break;
    case 'damaged':
      title = t('app:storage.damaged');
      items = m.problems.map((p) => problemText(p, t));
      break;
    case 'storage':
      title = t(`app:storage.${m.reason}`);
      break;
    case 'imported':
      title = t('app:file.imported', { file: m.file });
      items = m.notices.map((n) => t(`errors:notice.${n.code}`, n.params));
      break;
    case 'notices':
      title = t('app:storage.restoredWithNotes');
      items = m.notices.map((n) => t(`errors:notice.${n.code}`, n.params));
      break;
  }
  return (
    <div className={`notice ${error ? 'error' : 'info'}`} role={error ? 'alert' : 'status'} data-testid="file-message">
      <p>
        <strong>{title}</strong>
      </p>
      {items.length ? (
        <ul>
          {items.map((x, i) => (
            <li key={i}>{x}</li>
          ))}
        </ul>
      ) : null}
      <button type="button" className="secondary small" onClick={onClose}>
        {t('app:close')}
      </button>
    </div>
  );
}
