/**
 * Two pages, addressed by the URL fragment so the static site needs no server routes:
 * `#/` the assessment, `#/catalogue` and `#/catalogue/<article id>` the rule-set catalogue.
 */
import { useSyncExternalStore } from 'react';

export type Route = { page: 'assessment' } | { page: 'catalogue'; article?: string };

export function parseRoute(hash: string): Route {
  const m = /^#\/catalogue(?:\/(.+))?$/.exec(hash);
  if (m) return m[1] ? { page: 'catalogue', article: decodeURIComponent(m[1]) } : { page: 'catalogue' };
  return { page: 'assessment' };
}

export const catalogueHref = (article?: string) => (article ? `#/catalogue/${encodeURIComponent(article)}` : '#/catalogue');

const subscribe = (l: () => void) => {
  window.addEventListener('hashchange', l);
  return () => window.removeEventListener('hashchange', l);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
