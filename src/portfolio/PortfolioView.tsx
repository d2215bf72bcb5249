/**
 * The portfolio page: every assessment in this browser, for an incubator's whole cohort or a company's
 * products. Invite link, import (files by picker or drop, share links by paste), the tier chart, the
 * table (sorted, filtered by text, cohort and tier), comparing two, and exports of what is shown:
 * CSV, and the checklist PDFs zipped.
 */
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadBlob } from '../lib/download';
import { exportRecord } from '../file-format/export';
import { compareHref, go } from '../lib/route';
import { useRuleSet } from '../ruledata/context';
import { memoOn, REGIMES, type Lang, type Regime, type RegimeTier } from '../engine';
import { localIsoDate } from '../lib/dates';
import type { RuleSet } from '../engine';
import { displayName, type AssessmentRecord } from '../assessment/record';
import { csvBlob, pdfZip, type ZipOutcome } from './bulk-export';
import { ImportOutcome } from './ImportOutcome';
import { linksIn } from './importer';
import { InvitePanel as InvitePanelView } from './InvitePanel';
import { PAGE_SIZE } from './page-size';
import { PortfolioTable, type RowAction } from './PortfolioTable';
import { recordRow, type PortfolioRow } from './rows';
import { ShareLinkBox } from './ShareLinkBox';
import StorageStatus from './StorageStatus';
import { deleteAssessment, duplicateAssessment, renameAssessment, undoDelete } from './actions';
import { createAssessment, openAssessment, usePortfolio } from './state';
import { cohortsOf, filterRows, sortRows, tierDistribution, type Filter, type Sort, type SortKey } from './table';
import { TierChart as TierChartView } from './TierChart';

// Neither changes with the table's filter, sort or page: not redrawn with it.
const InvitePanel = memo(InvitePanelView);
const TierChart = memo(TierChartView);
import { fileSources, useImport } from './use-import';
import './portfolio.css';

/** Rows are recomputed only for records that changed (records are replaced, never mutated). */
const rowOf = memoOn((rs: RuleSet) => memoOn((rec: AssessmentRecord) => recordRow(rs, rec) ?? null));

const TIER_FILTERS: (RegimeTier | 'prohibited_any')[] = ['prohibited_any', 'high', 'needs_review', 'medium_low', 'limited', 'minimal', 'out_of_scope'];
const NO_COHORT = '\u0000none';

