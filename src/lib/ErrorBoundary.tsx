/**
 * What keeps one page's failure from blanking the app: an error boundary around each page (and around
 * parts of one, such as the result), showing what happened in the user's language, a Retry, a reload
 * and the way back, while the header and the language switch stay usable. Pages are loaded with
 * `lazyRetry`: React's `lazy` keeps a failed load for good, so Retry could never work after a chunk
 * failed to arrive (offline, or an update replaced the files); this one loads again after a Retry.
 * Texts a page fetches once shown (rule and statute texts) use `useLoad` and `LoadFailed`: a visible
 * failure with a Retry instead of "Loading…" for ever.
 */
import { Component, createElement, lazy, useEffect, useState, type ComponentProps, type ComponentType, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PORTFOLIO_HREF } from './route';

/** A piece of the app (code or texts) that did not arrive. */
export class LoadError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'LoadError';
  }
}

/** What browsers say when a dynamic import or Vite's preload of its files fails. */
const LOAD_FAILURE = /dynamically imported module|importing a module script failed|error loading dynamically imported|unable to preload css|failed to fetch/i;
export const isLoadError = (e: unknown): boolean => e instanceof LoadError || (e instanceof Error && LOAD_FAILURE.test(e.message));

/** Loaders that failed, each with the reset that makes its component load again. */
const failed = new Set<() => void>();

/** Makes every component whose load failed load again on its next render (the boundaries' Retry calls it). */
export function retryFailedLoads(): void {
  for (const reset of [...failed]) reset();
  failed.clear();
}

/** React's `lazy`, except that a failed load is attempted again after `retryFailedLoads()`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the same bound as React's own `lazy`
export function lazyRetry<T extends ComponentType<any>>(load: () => Promise<{ default: T }>): ComponentType<ComponentProps<T>> {
  const make = () =>
    lazy(() =>
      load().catch((e: unknown) => {
        failed.add(reset);
        throw new LoadError(e);
      }),
    );
  let current = make();
  const reset = () => {
    current = make();
  };
  return function Retrying(props: ComponentProps<T>) {
    return createElement(current, props);
  };
}

interface Props {
  children: ReactNode;
  /** When it changes (another page, another assessment), a shown failure is cleared and the children tried again. */
  resetKey?: string;
  /** A whole page: the message is the page's main region. */
  page?: boolean;
  hidden?: boolean;
}

interface State {
  failure?: { error: unknown };
  resetKey?: string;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { failure: { error } };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { failure: undefined, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  private readonly retry = () => {
    retryFailedLoads();
    this.setState({ failure: undefined });
  };

  override render(): ReactNode {
    const { failure } = this.state;
    if (!failure) return this.props.children;
    return <Failed error={failure.error} onRetry={this.retry} page={!!this.props.page} hidden={!!this.props.hidden} />;
  }
}

function Failed({ error, onRetry, page, hidden }: { error: unknown; onRetry: () => void; page: boolean; hidden: boolean }) {
  const { t } = useTranslation();
  const load = isLoadError(error);
  const body = (
    <div className="notice error page-failed" data-testid="page-failed">
      <h2 role="alert">{load ? t('app:failed.loadTitle') : t('app:failed.title')}</h2>
      <p>{load ? t('app:failed.loadWhy') : t('app:failed.why')}</p>
      <p>{t('app:failed.safe')}</p>
      <p>
        <button type="button" className="primary small" onClick={onRetry} data-testid="retry">
          {t('app:failed.retry')}
        </button>{' '}
        <button type="button" className="secondary small" onClick={() => window.location.reload()}>
          {t('app:failed.reload')}
        </button>
      </p>
      <p>
        <a href="#/">{t('app:failed.toAssessment')}</a> · <a href={PORTFOLIO_HREF}>{t('app:failed.toPortfolio')}</a>
      </p>
    </div>
  );
  return page ? (
    <main id="main-failed" tabIndex={-1} hidden={hidden}>
      {body}
    </main>
  ) : (
    <div hidden={hidden}>{body}</div>
  );
}

/**
 * The one way a page loads what it needs (texts, statute texts): runs `load(key)` when shown and
 * whenever `key` changes or `retry` is called, and says where the latest attempt for this key is —
 * `loading`, `ready` or `failed` (then `LoadFailed` offers the retry). A failure is never swallowed:
 * a chunk that cannot be fetched (offline, a redeploy) shows "could not be loaded", not "Loading…" for
 * ever. `load` must be a stable function (declared at module level).
 */
export function useLoad<K extends string>(key: K, load: (key: K) => Promise<unknown>): { status: 'loading' | 'ready' | 'failed'; failed: boolean; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<{ tag: string; ok: boolean }>();
  const tag = `${attempt}:${key}`;
  useEffect(() => {
    let live = true;
    load(key).then(
      () => live && setSettled({ tag, ok: true }),
      () => live && setSettled({ tag, ok: false }),
    );
    return () => {
      live = false;
    };
  }, [key, load, tag]);
  const status = settled?.tag !== tag ? 'loading' : settled.ok ? 'ready' : 'failed';
  return { status, failed: status === 'failed', retry: () => setAttempt((a) => a + 1) };
}

/** "Could not be loaded" with a Retry, where the texts would be. */
export function LoadFailed({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="notice error" role="alert" data-testid="load-failed">
      <p>{t('app:loadFailed')}</p>
      <button type="button" className="secondary small" onClick={onRetry}>
        {t('app:failed.retry')}
      </button>
    </div>
  );
}
