/**
 * The portfolio page: every assessment in this browser, for an incubator's whole cohort or a company's
 * products. Invite link, import (files by picker or drop, share links by paste), the tier chart, the
 * table (sorted, filtered by text, cohort and tier), comparing two, and exports of what is shown:
 * CSV, and the checklist PDFs zipped. The table's state is `usePortfolioTable`; the filters, pager,
 * drop zone and zip status are components of their own.
 */
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../engine';
import { displayName, type AssessmentRecord } from '../assessment/record';
import { exportRecord } from '../file-format/export';
import { localIsoDate } from '../lib/dates';
import { downloadBlob } from '../lib/download';
import { compareHref, go } from '../lib/route';
import { useRuleSet } from '../ruledata/context';
import { deleteAssessment, duplicateAssessment, recordIssued, renameAssessment, setCohort, undoDelete } from './actions';
import { csvBlob, pdfZip } from './bulk-export';
import { DropZone } from './DropZone';
import { Filters } from './Filters';
import { ImportOutcome } from './ImportOutcome';
import { InvitePanel as InvitePanelView } from './InvitePanel';
import { Pager } from './Pager';
import { PortfolioTable, type RowAction } from './PortfolioTable';
import { CohortEditor } from './CohortEditor';
import { ShareLinkBox } from './ShareLinkBox';
import { createAssessment, openAssessment, usePortfolio } from './state';
import StorageStatus from './StorageStatus';
import { TierChart as TierChartView } from './TierChart';
import { usePortfolioTable } from './use-portfolio-table';
import { fileSources, useImport } from './use-import';
import { ZipStatus, type ZipState } from './ZipStatus';
import './portfolio.css';

// Neither changes with the table's filter, sort or page: not redrawn with it.
const InvitePanel = memo(InvitePanelView);
const TierChart = memo(TierChartView);

