/**
 * "Download PDF", "Download Word (DOCX)", "Download Markdown": the checklist as a document to file,
 * sign, edit or send. All three write the same document (src/document/checklist.ts). The code of each
 * format (PDFKit; docx; the Markdown writer) loads on the first click of its button, so the first page
 * load does not carry it. The PDF font's common part is fetched once the result page is idle (or on
 * the PDF click, if sooner), the full font only for a document that needs it (src/pdf/fonts.ts). While
 * a file is being made, its button says so. A failure is reported and changes nothing.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadBlob } from '../lib/download';
import { useRuleSet } from '../ruledata/context';
import { loadArticleTexts, loadTexts } from '../ruledata/text-store';
import { loadNamespace } from '../i18n/browser';
import type { AnswerValue, Lang } from '../engine';
import type { AssessmentRecord, IssuedDocument } from '../assessment/record';
import { documentIdOf, issue } from '../document/identity';
import { loadBrowserPdfAssets, prefetchPdfFont } from '../pdf/browser-assets';
import type { Report } from '../report/present';
import { documentInput, type DocumentInput } from '../report/pipeline';
import type { DocumentEdition } from '../document/checklist';
import { formatDate } from '../lib/dates';

type Format = 'pdf' | 'docx' | 'md';
type State =
  | { kind: 'idle' }
  | { kind: 'working'; format: Format }
  | { kind: 'done'; file: string; kb: number; issued: IssuedDocument }
  | { kind: 'failed'; format: Format; reason: string };

/** Each format's button label, label while working, and failure message (result:pdf.*). */
const KEYS: Record<Format, { download: string; working: string; failed: string }> = {
  pdf: { download: 'result:pdf.download', working: 'result:pdf.working', failed: 'result:pdf.failed' },
  docx: { download: 'result:pdf.downloadDocx', working: 'result:pdf.workingDocx', failed: 'result:pdf.failedDocx' },
  md: { download: 'result:pdf.downloadMarkdown', working: 'result:pdf.workingMarkdown', failed: 'result:pdf.failedMarkdown' },
};

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

interface Props {
  report: Report;
  record: AssessmentRecord;
  answers: Readonly<Record<string, AnswerValue>>;
  lang: Lang;
  /** Keeps the document just issued with the assessment, so the next one with other content names it as replaced. */
  onIssued: (issued: IssuedDocument) => void;
}

export function PdfButton({ report, record, answers, lang, onIssued }: Props) {
  const ruleSet = useRuleSet();
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'idle' });
  // The full edition adds the rules screened out and their articles (for counsel checking the screening).
  const [full, setFull] = useState(false);
  const fullHint = useId();
  // The font's common part, fetched while the page has nothing else to do (never before the result).
  useEffect(() => {
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(prefetchPdfFont, { timeout: 5000 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(prefetchPdfFont, 1000); // a browser without requestIdleCallback (Safari)
    return () => clearTimeout(id);
  }, []);
  // The statute texts and the document's words, fetched alongside each format's code.
  const texts = () => [loadTexts(lang, ['q', 'p', 'r']), loadArticleTexts(), loadNamespace('pdf'), loadNamespace('catalogue')] as const;
  const made = async (format: Format, input: DocumentInput & DocumentEdition): Promise<{ blob: Blob; file: string; bytes: number }> => {
    if (format === 'pdf') {
      const [pdf, assets] = await Promise.all([import('../pdf/browser'), loadBrowserPdfAssets(), ...texts()]);
      const bytes = await pdf.makeChecklistPdf(input, assets);
      return { blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), file: pdf.checklistFileName(report, t, { full }), bytes: bytes.length };
    }
    if (format === 'docx') {
      const [exp, { checklistDocx }] = await Promise.all([import('../document/export'), import('../document/docx'), ...texts()]);
      const { doc, labels } = exp.exportParts(input);
      const bytes = await checklistDocx(doc, labels);
      return { blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: DOCX_TYPE }), file: exp.exportFileName(report, t, 'docx', { full }), bytes: bytes.length };
    }
    const [exp, { checklistMarkdown }] = await Promise.all([import('../document/export'), import('../document/markdown'), ...texts()]);
    const { doc, labels } = exp.exportParts(input);
    const bytes = new TextEncoder().encode(checklistMarkdown(doc, labels));
    return { blob: new Blob([bytes], { type: 'text/markdown;charset=utf-8' }), file: exp.exportFileName(report, t, 'md', { full }), bytes: bytes.length };
  };

  const make = async (format: Format) => {
    setState({ kind: 'working', format });
    try {
      // Made once per click (it works out the reassessment triggers): the document and its id come from it.
      const input: DocumentInput & DocumentEdition = { ...documentInput(ruleSet, { ...record, answers }, report, t), ...(full ? { full: true } : {}) };
      const { blob, file, bytes } = await made(format, input);
      downloadBlob(blob, file);
      // Kept with the assessment: the next document with other content names this one as replaced.
      const { issued } = issue(record.issued, documentIdOf(input), report.assessedOn);
      if (issued !== record.issued) onIssued(issued);
      setState({ kind: 'done', file, kb: Math.max(1, Math.round(bytes / 1024)), issued });
    } catch (e) {
      setState({ kind: 'failed', format, reason: (e instanceof Error ? e.message : String(e)).replace(/\.+$/, '') });
    }
  };

  const doneText = ({ file, kb, issued }: Extract<State, { kind: 'done' }>) =>
    issued.replaces
      ? t('result:pdf.doneReplaces', { file, kb, id: issued.documentId, previous: issued.replaces.documentId, date: formatDate(issued.replaces.date, lang) })
      : t('result:pdf.done', { file, kb, id: issued.documentId });

  return (
    <div className="pdf-export">
      <div className="downloads" role="group" aria-label={t('result:pdf.group')}>
        {(['pdf', 'docx', 'md'] as const).map((format) => (
          <button key={format} type="button" className="secondary" onClick={() => void make(format)} disabled={state.kind === 'working'} aria-describedby="pdf-hint" data-testid={`download-${format}`}>
            {state.kind === 'working' && state.format === format ? t(KEYS[format].working) : t(KEYS[format].download)}
          </button>
        ))}
        <label className="edition">
          <input type="checkbox" checked={full} onChange={(e) => setFull(e.target.checked)} aria-describedby={fullHint} data-testid="edition-full" />
          {t('result:pdf.full')}
        </label>
      </div>
      <p className="hint" id="pdf-hint">
        {t('result:pdf.hint')}
        {lang === 'zh-CN' ? '' : ' '}
        {t('result:pdf.formats')}
      </p>
      <p className="hint" id={fullHint}>
        {t('result:pdf.fullHint')}
      </p>
      <p role="status" className="pdf-status" data-testid="pdf-status">
        {state.kind === 'done' ? doneText(state) : ''}
      </p>
      {state.kind === 'failed' ? (
        <p role="alert" className="notice error" data-testid="download-failed">
          {t(KEYS[state.format].failed, { reason: state.reason })}
        </p>
      ) : null}
    </div>
  );
}
