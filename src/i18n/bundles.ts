/** Every namespace of one language in one chunk, so the browser fetches a language in one request. */
import type { Lang } from '../engine/constants';

type Bundle = Record<string, Record<string, unknown>>;

export const languageBundles: Record<Lang, () => Promise<Bundle>> = {
  en: () => import('./bundle-en').then((m) => m.default),
  'zh-CN': () => import('./bundle-zh-CN').then((m) => m.default),
};