export default function PortfolioView({ lang, query = '' }: { lang: Lang; query?: string }) {
  const ruleSet = useRuleSet();
  const { t } = useTranslation();
  const portfolio = usePortfolio();
  const imp = useImport();
  const table = usePortfolioTable(ruleSet, portfolio.records, query);
  const { shown, targets, selectedShown, unselect } = table;
  const [sharing, setSharing] = useState<AssessmentRecord>();
  const [deleted, setDeleted] = useState<{ record: AssessmentRecord; wasCurrent: boolean }>();
  const [zip, setZip] = useState<ZipState>();
  const fileInput = useRef<HTMLInputElement>(null);
  // Import and invite start open for an empty portfolio, folded once there are assessments to read.
  const [moreOpen, setMoreOpen] = useState(() => portfolio.records.size <= 1);
  const withBaseline = useMemo(() => new Set([...portfolio.records.values()].filter((r) => r.baseline).map((r) => r.id)), [portfolio.records]);

  const records = portfolio.records;
  const onAction = useCallback(
    (id: string, action: RowAction, value?: string) => {
      const rec = records.get(id);
      if (!rec) return;
      switch (action) {
        case 'open':
          openAssessment(id);
          go('#/');
          break;
        case 'rename':
          renameAssessment(id, (value ?? '').replace(/\s+/g, ' ').trim().slice(0, 200));
          break;
        case 'duplicate':
          duplicateAssessment(id, (name) => t('portfolio:action.copyOf', { name }), displayName(rec) || t('app:file.unnamed'));
          break;
        case 'share':
          setSharing(rec);
          break;
        case 'export':
          void exportRecord(ruleSet, rec);
          break;
        case 'baseline':
          go(compareHref(id, 'baseline'));
          break;
        case 'delete':
          setDeleted(deleteAssessment(id));
          unselect(id);
          break;
      }
    },
    [ruleSet, records, t, unselect],
  );

  const exportCsv = (codes: boolean) => downloadBlob(csvBlob(ruleSet, targets, codes ? { codes } : { lang, t }), `portfolio-${localIsoDate()}${codes ? '-codes' : ''}.csv`);
  const exportPdfs = async () => {
    const abort = new AbortController();
    const recs = targets.map((r) => records.get(r.id)!).filter(Boolean);
    setZip({ done: 0, total: recs.length, abort });
    try {
      const outcome = await pdfZip(ruleSet, recs, lang, t, (done, total) => setZip((z) => z && { ...z, done, total }), abort.signal);
      if (outcome.written) {
        downloadBlob(outcome.blob, `portfolio-checklists-${localIsoDate()}.zip`);
        recordIssued(outcome.issued);
      }
      setZip((z) => z && { ...z, outcome });
    } catch (e) {
      setZip((z) => z && { ...z, error: e instanceof Error ? e.message : String(e) });
    }
  };
  const importFiles = (files: File[]) => {
    if (files.length) void fileSources(files).then((s) => imp.start(s));
  };

  return (
    <main id="main-portfolio" className="portfolio" tabIndex={-1} data-testid="portfolio">
      <h2>{t('portfolio:title')}</h2>
      <p className="hint">{t('portfolio:what')}</p>
      {portfolio.persistence ? (
        <p className="hint" data-testid="persistence">
          {portfolio.persistence === 'persisted' ? t('portfolio:storage.persisted') : t('portfolio:storage.mayBeCleared')}
        </p>
      ) : null}
      <StorageStatus />
      <div className="portfolio-actions">
        <button
          type="button"
          className="primary small"
          onClick={() => {
            createAssessment();
            go('#/');
          }}
        >
          {t('portfolio:action.new')}
        </button>
        <button type="button" className="secondary small" onClick={() => fileInput.current?.click()}>
          {t('portfolio:import.files')}
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          accept=".json,application/json"
          className="visually-hidden"
          tabIndex={-1}
          aria-label={t('portfolio:import.files')}
          data-testid="portfolio-import-input"
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])];
            e.currentTarget.value = '';
            importFiles(files);
          }}
        />
      </div>

      {imp.state ? <ImportOutcome state={imp.state} choose={imp.choose} chooseAll={imp.chooseAll} confirm={() => void imp.confirm()} dismiss={imp.dismiss} /> : null}
      {deleted ? (
        <div className="notice info" role="status" data-testid="deleted">
          <p>
            {t('portfolio:deleted', { name: displayName(deleted.record) || t('app:file.unnamed') })}{' '}
            <button
              type="button"
              className="secondary small"
              onClick={() => {
                undoDelete(deleted);
                setDeleted(undefined);
              }}
            >
              {t('portfolio:undo')}
            </button>
          </p>
        </div>
      ) : null}
      {sharing ? <ShareLinkBox record={sharing} onClose={() => setSharing(undefined)} /> : null}
      {table.unreadable > 0 ? <p className="notice error">{t('portfolio:unreadable', { count: table.unreadable })}</p> : null}

      <section aria-labelledby="overview-heading" className="panel">
        <h3 id="overview-heading">{t('portfolio:overview', { shown: shown.length, total: table.allRows.length })}</h3>
        <Filters value={table.filters} onChange={table.setFilters} cohorts={table.cohorts} />
        <TierChart distribution={table.distribution} total={shown.length} />
        <div className="bulk-actions">
          <span>{selectedShown.length ? t('portfolio:bulk.selected', { count: selectedShown.length }) : t('portfolio:bulk.shown', { count: shown.length })}</span>
          <button type="button" className="secondary small" onClick={() => exportCsv(false)} disabled={!targets.length} data-testid="export-csv">
            {t('portfolio:bulk.csv')}
          </button>
          <button type="button" className="link" onClick={() => exportCsv(true)} disabled={!targets.length} data-testid="export-csv-codes">
            {t('portfolio:bulk.csvCodes')}
          </button>
          <button type="button" className="secondary small" onClick={() => void exportPdfs()} disabled={!targets.length || (!!zip && !zip.outcome && !zip.error)} data-testid="export-pdfs">
            {t('portfolio:bulk.pdfs')}
          </button>
          <button
            type="button"
            className="secondary small"
            disabled={selectedShown.length !== 2}
            onClick={() => go(compareHref(selectedShown[0]!.id, selectedShown[1]!.id))}
            data-testid="compare-selected"
          >
            {t('portfolio:bulk.compare')}
          </button>
          {table.selected.size ? (
            <button type="button" className="link" onClick={table.clearSelection}>
              {t('portfolio:bulk.clear')}
            </button>
          ) : null}
        </div>
        <p className="hint">{t('portfolio:bulk.pdfWhy')}</p>
        <CohortEditor key={selectedShown.map((r) => r.id).join(' ')} rows={selectedShown} all={table.allRows} onSet={setCohort} />
        {zip ? <ZipStatus zip={zip} /> : null}
        {shown.length ? (
          <>
            <PortfolioTable rows={table.pageRows} total={shown.length} sort={table.sort} onSort={table.onSort} selected={table.selected} onSelect={table.onSelect} onAction={onAction} currentId={portfolio.currentId} withBaseline={withBaseline} />
            <Pager page={table.page} pages={table.pages} onPage={table.setPage} rowsOnPage={table.pageRows.length} total={shown.length} />
          </>
        ) : (
          <p data-testid="no-rows">{table.allRows.length ? t('portfolio:noMatch') : t('portfolio:empty')}</p>
        )}
      </section>

      {/* The table comes first; importing more and inviting fold away (open while there is nothing to show). */}
      <details className="panel more-panel" open={moreOpen} onToggle={(e) => setMoreOpen(e.currentTarget.open)} data-testid="import-invite">
        <summary>
          <h3>{t('portfolio:more.title')}</h3>
        </summary>
        <p className="hint">{t('portfolio:more.hint')}</p>
        <DropZone onFiles={importFiles} onLinks={(links) => imp.start(links.map((link, i) => ({ name: t('portfolio:import.linkName', { n: i + 1 }), link })))} />
        <InvitePanel />
      </details>
    </main>
  );
}
