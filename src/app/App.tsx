/**
 * The page frame: title, navigation, the language switch (always visible), and the pages. Each page
 * sits in an error boundary: one that fails to load or to render says so, with Retry and the way
 * back, and the frame stays usable.
 */
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGS, type Lang } from '../engine';
import { AssessmentView } from './AssessmentView';
import { ErrorBoundary, lazyRetry } from '../lib/ErrorBoundary';
import { changeLanguage, withNamespace } from '../i18n/browser';
import { catalogueHref, glossaryHref, PORTFOLIO_HREF, useRoute } from '../lib/route';

const CatalogueView = lazyRetry(withNamespace(() => import('../catalogue/CatalogueView'), 'catalogue', 'result'));
const GlossaryView = lazyRetry(withNamespace(() => import('../catalogue/GlossaryView'), 'catalogue'));
const PortfolioView = lazyRetry(withNamespace(() => import('../portfolio/PortfolioView'), 'portfolio', 'result', 'errors'));
const CompareView = lazyRetry(withNamespace(() => import('../portfolio/CompareView'), 'portfolio', 'result', 'errors'));
const InviteView = lazyRetry(withNamespace(() => import('../portfolio/InviteView'), 'portfolio'));
const ShareView = lazyRetry(withNamespace(() => import('../portfolio/ShareView'), 'portfolio', 'result', 'errors'));

const LANG_NAMES: Record<Lang, string> = { en: 'English', 'zh-CN': '简体中文' };

export function App() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const route = useRoute();
  const [switching, setSwitching] = useState(false);
  const [langError, setLangError] = useState(false);
  // On a phone the navigation and the language switch sit in a menu; it closes when the page changes.
  // Open for the page it was opened on: moving to another page closes it.
  const routeKey = JSON.stringify(route);
  const [menuFor, setMenuFor] = useState<string | undefined>();
  const menuOpen = menuFor === routeKey;
  return (
    <>
      <a
        className="skip-link"
        href="#/"
        onClick={(e) => {
          e.preventDefault();
          // The visible page's main region (the assessment stays mounted, hidden, while the catalogue shows).
          [...document.querySelectorAll<HTMLElement>('main')].find((m) => m.offsetParent !== null)?.focus();
        }}
      >
        {t('app:skip')}
      </a>
      <header className={menuOpen ? 'app-header menu-open' : 'app-header'}>
        <div className="brand">
          <h1>
            <a href="#/">{t('app:title')}</a>
          </h1>
          <p className="tagline">{t('app:tagline')}</p>
        </div>
        <button type="button" className="menu-toggle" aria-expanded={menuOpen} aria-controls="app-menu" data-testid="menu-toggle" onClick={() => setMenuFor(menuOpen ? undefined : routeKey)}>
          {t('app:menu')}
        </button>
        <div id="app-menu" className="app-menu">
        <nav aria-label={t('app:nav.label')} className="app-nav">
          <a href="#/" aria-current={route.page === 'assessment' ? 'page' : undefined}>
            {t('app:nav.assessment')}
          </a>
          <a href={PORTFOLIO_HREF} aria-current={route.page === 'portfolio' || route.page === 'compare' ? 'page' : undefined}>
            {t('app:nav.portfolio')}
          </a>
          <a href={catalogueHref()} aria-current={route.page === 'catalogue' ? 'page' : undefined}>
            {t('app:nav.catalogue')}
          </a>
          <a href={glossaryHref()} aria-current={route.page === 'glossary' ? 'page' : undefined}>
            {t('app:nav.glossary')}
          </a>
        </nav>
        <div className="lang-switch" role="group" aria-label={t('app:language')}>
          {LANGS.map((l) => (
            <button
              key={l}
              type="button"
              lang={l}
              aria-pressed={l === lang}
              disabled={switching}
              onClick={() => {
                if (l === lang) return;
                setSwitching(true);
                changeLanguage(l)
                  .then(() => {
                    setLangError(false);
                    setMenuFor(undefined);
                  }, () => setLangError(true))
                  .finally(() => setSwitching(false));
              }}
            >
              {LANG_NAMES[l]}
            </button>
          ))}
        </div>
        </div>
      </header>
      {langError ? (
        <p className="notice error" role="alert">
          {t('app:languageFailed')}
        </p>
      ) : null}
      <AssessmentView lang={lang} hidden={route.page !== 'assessment'} />
      {route.page !== 'assessment' ? (
        <ErrorBoundary page resetKey={JSON.stringify(route)}>
          <Suspense fallback={<p className="loading">{t('app:loading')}</p>}>
            {route.page === 'catalogue' ? (
              <CatalogueView article={route.article} lang={lang} />
            ) : route.page === 'glossary' ? (
              <GlossaryView term={route.term} lang={lang} />
            ) : route.page === 'portfolio' ? (
              <PortfolioView lang={lang} query={route.query} />
            ) : route.page === 'compare' ? (
              <CompareView left={route.left} right={route.right} lang={lang} />
            ) : route.page === 'invite' ? (
              <InviteView query={route.query} />
            ) : (
              <ShareView data={route.data} />
            )}
          </Suspense>
        </ErrorBoundary>
      ) : null}
      <footer className="app-footer">
        <p>{t('app:footer')}</p>
      </footer>
    </>
  );
}
