/**
 * "Download PDF": the checklist as a document to file, sign or send. The PDF code loads on the first
 * click; the font's common part is fetched once the result page is idle (or on that click, if sooner),
 * the full font only for a document that needs it (src/pdf/fonts.ts). While they load, the button says
 * so. A failure is reported and changes nothing.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadBlob } from '../lib/download';
import { useRuleSet } from '../ruledata/context';
import { loadArticleTexts, loadTexts } from '../ruledata/text-store';
import { loadNamespace } from '../i18n/browser';
import type { AnswerValue, Lang } from '../engine';
import type { AssessmentRecord } from '../assessment/record';
import { loadBrowserPdfAssets, prefetchPdfFont } from '../pdf/browser-assets';
import type { Report } from '../report/present';
import { documentInput } from '../report/pipeline';

type State = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; file: string; kb: number } | { kind: 'failed'; reason: string };

interface Props {
  report: Report;
  record: AssessmentRecord;
  answers: Readonly<Record<string, AnswerValue>>;
  lang: Lang;
}

export function PdfButton({ report, record, answers, lang }: Props) {
  const ruleSet = useRuleSet();
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'idle' });
  // The font's common part, fetched while the page has nothing else to do (never before the result).
  useEffect(() => {
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(prefetchPdfFont, { timeout: 5000 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(prefetchPdfFont, 1000); // a browser without requestIdleCallback (Safari)
    return () => clearTimeout(id);
  }, []);
  const make = async () => {
    setState({ kind: 'working' });
    try {
      // The PDF code, the font's common part and the statute texts are fetched at once, not one after another.
      const [pdf, assets] = await Promise.all([import('../pdf/browser'), loadBrowserPdfAssets(), loadTexts(lang, ['q', 'p', 'r']), loadArticleTexts(), loadNamespace('pdf'), loadNamespace('catalogue')]);
      const bytes = await pdf.makeChecklistPdf(documentInput(ruleSet, { ...record, answers }, report, t), assets);
      const file = pdf.checklistFileName(report, t);
      downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), file);
      setState({ kind: 'done', file, kb: Math.round(bytes.length / 1024) });
    } catch (e) {
      setState({ kind: 'failed', reason: (e instanceof Error ? e.message : String(e)).replace(/\.+$/, '') });
    }
  };
  return (
    <div className="pdf-export">
      <button type="button" className="secondary" onClick={() => void make()} disabled={state.kind === 'working'} aria-describedby="pdf-hint" data-testid="download-pdf">
        {state.kind === 'working' ? t('result:pdf.working') : t('result:pdf.download')}
      </button>
      <p className="hint" id="pdf-hint">
        {t('result:pdf.hint')}
      </p>
      <p role="status" className="pdf-status" data-testid="pdf-status">
        {state.kind === 'done' ? t('result:pdf.done', { file: state.file, kb: state.kb }) : ''}
      </p>
      {state.kind === 'failed' ? (
        <p role="alert" className="notice error">
          {t('result:pdf.failed', { reason: state.reason })}
        </p>
      ) : null}
    </div>
  );
}
