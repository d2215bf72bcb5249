/** The body of "why we ask", loaded when first opened: the articles a question serves, quoted. */
import { useTranslation } from 'react-i18next';
import { LoadFailed, useLoad } from '../lib/ErrorBoundary';
import { hasSources, hasTexts, loadArticleTexts, loadTexts } from '../ruledata/text-store';
import { ArticleQuote } from '../catalogue/ArticleQuote';
import { Glossed } from '../catalogue/Glossed';
import type { Lang, Question } from '../engine';

const articleTexts = (lang: Lang) => Promise.all([loadTexts(lang, ['p', 'r']), loadArticleTexts()]);

export default function WhyWeAskBody({ question: q, lang }: { question: Question; lang: Lang }) {
  const { t } = useTranslation();
  const texts = useLoad(lang, articleTexts);
  return (
    <div className="why-body">
      <p className="why-help">
        <Glossed text={q.help[lang]} lang={lang} />
      </p>
      {q.heuristic ? (
        <p className="heuristic">
          <strong>{t('questionnaire:why.heuristic')}</strong> {q.heuristic[lang]}
        </p>
      ) : null}
      {texts.failed && !(hasTexts(lang, 'p') && hasTexts(lang, 'r') && hasSources()) ? (
        <LoadFailed onRetry={texts.retry} />
      ) : (
        q.cites.map((id) => <ArticleQuote key={id} id={id} lang={lang} />)
      )}
    </div>
  );
}
