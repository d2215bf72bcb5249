/**
 * i18next in the browser: the same namespaced JSON resources as the command line (src/i18n/locales),
 * loaded one language at a time, together with that language's rule texts. The first language follows
 * the browser; a choice made with the switch is remembered.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGS, type Lang } from '../engine/constants';
import { NAMESPACES } from '../i18n/namespaces';
import { loadTexts } from './rules';

const LANG_KEY = 'ai-risk-self-assessment:lang';
const bundles = import.meta.glob<{ default: Record<string, unknown> }>('../i18n/locales/*/*.json');

export function isLang(v: unknown): v is Lang {
  return (LANGS as readonly unknown[]).includes(v);
}

/** The remembered choice, else the browser's first language we have (any Chinese → zh-CN), else English. */
export function initialLanguage(): Lang {
  try {
    const saved = localStorage.getItem(LANG_KEY);
    if (isLang(saved)) return saved;
  } catch {
    // storage unavailable (private mode, blocked): fall through to the browser's languages
  }
  for (const l of navigator.languages ?? [navigator.language]) {
    if (/^zh\b/i.test(l)) return 'zh-CN';
    if (/^en\b/i.test(l)) return 'en';
  }
  return 'en';
}

async function loadBundles(lang: Lang): Promise<void> {
  await Promise.all(
    NAMESPACES.map(async (ns) => {
      if (i18next.hasResourceBundle(lang, ns)) return;
      const load = bundles[`../i18n/locales/${lang}/${ns}.json`];
      if (!load) throw new Error(`missing translations: ${lang}/${ns}`);
      i18next.addResourceBundle(lang, ns, (await load()).default);
    }),
  );
}

export async function initI18n(): Promise<Lang> {
  const lang = initialLanguage();
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
  await Promise.all([loadBundles(lang), loadTexts(lang, ['q'])]);
  document.documentElement.lang = lang;
  return lang;
}

/** Switches language once its interface and rule texts are loaded; answers are untouched. */
export async function changeLanguage(lang: Lang): Promise<void> {
  await Promise.all([loadBundles(lang), loadTexts(lang, ['q', 'r'])]);
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // not remembered, but the switch itself worked
  }
}

export { i18next };
