/**
 * "Download PDF": the checklist as a document to file, sign or send. The PDF code and font load on the
 * first click; while they do, the button says so. A failure is reported and changes nothing.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadBlob } from '../lib/download';
import { useRuleSet } from '../ruledata/context';
import { loadArticleTexts, loadTexts } from '../ruledata/text-store';
import { loadNamespace } from '../i18n/browser';
import type { AnswerValue, Lang } from '../engine';
import type { AssessmentRecord } from '../assessment/record';
import { loadBrowserPdfAssets } from '../pdf/browser-assets';
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
  const make = async () => {
    setState({ kind: 'working' });
    try {
      // The PDF code, the font and the statute texts are fetched at once, not one after another.
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
