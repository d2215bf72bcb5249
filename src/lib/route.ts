/**
 * Pages, addressed by the URL fragment so the static site needs no server routes (and nothing in a
 * link reaches a server):
 *   `#/` the open assessment · `#/portfolio[?text=…&cohort=…&tier=…&in=…&sort=…]` all assessments (filters and sort kept in the address) · `#/compare/<id>/<id|baseline>`
 *   `#/invite?incubator=…&cohort=…` an invitation · `#/share/…` a shared assessment
 *   `#/catalogue`, `#/catalogue/<article id>` the rule-set catalogue
 *   `#/glossary`, `#/glossary/<term id>` the glossary
 */
import { useSyncExternalStore } from 'react';

/** Where invite and share links point (their codecs are in src/portfolio/links.ts). */
export const INVITE_ROUTE = '#/invite';
export const SHARE_ROUTE = '#/share/';

export type Route =
  /** The open assessment; its step addresses (`#/section/<id>` …) are in src/assessment/step.ts. */
  | { page: 'assessment' }
  | { page: 'portfolio'; query: string }
  | { page: 'compare'; left: string; right: string }
  | { page: 'invite'; query: string }
  | { page: 'share'; data: string }
  | { page: 'catalogue'; article?: string }
  | { page: 'glossary'; term?: string };

/** A percent-encoded path segment; one that is malformed (`%E0%A4%A`) is taken as it is, never thrown. */
function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The page a URL fragment names; any fragment, however malformed, names one (unknown ones the assessment). */
export function parseRoute(hash: string): Route {
  if (hash.startsWith(SHARE_ROUTE)) return { page: 'share', data: hash.slice(SHARE_ROUTE.length) };
  if (hash === INVITE_ROUTE || hash.startsWith(`${INVITE_ROUTE}?`)) return { page: 'invite', query: hash.slice(INVITE_ROUTE.length + 1) };
  if (hash === '#/portfolio' || hash.startsWith('#/portfolio?')) return { page: 'portfolio', query: hash.slice('#/portfolio?'.length) };
  const c = /^#\/compare\/([A-Za-z0-9_-]+)\/([A-Za-z0-9_-]+)$/.exec(hash);
  if (c) return { page: 'compare', left: c[1]!, right: c[2]! };
  const m = /^#\/catalogue(?:\/(.+))?$/.exec(hash);
  if (m) return m[1] ? { page: 'catalogue', article: decode(m[1]) } : { page: 'catalogue' };
  const g = /^#\/glossary(?:\/(.+))?$/.exec(hash);
  if (g) return g[1] ? { page: 'glossary', term: decode(g[1]) } : { page: 'glossary' };
  return { page: 'assessment' };
}

export const catalogueHref = (article?: string) => (article ? `#/catalogue/${encodeURIComponent(article)}` : '#/catalogue');
export const glossaryHref = (term?: string) => (term ? `#/glossary/${encodeURIComponent(term)}` : '#/glossary');
export const PORTFOLIO_HREF = '#/portfolio';
/** `right` may be `baseline`: the left assessment's result under the rule set it was made with. */
export const compareHref = (left: string, right: string) => `#/compare/${left}/${right}`;

/** The page's address with another fragment (what an invite or share link is built on). */
export const linkTo = (fragment: string) => `${window.location.origin}${window.location.pathname}${window.location.search}${fragment}`;

export function go(hash: string): void {
  window.location.hash = hash;
}

const subscribe = (l: () => void) => {
  window.addEventListener('hashchange', l);
  return () => window.removeEventListener('hashchange', l);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
