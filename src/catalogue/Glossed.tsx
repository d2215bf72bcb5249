/**
 * Running text with its glossary terms linked: each term (once per text) opens a small popover with its
 * definition and a link to the glossary page. Definitions arrive with the questionnaire's later texts;
 * until then the popover says it is loading.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useRuleSet } from '../ruledata/context';
import { loadTexts, useRuleTexts } from '../ruledata/text-store';
import { glossaryHref } from '../lib/route';
import { glossaryTerm, glossText } from '../report/glossary';
import type { Lang } from '../engine';

interface Props {
  text: string;
  lang: Lang;
  /** Term ids already linked in the same block (shared by its texts, so a term is linked once). */
  seen?: Set<string>;
}

export function Glossed({ text, lang, seen }: Props) {
  const rs = useRuleSet();
  // The glossary's forms and definitions arrive with the later texts: re-render when they do.
  useRuleTexts();
  const pieces = glossText(rs, text, lang, seen);
  return <>{pieces.map((p, i) => (typeof p === 'string' ? p : <TermLink key={i} id={p.term} text={p.text} lang={lang} />))}</>;
}

function TermLink({ id, text, lang }: { id: string; text: string; lang: Lang }) {
  const rs = useRuleSet();
  const { t } = useTranslation();
  useRuleTexts();
  const popover = useId();
  const term = glossaryTerm(rs, id);
  if (!term) return <>{text}</>;
  const definition = term.definition[lang];
  return (
    <>
      <button type="button" className="term" popoverTarget={popover} data-term={id} onClick={() => void loadTexts(lang, ['p']).catch(() => undefined)}>
        {text}
      </button>
      <span popover="auto" id={popover} className="term-popover" role="dialog" aria-label={term.term[lang]} data-term-popover={id}>
        <strong className="term-name">{term.term[lang]}</strong>
        <span className="term-definition">{definition || t('app:loading')}</span>
        <span className="term-actions">
          <a href={glossaryHref(id)}>{t('app:glossary.open')}</a>
          <button type="button" className="link" popoverTarget={popover} popoverTargetAction="hide">
            {t('app:close')}
          </button>
        </span>
      </span>
    </>
  );
}
