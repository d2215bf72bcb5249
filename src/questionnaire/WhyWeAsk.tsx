/** "Why we ask": the articles a question serves, quoted in the original with a translation. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadFailed, useLoad } from '../app/ErrorBoundary';
import { hasSources, hasTexts, loadArticleTexts, loadTexts } from '../app/rules';
import { ArticleQuote } from '../catalogue/ArticleQuote';
import type { Lang } from '../engine/constants';
import type { Question } from '../engine/ruleset';

const articleTexts = (lang: Lang) => Promise.all([loadTexts(lang, ['r']), loadArticleTexts()]);

export function WhyWeAsk({ question: q, lang }: { question: Question; lang: Lang }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details className="why" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{t('questionnaire:why.summary')}</summary>
      {open ? <WhyBody question={q} lang={lang} /> : null}
    </details>
  );
}

/** Shown once opened: the article texts are fetched then. */
function WhyBody({ question: q, lang }: { question: Question; lang: Lang }) {
  const { t } = useTranslation();
  const texts = useLoad(lang, articleTexts);
  return (
    <div className="why-body">
      {q.heuristic ? (
        <p className="heuristic">
          <strong>{t('questionnaire:why.heuristic')}</strong> {q.heuristic[lang]}
        </p>
      ) : null}
      {texts.failed && !(hasTexts(lang, 'r') && hasSources()) ? (
        <LoadFailed onRetry={texts.retry} />
      ) : (
        q.cites.map((id) => <ArticleQuote key={id} id={id} lang={lang} />)
      )}
    </div>
  );
}
