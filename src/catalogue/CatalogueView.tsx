/**
 * The rule-set catalogue in the app: every article the tool cites (original and translation), every
 * question and every duty with the article it rests on. Citations on the result page link here
 * (`#/catalogue/<article id>`). The same content, for review outside the app: rules/CATALOGUE.md.
 */
import { formatDate } from '../lib/dates';
import './catalogue.css';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRuleSet } from '../ruledata/context';
import { hasSources, hasTexts, loadArticleTexts, loadTexts, useRuleTexts } from '../ruledata/text-store';
import { LoadFailed, useLoad } from '../lib/ErrorBoundary';
import { catalogueHref } from '../lib/route';
import { DUTY_REGIMES, type Lang } from '../engine';
import { optionsOf } from '../report/options';
import { ArticleQuote } from './ArticleQuote';

/** The element id of an article: dots kept, so SZ-72.2 (paragraph 2) and SZ-72(2) (item 2) stay apart. */
export const articleAnchor = (id: string) => `article-${id.replace(/[^A-Za-z0-9.]+/g, '-').replace(/-$/, '')}`;

const catalogueTexts = (lang: Lang) => Promise.all([loadTexts(lang, ['p', 'r']), loadArticleTexts()]);

export default function CatalogueView({ article, lang }: { article?: string; lang: Lang }) {
  const ruleSet = useRuleSet();
  const { t } = useTranslation();
  useRuleTexts();
  const [filter, setFilter] = useState('');
  const texts = useLoad(lang, catalogueTexts);
  const ready = hasTexts(lang, 'p') && hasTexts(lang, 'r') && hasSources();
  useEffect(() => {
    if (!ready) return;
    const el = article ? document.getElementById(articleAnchor(article)) : document.getElementById('catalogue-heading');
    el?.scrollIntoView({ block: 'start' });
    el?.focus();
  }, [article, ready]);

  const documents = useMemo(() => {
    const byDoc = new Map<string, { title: string; ids: string[] }>();
    for (const a of ruleSet.articles.values()) {
      const d = byDoc.get(a.document) ?? { title: '', ids: [] };
      d.ids.push(a.id);
      byDoc.set(a.document, d);
    }
    return [...byDoc.entries()];
  }, [ruleSet.articles]);

  const q = filter.trim().toLowerCase();
  const matches = (...texts: (string | undefined)[]) => !q || texts.some((x) => x?.toLowerCase().includes(q));

  return (
    <main id="main-catalogue" className="catalogue" tabIndex={-1}>
      <h2 id="catalogue-heading" tabIndex={-1}>
        {t('catalogue:title')}
      </h2>
      <p>{t('catalogue:intro', { version: ruleSet.version, date: formatDate(ruleSet.date, lang) })}</p>
      <p>
        <a href="#/">{t('catalogue:back')}</a>
      </p>
      <label htmlFor="catalogue-filter">{t('catalogue:filter')}</label>
      <input id="catalogue-filter" type="search" value={filter} onChange={(e) => setFilter(e.currentTarget.value)} />
      {article && !ruleSet.articles.has(article) ? (
        <p className="notice error" role="alert" data-testid="article-not-found">
          {t('app:notFound.article', { id: article })}
        </p>
      ) : null}
      {!ready ? (
        texts.failed ? (
          <LoadFailed onRetry={texts.retry} />
        ) : (
          <p className="loading">{t('app:loading')}</p>
        )
      ) : (
        <>
          <section aria-labelledby="cat-sources">
            <h3 id="cat-sources">{t('catalogue:sources')}</h3>
            {documents.map(([doc, { ids }]) => {
              const shown = ids.filter((id) => {
                const a = ruleSet.articles.get(id)!;
                return matches(id, a.heading[lang], a.original, a.translation);
              });
              if (!shown.length) return null;
              return (
                <section key={doc} aria-labelledby={`doc-${doc}`}>
                  <h4 id={`doc-${doc}`}>{ruleSet.articles.get(ids[0]!)!.documentTitle[lang]}</h4>
                  {shown.map((id) => (
                    <div key={id} id={articleAnchor(id)} tabIndex={-1} className={id === article ? 'target' : undefined}>
                      <ArticleQuote id={id} lang={lang} reviewer />
                    </div>
                  ))}
                </section>
              );
            })}
          </section>
          <section aria-labelledby="cat-questions">
            <h3 id="cat-questions">{t('catalogue:questions')}</h3>
            {ruleSet.sections.map((s) => (
              <section key={s.id} aria-labelledby={`cat-s-${s.id}`}>
                <h4 id={`cat-s-${s.id}`}>{s.title[lang]}</h4>
                <ul>
                  {s.questions
                    .filter((x) => matches(x.id, x.text[lang], x.plain[lang], x.help[lang]))
                    .map((x) => (
                      <li key={x.id}>
                        <strong>{x.text[lang]}</strong> <code>{x.id}</code>
                        {x.options ? <span className="options-list"> — {optionsOf(x).map((o) => o.label[lang]).join(' · ')}</span> : null}{' '}
                        {x.cites.map((c) => (
                          <a key={c} className="article-link" href={catalogueHref(c)}>
                            {c}
                          </a>
                        ))}
                        <p className="plain">{x.plain[lang]}</p>
                      </li>
                    ))}
                </ul>
              </section>
            ))}
          </section>
          <section aria-labelledby="cat-consistency">
            <h3 id="cat-consistency">{t('catalogue:consistency')}</h3>
            <p>{t('catalogue:consistencyIntro')}</p>
            <ul>
              {ruleSet.consistency
                .filter((c) => matches(c.id, c.message[lang], ...c.cites))
                .map((c) => (
                  <li key={c.id} data-consistency={c.id}>
                    <p>{c.message[lang]}</p>
                    <p>
                      {c.questions.map((q) => (
                        <code key={q}>{q}</code>
                      ))}{' '}
                      {c.cites.map((a) => (
                        <a key={a} className="article-link" href={catalogueHref(a)}>
                          {a}
                        </a>
                      ))}
                    </p>
                  </li>
                ))}
            </ul>
          </section>
          <section aria-labelledby="cat-duties">
            <h3 id="cat-duties">{t('catalogue:duties')}</h3>
            {DUTY_REGIMES.map((r) => {
              const ds = ruleSet.duties.filter((d) => d.regime === r && matches(d.id, d.title[lang], d.plain[lang], d.do[lang]));
              if (!ds.length) return null;
              return (
                <section key={r} aria-labelledby={`cat-d-${r}`}>
                  <h4 id={`cat-d-${r}`}>{t(`result:regime.${r}`)}</h4>
                  <ul>
                    {ds.map((d) => (
                      <li key={d.id}>
                        <strong>{d.title[lang]}</strong> <span className="badge">{t(`result:kind.${d.kind}`)}</span>{' '}
                        <a className="article-link" href={catalogueHref(d.article)}>
                          {d.article}
                        </a>
                        <p className="plain">{d.plain[lang]}</p>
                        <p>{d.do[lang]}</p>
                        {d.forceBasis ? (
                          <p className="force-basis">
                            {t('catalogue:force')} {d.forceBasis[lang]}
                          </p>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </section>
              );
            })}
          </section>
        </>
      )}
    </main>
  );
}
