/**
 * Evaluated first (main.tsx imports it before anything else): picks the first language and starts
 * fetching its interface and questionnaire texts at once, in parallel with the app's code, instead
 * of after React and the rule set have been evaluated.
 */
import { LANGS, type Lang } from '../engine';
import { languageBundles } from './bundles';
import { loadTexts } from '../ruledata/text-store';

export const LANG_KEY = 'ai-risk-self-assessment:lang';

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

export const firstLanguage: Lang = initialLanguage();
export const firstBundle = languageBundles[firstLanguage]();
export const firstTexts = loadTexts(firstLanguage, ['q']);
