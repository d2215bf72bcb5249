/** Previous / next through the table's pages, with which rows are shown. */
import { useTranslation } from 'react-i18next';
import { PAGE_SIZE } from './page-size';

export function Pager({ page, pages, onPage, rowsOnPage, total }: { page: number; pages: number; onPage: (p: number) => void; rowsOnPage: number; total: number }) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={t('portfolio:pager.label')} data-testid="pager">
      <button type="button" className="secondary small" disabled={page === 0} onClick={() => onPage(page - 1)}>
        {t('portfolio:pager.previous')}
      </button>
      <span data-testid="pager-status">{t('portfolio:pager.status', { from: page * PAGE_SIZE + 1, to: page * PAGE_SIZE + rowsOnPage, total })}</span>
      <button type="button" className="secondary small" disabled={page >= pages - 1} onClick={() => onPage(page + 1)} data-testid="pager-next">
        {t('portfolio:pager.next')}
      </button>
    </nav>
  );
}
