/**
 * i18next in the browser: the same namespaced JSON resources as the command line (src/i18n/locales),
 * loaded one language at a time, together with that language's rule texts. The first language follows
 * the browser; a choice made with the switch is remembered.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../engine';
import { languageBundles, lazyBundles } from './bundles';
import { BUNDLED_NAMESPACES, NAMESPACES, type LazyNamespace } from './namespaces';
import { firstBundle, firstLanguage, firstTexts, LANG_KEY } from './first-load';
import { loadTexts } from '../ruledata/text-store';

async function loadBundles(lang: Lang, fetched = languageBundles[lang]()): Promise<void> {
  const bundle = await fetched;
  if (BUNDLED_NAMESPACES.every((ns) => i18next.hasResourceBundle(lang, ns))) return;
  for (const ns of BUNDLED_NAMESPACES) {
    if (!bundle[ns]) throw new Error(`missing translations: ${lang}/${ns}`);
    i18next.addResourceBundle(lang, ns, bundle[ns]);
  }
}

/** Starts fetching the first language's interface and rule texts at once, then initialises i18next. */
export async function initI18n(): Promise<Lang> {
  const lang = firstLanguage;
  await i18next.use(initReactI18next).init({
    lng: lang,
    fallbackLng: false,
    ns: [...NAMESPACES],
    defaultNS: 'app',
    resources: {},
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await Promise.all([loadBundles(lang, firstBundle), firstTexts]);
  showLanguage(lang);
  return lang;
}

/** The page's language and its title (the browser tab) follow the interface's language. */
function showLanguage(lang: Lang): void {
  document.documentElement.lang = lang;
  document.title = i18next.t('app:title', { lng: lang });
}

/** Namespaces a page has asked for: a language switch loads them too before switching. */
const wanted = new Set<LazyNamespace>();

async function loadLazy(lang: Lang, ns: LazyNamespace): Promise<void> {
  if (i18next.hasResourceBundle(lang, ns)) return;
  i18next.addResourceBundle(lang, ns, await lazyBundles[lang][ns]());
}

/** Loads a namespace kept out of the first bundle (for the current language, and later ones). */
export function loadNamespace(ns: LazyNamespace): Promise<void> {
  wanted.add(ns);
  return loadLazy(i18next.language as Lang, ns);
}

/** A lazily loaded component together with the texts it needs. */
export function withNamespace<T>(load: () => Promise<T>, ...ns: LazyNamespace[]): () => Promise<T> {
  return () => Promise.all([load(), ...ns.map(loadNamespace)]).then(([m]) => m);
}

/** Switches language once its interface and rule texts are loaded; answers are untouched. */
export async function changeLanguage(lang: Lang): Promise<void> {
  await Promise.all([loadBundles(lang), loadTexts(lang, ['q', 'p', 'r']), ...[...wanted].map((ns) => loadLazy(lang, ns))]);
  await i18next.changeLanguage(lang);
  showLanguage(lang);
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // not remembered, but the switch itself worked
  }
}

export { i18next };