export default function PortfolioView({ lang }: { lang: Lang }) {
  const ruleSet = useRuleSet();
  const { t } = useTranslation();
  const portfolio = usePortfolio();
  const imp = useImport();
  const [sort, setSort] = useState<Sort>({ key: 'updated', dir: 'desc' });
  const [text, setText] = useState('');
  const [cohort, setCohort] = useState('');
  const [tierRegime, setTierRegime] = useState<Regime | 'any'>('any');
  const [tier, setTier] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [sharing, setSharing] = useState<AssessmentRecord>();
  const [deleted, setDeleted] = useState<{ record: AssessmentRecord; wasCurrent: boolean }>();
  const [dragging, setDragging] = useState(false);
  const [pasted, setPasted] = useState('');
  // The page number belongs to one filter and sort: a new one starts again at the first page.
  const [paging, setPaging] = useState<{ key: string; page: number }>({ key: '', page: 0 });
  const [zip, setZip] = useState<{ done: number; total: number; outcome?: ZipOutcome; error?: string; abort: AbortController }>();
  const fileInput = useRef<HTMLInputElement>(null);

  const allRows = useMemo(() => [...portfolio.records.values()].map((rec) => rowOf(ruleSet)(rec)).filter((r): r is PortfolioRow => r !== null), [ruleSet, portfolio.records]);
  const filter: Filter = useMemo(
    () => ({
      text,
      ...(cohort ? { cohort: cohort === NO_COHORT ? '' : cohort } : {}),
      ...(tier ? { tier: { regime: tierRegime, tier: tier as RegimeTier | 'prohibited_any' } } : {}),
    }),
    [text, cohort, tier, tierRegime],
  );
  const shown = useMemo(() => sortRows(filterRows(allRows, filter), sort), [allRows, filter, sort]);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const pagingKey = JSON.stringify([filter, sort]);
  const current = paging.key === pagingKey ? Math.min(paging.page, pages - 1) : 0;
  const setPage = (page: number) => setPaging({ key: pagingKey, page });
  const pageRows = useMemo(() => shown.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE), [shown, current]);
  const cohorts = useMemo(() => cohortsOf(allRows), [allRows]);
  const distribution = useMemo(() => tierDistribution(shown), [shown]);
  const withBaseline = useMemo(() => new Set([...portfolio.records.values()].filter((r) => r.baseline).map((r) => r.id)), [portfolio.records]);
  const unreadable = portfolio.records.size - allRows.length;

  const onSort = useCallback((key: SortKey) => setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: key === 'name' || key === 'cohort' ? 'asc' : key === 'updated' || key === 'open' ? 'desc' : 'asc' })), []);
  const onSelect = useCallback((id: string, on: boolean) => setSelected((s) => {
    const n = new Set(s);
    if (on) n.add(id);
    else n.delete(id);
    return n;
  }), []);
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
          setSelected((s) => {
            const n = new Set(s);
            n.delete(id);
            return n;
          });
          break;
      }
    },
    [ruleSet, records, t],
  );

  const selectedShown = shown.filter((r) => selected.has(r.id));
  const targets = selectedShown.length ? selectedShown : shown;
  const exportCsv = () => downloadBlob(csvBlob(ruleSet, targets), `portfolio-${localIsoDate()}.csv`);
  const exportPdfs = async () => {
    const abort = new AbortController();
    const recs = targets.map((r) => records.get(r.id)!).filter(Boolean);
    setZip({ done: 0, total: recs.length, abort });
    try {
      const outcome = await pdfZip(ruleSet, recs, lang, t, (done, total) => setZip((z) => z && { ...z, done, total }), abort.signal);
      if (outcome.written) downloadBlob(outcome.blob, `portfolio-checklists-${localIsoDate()}.zip`);
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

      <div
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          importFiles([...e.dataTransfer.files]);
        }}
      >
        <p>{t('portfolio:import.drop')}</p>
        <form
          className="paste-links"
          onSubmit={(e) => {
            e.preventDefault();
            const links = linksIn(pasted);
            if (!links.length) return;
            void imp.start(links.map((link, i) => ({ name: t('portfolio:import.linkName', { n: i + 1 }), link }))).then(() => setPasted(''));
          }}
        >
          <label htmlFor="paste-links">{t('portfolio:import.paste')}</label>
          <textarea id="paste-links" rows={2} value={pasted} onChange={(e) => setPasted(e.currentTarget.value)} data-testid="paste-links" />
          <button type="submit" className="secondary small" disabled={!linksIn(pasted).length}>
            {t('portfolio:import.pasteButton')}
          </button>
        </form>
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
      {unreadable > 0 ? <p className="notice error">{t('portfolio:unreadable', { count: unreadable })}</p> : null}

      <InvitePanel />

      <section aria-labelledby="overview-heading" className="panel">
        <h3 id="overview-heading">{t('portfolio:overview', { shown: shown.length, total: allRows.length })}</h3>
        <div className="filters" role="search">
          <label>
            {t('portfolio:filter.text')}
            <input type="search" value={text} onChange={(e) => setText(e.currentTarget.value)} data-testid="filter-text" />
          </label>
          <label>
            {t('portfolio:filter.cohort')}
            <select value={cohort} onChange={(e) => setCohort(e.currentTarget.value)} data-testid="filter-cohort">
              <option value="">{t('portfolio:filter.all')}</option>
              {cohorts.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
              <option value={NO_COHORT}>{t('portfolio:filter.noCohort')}</option>
            </select>
          </label>
          <label>
            {t('portfolio:filter.tier')}
            <select value={tier} onChange={(e) => setTier(e.currentTarget.value)} data-testid="filter-tier">
              <option value="">{t('portfolio:filter.all')}</option>
              {TIER_FILTERS.map((x) => (
                <option key={x} value={x}>
                  {x === 'prohibited_any' ? t('portfolio:filter.prohibited') : t(`result:tier.${x}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('portfolio:filter.in')}
            <select value={tierRegime} onChange={(e) => setTierRegime(e.currentTarget.value as Regime | 'any')} data-testid="filter-regime" disabled={!tier || tier === 'prohibited_any'}>
              <option value="any">{t('portfolio:filter.anyRegime')}</option>
              {REGIMES.map((g) => (
                <option key={g} value={g}>
                  {t(`result:regime.${g}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <TierChart distribution={distribution} total={shown.length} />
        <div className="bulk-actions">
          <span>{selectedShown.length ? t('portfolio:bulk.selected', { count: selectedShown.length }) : t('portfolio:bulk.shown', { count: shown.length })}</span>
          <button type="button" className="secondary small" onClick={exportCsv} disabled={!targets.length} data-testid="export-csv">
            {t('portfolio:bulk.csv')}
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
          {selected.size ? (
            <button type="button" className="link" onClick={() => setSelected(new Set())}>
              {t('portfolio:bulk.clear')}
            </button>
          ) : null}
        </div>
        <p className="hint">{t('portfolio:bulk.pdfWhy')}</p>
        {zip ? (
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
        ) : null}
        {shown.length ? (
          <>
            <PortfolioTable rows={pageRows} total={shown.length} sort={sort} onSort={onSort} selected={selected} onSelect={onSelect} onAction={onAction} currentId={portfolio.currentId} withBaseline={withBaseline} />
            {pages > 1 ? (
              <nav className="pager" aria-label={t('portfolio:pager.label')} data-testid="pager">
                <button type="button" className="secondary small" disabled={current === 0} onClick={() => setPage(current - 1)}>
                  {t('portfolio:pager.previous')}
                </button>
                <span data-testid="pager-status">{t('portfolio:pager.status', { from: current * PAGE_SIZE + 1, to: current * PAGE_SIZE + pageRows.length, total: shown.length })}</span>
                <button type="button" className="secondary small" disabled={current >= pages - 1} onClick={() => setPage(current + 1)} data-testid="pager-next">
                  {t('portfolio:pager.next')}
                </button>
              </nav>
            ) : null}
          </>
        ) : (
          <p data-testid="no-rows">{allRows.length ? t('portfolio:noMatch') : t('portfolio:empty')}</p>
        )}
      </section>
    </main>
  );
}
