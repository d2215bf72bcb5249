/**
 * i18next set up without React, for the engine's consumers outside the browser (command line, tests).
 * The app adds react-i18next on top of the same resources. Namespaces: one JSON file per feature, in
 * `locales/<lang>/<namespace>.json`; keys name meaning (`tier.high`, `answer.not_asked`).
 */
import i18next, { type i18n, type TFunction } from 'i18next';
import type { Lang } from '../engine';
import enApp from './locales/en/app.json';
import enCatalogue from './locales/en/catalogue.json';
import enCli from './locales/en/cli.json';
import enErrors from './locales/en/errors.json';
import enPortfolio from './locales/en/portfolio.json';
import enQuestionnaire from './locales/en/questionnaire.json';
import enPdf from './locales/en/pdf.json';
import enResult from './locales/en/result.json';
import zhApp from './locales/zh-CN/app.json';
import zhCatalogue from './locales/zh-CN/catalogue.json';
import zhCli from './locales/zh-CN/cli.json';
import zhErrors from './locales/zh-CN/errors.json';
import zhPortfolio from './locales/zh-CN/portfolio.json';
import zhQuestionnaire from './locales/zh-CN/questionnaire.json';
import zhPdf from './locales/zh-CN/pdf.json';
import zhResult from './locales/zh-CN/result.json';
import { NAMESPACES } from './namespaces';

export { NAMESPACES };

export const resources = {
  en: { app: enApp, questionnaire: enQuestionnaire, result: enResult, catalogue: enCatalogue, errors: enErrors, pdf: enPdf, portfolio: enPortfolio, cli: enCli },
  'zh-CN': { app: zhApp, questionnaire: zhQuestionnaire, result: zhResult, catalogue: zhCatalogue, errors: zhErrors, pdf: zhPdf, portfolio: zhPortfolio, cli: zhCli },
} as const;

/** A fresh, initialised i18next instance for one language (synchronous: resources are bundled). */
export function createI18n(lang: Lang): i18n {
  const inst = i18next.createInstance();
  void inst.init({
    lng: lang,
    fallbackLng: false,
    resources,
    ns: [...NAMESPACES],
    defaultNS: 'result',
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return inst;
}

/** A `t` per language, each made on first use (a batch in several languages makes each once). */
export function translators(): (lang: Lang) => TFunction {
  const made = new Map<Lang, TFunction>();
  return (lang) => {
    let t = made.get(lang);
    if (!t) made.set(lang, (t = createI18n(lang).t));
    return t;
  };
}

export type { TFunction };
