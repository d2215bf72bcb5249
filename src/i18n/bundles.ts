/** Every namespace of one language in one chunk, so the browser fetches a language in one request. */
import type { Lang } from '../engine';
import type { LazyNamespace } from './namespaces';

type Bundle = Record<string, Record<string, unknown>>;

export const languageBundles: Record<Lang, () => Promise<Bundle>> = {
  en: () => import('./bundle-en').then((m) => m.default),
  'zh-CN': () => import('./bundle-zh-CN').then((m) => m.default),
};

/** The namespaces loaded with the pages that use them (LAZY_NAMESPACES), one chunk per language and namespace. */
export const lazyBundles: Record<Lang, Record<LazyNamespace, () => Promise<Record<string, unknown>>>> = {
  en: {
    result: () => import('./locales/en/result.json').then((m) => m.default),
    errors: () => import('./locales/en/errors.json').then((m) => m.default),
    portfolio: () => import('./locales/en/portfolio.json').then((m) => m.default),
    catalogue: () => import('./locales/en/catalogue.json').then((m) => m.default),
    pdf: () => import('./locales/en/pdf.json').then((m) => m.default),
  },
  'zh-CN': {
    result: () => import('./locales/zh-CN/result.json').then((m) => m.default),
    errors: () => import('./locales/zh-CN/errors.json').then((m) => m.default),
    portfolio: () => import('./locales/zh-CN/portfolio.json').then((m) => m.default),
    catalogue: () => import('./locales/zh-CN/catalogue.json').then((m) => m.default),
    pdf: () => import('./locales/zh-CN/pdf.json').then((m) => m.default),
  },
};
