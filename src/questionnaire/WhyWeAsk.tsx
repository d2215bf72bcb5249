/**
 * "Why we ask": the articles a question serves, quoted in the original with a translation. The body
 * (and the catalogue's words that frame the quotes) is fetched when the panel is first opened.
 */
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary, lazyRetry } from '../lib/ErrorBoundary';
import { withNamespace } from '../i18n/browser';
import type { Lang, Question } from '../engine';

const WhyWeAskBody = lazyRetry(withNamespace(() => import('./WhyWeAskBody'), 'catalogue'));

export function WhyWeAsk({ question: q, lang }: { question: Question; lang: Lang }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details className="why" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{t('questionnaire:why.summary')}</summary>
      {open ? (
        <ErrorBoundary>
          <Suspense fallback={<p className="loading">{t('app:loading')}</p>}>
            <WhyWeAskBody question={q} lang={lang} />
          </Suspense>
        </ErrorBoundary>
      ) : null}
    </details>
  );
}
