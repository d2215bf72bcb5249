/**
 * The glossary page (`#/glossary`, `#/glossary/<term id>`): every term the questions and duties use that a
 * reader may not know, with its definition in the reader's language and the articles it rests on.
 */
import './catalogue.css';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRuleSet } from '../ruledata/context';
import { hasTexts, loadTexts, useRuleTexts } from '../ruledata/text-store';
import { LoadFailed, useLoad } from '../lib/ErrorBoundary';
import type { Lang } from '../engine';
import { ArticleLink } from './ArticleQuote';

export const termAnchor = (id: string) => `term-${id}`;

const glossaryTexts = (lang: Lang) => loadTexts(lang, ['p', 'r']);

export default function GlossaryView({ term, lang }: { term?: string; lang: Lang }) {
  const rs = useRuleSet();
  const { t } = useTranslation();
  useRuleTexts();
  const texts = useLoad(lang, glossaryTexts);
  const ready = hasTexts(lang, 'p');
  useEffect(() => {
    if (!ready) return;
    const el = document.getElementById(term ? termAnchor(term) : 'glossary-heading');
    el?.scrollIntoView({ block: 'start' });
    el?.focus();
  }, [term, ready]);
  // Sorted by the name in the reader's language (names arrive with the texts: sorted again when they do).
  const terms = [...rs.glossary].sort((a, b) => a.term[lang].localeCompare(b.term[lang], lang));
  return (
    <main id="main-glossary" className="glossary" tabIndex={-1}>
      <h2 id="glossary-heading" tabIndex={-1}>
        {t('catalogue:glossary.title')}
      </h2>
      <p>{t('catalogue:glossary.intro')}</p>
      {lang !== 'en' ? <p className="unofficial-note">{t('catalogue:glossary.unofficial')}</p> : null}
      {term && !rs.glossary.some((g) => g.id === term) ? (
        <p className="notice error" role="alert">
          {t('catalogue:glossary.notFound', { id: term })}
        </p>
      ) : null}
      {!ready && texts.failed ? (
        <LoadFailed onRetry={texts.retry} />
      ) : !ready ? (
        <p className="loading">{t('app:loading')}</p>
      ) : (
        <dl className="glossary-list">
          {terms.map((g) => (
            <div key={g.id} id={termAnchor(g.id)} tabIndex={-1} className={g.id === term ? 'term-entry current' : 'term-entry'} data-term-entry={g.id}>
              <dt>
                {g.term[lang]}
                {lang !== 'en' ? (
                  <span className="term-en" lang="en">
                    {' '}
                    ({g.term.en})
                  </span>
                ) : null}
              </dt>
              <dd>
                <p>{g.definition[lang]}</p>
                {g.cites.length ? (
                  <p className="term-cites">
                    {t('catalogue:glossary.cites')}{' '}
                    {g.cites.map((id) => (
                      <ArticleLink key={id} id={id} lang={lang} />
                    ))}
                  </p>
                ) : null}
              </dd>
            </div>
          ))}
        </dl>
      )}
      <p>
        <a href="#/">{t('catalogue:back')}</a>
      </p>
    </main>
  );
}
