/** One duty or notice: what to do, from when, under which article (text on demand), and its status. */
import { useTranslation } from 'react-i18next';
import { useRuleSet } from '../ruledata/context';
import { ArticleLink, ArticleQuote } from '../catalogue/ArticleQuote';
import { Glossed } from '../catalogue/Glossed';
import type { Lang } from '../engine';
import { DUTY_STATUSES, dueDate, isOverdue, MAX_EVIDENCE, MAX_EVIDENCE_LENGTH, MAX_LABEL_LENGTH, MAX_NOTE_LENGTH, type DutyStatus, type DutyStatusName } from '../assessment/record';
import { formatDate, localIsoDate } from '../lib/dates';
import { dutyDateText, type PresentedDuty } from '../report/present';
import { dutyElementId, dutyKey } from './ActionPlan';
import { OverdueBadge } from './OverdueBadge';

interface Props {
  duty: PresentedDuty;
  status?: DutyStatus;
  /** Absent for notices, which carry no status. */
  onStatus?: (id: string, s: DutyStatus | undefined) => void;
  onEdit: (question: string) => void;
  lang: Lang;
}

export function DutyItem({ duty: d, status, onStatus, onEdit, lang }: Props) {
  const ruleSet = useRuleSet();
  const { t } = useTranslation();
  const key = dutyKey(d.id);
  const current: DutyStatusName = status?.status ?? 'todo';
  const set = (next: Partial<DutyStatus>) => {
    const merged: DutyStatus = { ...status, status: current, ...next };
    if (!merged.note) delete merged.note;
    if (!merged.owner) delete merged.owner;
    if (!merged.due) delete merged.due;
    if (!merged.evidence?.length) delete merged.evidence;
    onStatus?.(d.id, merged.status === 'todo' && Object.keys(merged).length === 1 ? undefined : merged);
  };
  const seen = new Set<string>();
  const overdue = !!onStatus && d.kind === 'duty' && isOverdue(status, d.from, localIsoDate());
  return (
    <li id={dutyElementId(d.id)} tabIndex={-1} className={`duty kind-${d.kind} status-${current}`} data-testid={`duty-${d.id}`} data-duty={d.id}>
      <div className="duty-head">
        <h5>{d.title}</h5>
        <span className={`badge kind-${d.kind}`}>{t(`result:kind.${d.kind}`)}</span>
        {overdue ? <OverdueBadge due={dueDate(status, d.from)} lang={lang} testId="overdue" /> : null}
      </div>
      <p className="duty-meta">
        <ArticleLink id={d.article} lang={lang} />
        {d.articles
          .filter((a) => a !== d.article)
          .map((a) => (
            <ArticleLink key={a} id={a} lang={lang} />
          ))}
        <span className="date">{dutyDateText(d, t, lang)}</span>
      </p>
      {d.addressee ? <p className="addressee">{t('result:duty.addressee', { who: d.addressee })}</p> : null}
      <p className="duty-plain">
        <Glossed text={d.plain} lang={lang} seen={seen} />
      </p>
      <details className="duty-law">
        <summary>{t('result:duty.whatTheLawSays')}</summary>
        <p>
          <Glossed text={d.do} lang={lang} seen={seen} />
        </p>
      </details>
      {d.decidedBy?.length ? (
        <div className="decided-by">
          <p>{t('result:duty.decidedBy')}</p>
          <ul className="facts">
            {d.decidedBy.map((f) => (
              <li key={f.question}>
                <button type="button" className="link" onClick={() => onEdit(f.question)}>
                  {f.questionText}
                </button>
                : {f.valueText}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {d.evidence.length ? (
        <>
          <p className="evidence-label">{t('result:duty.evidence')}</p>
          <ul className="evidence">
            {d.evidence.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </>
      ) : null}
      {!d.certain && d.dependsOn?.length ? (
        <p className="depends">
          {t('result:duty.dependsOn')}{' '}
          {d.dependsOn.map((q, i) => (
            <span key={q}>
              {i ? ', ' : ''}
              <button type="button" className="link" onClick={() => onEdit(q)}>
                {ruleSet.questionById.get(q)?.text[lang] ?? q}
              </button>
            </span>
          ))}
        </p>
      ) : null}
      {d.heuristic ? <p className="heuristic">{t('result:duty.heuristic', { text: d.heuristic })}</p> : null}
      <details className="article-toggle">
        <summary>{t('result:duty.showArticle', { id: d.article })}</summary>
        <ArticleQuote id={d.article} lang={lang} />
      </details>
      {onStatus ? (
        <div className="duty-status">
          <label htmlFor={`status-${key}`}>{t('result:duty.status')}</label>
          <select id={`status-${key}`} value={current} onChange={(e) => set({ status: e.currentTarget.value as DutyStatusName })}>
            {DUTY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`result:status.${s}`)}
              </option>
            ))}
          </select>
          <label htmlFor={`note-${key}`}>{current === 'not_applicable' ? t('result:duty.noteWhy') : t('result:duty.note')}</label>
          <textarea
            id={`note-${key}`}
            rows={2}
            maxLength={MAX_NOTE_LENGTH}
            value={status?.note ?? ''}
            onChange={(e) => set({ note: e.currentTarget.value })}
          />
          <label htmlFor={`owner-${key}`}>{t('result:duty.owner')}</label>
          <input id={`owner-${key}`} maxLength={MAX_LABEL_LENGTH} value={status?.owner ?? ''} onChange={(e) => set({ owner: e.currentTarget.value.replace(/[\r\n]+/g, ' ') })} />
          <label htmlFor={`due-${key}`}>{t('result:duty.due')}</label>
          <input id={`due-${key}`} type="date" value={status?.due ?? ''} aria-describedby={`due-hint-${key}`} onChange={(e) => set({ due: e.currentTarget.value || undefined })} />
          <span className="hint" id={`due-hint-${key}`}>
            {t('result:duty.dueDefault', { date: formatDate(d.from, lang) })}
          </span>
          <label htmlFor={`evidence-${key}`}>{t('result:duty.evidenceLinks')}</label>
          <textarea
            id={`evidence-${key}`}
            rows={2}
            value={(status?.evidence ?? []).join('\n')}
            onChange={(e) =>
              set({
                evidence: e.currentTarget.value
                  .split('\n')
                  .map((x) => x.slice(0, MAX_EVIDENCE_LENGTH))
                  .slice(0, MAX_EVIDENCE),
              })
            }
          />
        </div>
      ) : null}
    </li>
  );
}
