/** Entry. `first-load` comes first so the first language's texts are fetched while the rest evaluates. */
import './i18n/first-load';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ErrorBoundary } from './lib/ErrorBoundary';
import { initI18n } from './i18n/browser';
import { scheduleServiceWorker } from './app/offline';
import { ruleSet } from './app/rules';
import { RuleSetProvider } from './ruledata/context';
import { startPortfolio } from './portfolio/state';
import './app/app.css';

// The assessments are read from IndexedDB while the language loads.
void startPortfolio(ruleSet);
await initI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* The last resort: pages have their own boundaries, so the frame itself rarely needs this one. */}
    <ErrorBoundary page>
      <RuleSetProvider ruleSet={ruleSet}>
        <App />
      </RuleSetProvider>
    </ErrorBoundary>
  </StrictMode>,
);
scheduleServiceWorker();
