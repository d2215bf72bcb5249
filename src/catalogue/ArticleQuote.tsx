/**
 * One article as the statute says it: id, heading, the original text (Chinese for Shanghai, Shenzhen
 * and national rules; English for the EU) and the project's translation, with a link to the catalogue.
 * Statute texts load on first use; until then a short "loading" line stands in.
 */
import { useTranslation } from 'react-i18next';
import { useRuleSet } from '../ruledata/context';
import { hasSources, loadArticleTexts, useRuleTexts } from '../ruledata/text-store';
import { LoadFailed, useLoad } from '../lib/ErrorBoundary';
import { catalogueHref } from '../lib/route';
import type { Lang } from '../engine';
import type { RuleSet } from '../engine';

const ORIGINAL_LANG: Record<string, Lang> = { SH: 'zh-CN', SZ: 'zh-CN', CN: 'zh-CN', EU: 'en' };

export function articleLabel(rs: RuleSet, id: string, lang: Lang): string {
  const a = rs.articles.get(id);
  return a ? `${id} · ${a.heading[lang]}` : id;
}

export function ArticleLink({ id, lang }: { id: string; lang: Lang }) {
  const ruleSet = useRuleSet();
  return (
    <a href={catalogueHref(id)} className="article-link" title={articleLabel(ruleSet, id, lang)}>
      {id}
    </a>
  );
}

interface Props {
  id: string;
  lang: Lang;
  /** Show the original only (the translation behind a toggle) — used in dense lists. */
  compact?: boolean;
  /** The catalogue, read by reviewers: also how the text was checked. Elsewhere only the text and translation. */
  reviewer?: boolean;
}

const statuteTexts = () => loadArticleTexts();

export function ArticleQuote({ id, lang, compact, reviewer }: Props) {
  const ruleSet = useRuleSet();
  const { t } = useTranslation();
  useRuleTexts();
  const sources = useLoad('sources', statuteTexts);
  const a = ruleSet.articles.get(id);
  if (!a) return <p className="article-missing">{id}</p>;
  const originalLang = ORIGINAL_LANG[a.regime] ?? 'en';
  const translationLang: Lang = originalLang === 'en' ? 'zh-CN' : 'en';
  const summary = (a.summary as Partial<Record<Lang, string>> | undefined)?.[lang];
  return (
    <figure className="article-quote">
      <figcaption>
        <a href={catalogueHref(id)}>{id}</a> · {a.heading[lang]} <span className="doc">— {a.documentTitle[lang]}</span>
      </figcaption>
      {!hasSources() ? (
        sources.failed ? (
          <LoadFailed onRetry={sources.retry} />
        ) : (
          <p className="loading">{t('app:loading')}</p>
        )
      ) : (
        <>
          {summary && lang !== originalLang ? (
            <div className="unofficial-summary" lang={lang} data-testid="unofficial-summary">
              <p className="label">
                <strong>{t('catalogue:summary.label')}</strong> <span className="note">{t('catalogue:summary.note')}</span>
              </p>
              <p>{summary}</p>
            </div>
          ) : null}
          <blockquote lang={originalLang} className="original">
            {a.original}
          </blockquote>
          {a.translation ? (
            compact ? (
              <details className="translation-toggle">
                <summary>{t('catalogue:translation')}</summary>
                <blockquote lang={translationLang}>{a.translation}</blockquote>
              </details>
            ) : (
              <blockquote lang={translationLang} className="translation">
                <span className="label">{t('catalogue:translation')}: </span>
                {a.translation}
              </blockquote>
            )
          ) : null}
          {reviewer && a.verification !== 'seed-verbatim' && a.verification !== 'oj-verbatim' ? (
            <p className="verification">{t(`catalogue:verification.${a.verification}`)}</p>
          ) : null}
          {a.officialUrl && !compact ? (
            <p className="official">
              <a href={a.officialUrl} rel="noopener noreferrer" target="_blank" hrefLang={originalLang}>
                {t('catalogue:official', { document: a.documentTitle[lang] })}
              </a>
            </p>
          ) : null}
        </>
      )}
    </figure>
  );
}
