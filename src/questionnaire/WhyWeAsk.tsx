/** "Why we ask": the articles a question serves, quoted in the original with a translation. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadArticleTexts, loadTexts } from '../app/rules';
import { ArticleQuote } from '../catalogue/ArticleQuote';
import type { Lang } from '../engine/constants';
import type { Question } from '../engine/ruleset';

export function WhyWeAsk({ question: q, lang }: { question: Question; lang: Lang }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details
      className="why"
      onToggle={(e) => {
        const isOpen = (e.currentTarget as HTMLDetailsElement).open;
        setOpen(isOpen);
        if (isOpen) void Promise.all([loadTexts(lang, ['r']), loadArticleTexts()]).catch(() => undefined);
      }}
    >
      <summary>{t('questionnaire:why.summary')}</summary>
      {open ? (
        <div className="why-body">
          {q.heuristic ? (
            <p className="heuristic">
              <strong>{t('questionnaire:why.heuristic')}</strong> {q.heuristic[lang]}
            </p>
          ) : null}
          {q.cites.map((id) => (
            <ArticleQuote key={id} id={id} lang={lang} />
          ))}
        </div>
      ) : null}
    </details>
  );
}
