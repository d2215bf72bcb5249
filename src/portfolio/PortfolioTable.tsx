/**
 * The portfolio table: one row per assessment, sortable by any column (buttons in the headers, with
 * aria-sort), a checkbox per row for comparing and exporting a selection, and each row's actions.
 */
import { memo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { REGIMES, type Lang } from '../engine';
import { formatInstant } from '../lib/instants';
import type { PortfolioRow } from './rows';
import { rowName, type Sort, type SortKey } from './table';

export type RowAction = 'open' | 'rename' | 'duplicate' | 'share' | 'export' | 'delete' | 'baseline';

interface Props {
  /** The rows on this page. */
  rows: readonly PortfolioRow[];
  /** All rows the filters let through (the table says how many). */
  total: number;
  sort: Sort;
  onSort: (key: SortKey) => void;
  selected: ReadonlySet<string>;
  onSelect: (id: string, on: boolean) => void;
  onAction: (id: string, action: RowAction, value?: string) => void;
  currentId: string;
  /** Ids with a result kept from an earlier rule set. */
  withBaseline: ReadonlySet<string>;
}

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'portfolio:col.name' },
  { key: 'cohort', label: 'portfolio:col.cohort' },
  { key: 'overall', label: 'portfolio:col.overall' },
  { key: 'SH', label: 'result:regime.SH' },
  { key: 'SZ', label: 'result:regime.SZ' },
  { key: 'EU', label: 'result:regime.EU' },
  { key: 'prohibited', label: 'portfolio:col.prohibited' },
  { key: 'open', label: 'portfolio:col.duties' },
  { key: 'updated', label: 'portfolio:col.updated' },
];

export function PortfolioTable({ rows, total, sort, onSort, selected, onSelect, onAction, currentId, withBaseline }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  return (
    <div className="table-scroll">
      <table className="portfolio-table" data-testid="portfolio-table" data-total={total}>
        <caption className="visually-hidden">{t('portfolio:table.caption', { count: total })}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t('portfolio:table.select')}</span>
            </th>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                <button type="button" className="sort" onClick={() => onSort(c.key)} data-testid={`sort-${c.key}`}>
                  {t(c.label)}
                  <span aria-hidden="true">{sort.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                </button>
              </th>
            ))}
            <th scope="col">{t('portfolio:col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <Row key={r.id} row={r} checked={selected.has(r.id)} open={r.id === currentId} baseline={withBaseline.has(r.id)} onSelect={onSelect} onAction={onAction} t={t} lang={lang} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  row: PortfolioRow;
  checked: boolean;
  open: boolean;
  baseline: boolean;
  onSelect: Props['onSelect'];
  onAction: Props['onAction'];
  /** Passed down rather than each row subscribing to i18next itself. */
  t: TFunction;
  lang: Lang;
}

const Row = memo(function Row({ row: r, checked, open, baseline, onSelect, onAction, t, lang }: RowProps) {
  const [renaming, setRenaming] = useState(false);
  // The menu's items are drawn only while it is open: a page of rows stays light.
  const [menu, setMenu] = useState(false);
  /** A menu item: closes the menu, then acts. */
  const item = (label: string, act: () => void, danger = false) => (
    <li>
      <button
        type="button"
        className={danger ? 'link danger' : 'link'}
        onClick={(e) => {
          e.currentTarget.closest('details')?.removeAttribute('open');
          setMenu(false);
          act();
        }}
      >
        {label}
      </button>
    </li>
  );
  const name = rowName(r) || t('app:file.unnamed');
  const tierCell = (tier: string, worst?: string) => !r.started ? <span className="muted">—</span> : (
    <span className={`tier-chip tier-${tier}`} data-tier={tier}>
      {t(`result:tier.${tier}`)}
      {worst ? <span className="worst">{t('portfolio:table.worst', { tier: t(`result:tier.${worst}`) })}</span> : null}
    </span>
  );
  return (
    <tr data-testid="portfolio-row" data-id={r.id} className={open ? 'is-open' : undefined}>
      <td>
        <input type="checkbox" checked={checked} onChange={(e) => onSelect(r.id, e.currentTarget.checked)} aria-label={t('portfolio:table.selectOne', { name })} />
      </td>
      <th scope="row" className="name-cell">
        {renaming ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              onAction(r.id, 'rename', String(new FormData(e.currentTarget).get('title') ?? ''));
              setRenaming(false);
            }}
          >
            <label>
              <span className="visually-hidden">{t('portfolio:action.renameLabel')}</span>
              <input name="title" defaultValue={r.title ?? ''} placeholder={[r.company, r.product].filter(Boolean).join(' · ')} maxLength={200} autoFocus />
            </label>{' '}
            <button type="submit" className="secondary small">
              {t('portfolio:action.save')}
            </button>{' '}
            <button type="button" className="link" onClick={() => setRenaming(false)}>
              {t('portfolio:action.cancel')}
            </button>
          </form>
        ) : (
          <>
            <button type="button" className="link" onClick={() => onAction(r.id, 'open')}>
              <bdi>{name}</bdi>
            </button>
            {open ? <span className="badge">{t('portfolio:table.open')}</span> : null}
            {!r.started ? <span className="badge">{t('portfolio:table.notStarted')}</span> : !r.complete ? <span className="badge">{t('portfolio:table.incomplete')}</span> : null}
            {r.conflicts ? <span className="badge warn">{t('portfolio:table.conflicts')}</span> : null}
            {r.reassess ? (
              <span className="badge warn" data-testid="reassess" title={t(`portfolio:table.reassessWhy.${r.reassess}`)}>
                {t('portfolio:table.reassess')}
              </span>
            ) : null}
            {r.title && (r.company || r.product) ? (
              <span className="sub">
                {r.company ? <bdi>{r.company}</bdi> : null}
                {r.company && r.product ? ' · ' : null}
                {r.product ? <bdi>{r.product}</bdi> : null}
              </span>
            ) : null}
          </>
        )}
      </th>
      <td>
        {r.cohort ? (
          <bdi title={t('app:file.invitedBy', { incubator: r.cohort.incubator })}>{r.cohort.label}</bdi>
        ) : (
          '—'
        )}
      </td>
      <td data-col="overall">{tierCell(r.overall)}</td>
      {REGIMES.map((g) => (
        <td key={g} data-col={g}>
          {tierCell(r.tiers[g], r.worstCase[g])}
        </td>
      ))}
      <td data-col="prohibited">{r.prohibited === 'no' ? t('portfolio:prohibited.no') : <strong className={`prohibited-${r.prohibited}`}>{t(`portfolio:prohibited.${r.prohibited}`)}</strong>}</td>
      <td data-col="duties">
        {/* An assessment not started has no duties worth counting (every tier would still be open). */}
        {!r.started ? (
          <span className="muted">—</span>
        ) : (
          <>
            {t('portfolio:table.duties', { open: r.duties.open, done: r.duties.done, total: r.duties.total })}
            {r.duties.openNow ? <span className="sub" data-testid="open-now">{t('portfolio:table.openNow', { count: r.duties.openNow })}</span> : null}
            {r.duties.overdue ? (
              <span className="sub overdue" data-testid="overdue">
                {t('portfolio:table.overdue', { count: r.duties.overdue })}
              </span>
            ) : null}
          </>
        )}
      </td>
      <td data-col="updated">
        {/* Total: a value no file check let through (an entry from an older version) shows a dash, never throws. */}
        <time dateTime={r.updatedAt}>{formatInstant(r.updatedAt, lang)}</time>
      </td>
      <td className="row-actions">
        <details onToggle={(e) => setMenu(e.currentTarget.open)}>
          <summary>{t('portfolio:action.more')}</summary>
          {menu ? (
          <ul>
            {item(t('portfolio:action.rename'), () => setRenaming(true))}
            {item(t('portfolio:action.duplicate'), () => onAction(r.id, 'duplicate'))}
            {item(t('app:file.share'), () => onAction(r.id, 'share'))}
            {item(t('app:file.export'), () => onAction(r.id, 'export'))}
            {baseline ? item(t('portfolio:action.compareBaseline'), () => onAction(r.id, 'baseline')) : null}
            {item(t('portfolio:action.delete'), () => onAction(r.id, 'delete'), true)}
          </ul>
          ) : null}
        </details>
      </td>
    </tr>
  );
});
