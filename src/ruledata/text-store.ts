/**
 * The rule set's texts as they arrive in the browser (src/ruledata/split.ts): one table per language
 * and group, and the statute texts. Kept apart from the structure so the first texts can be fetched
 * while the rest of the app is still being evaluated. `useRuleTexts` re-renders whoever reads them.
 */
import { useSyncExternalStore } from 'react';
import { loadSources, textLoaders } from 'virtual:rules/loaders';
import type { Lang } from '../engine';
import type { TextGroup, TextStore } from './split';

export const textStore: TextStore = { texts: {} };

let version = 0;
const listeners = new Set<() => void>();
const changed = () => {
  version++;
  for (const l of listeners) l();
};
const pending = new Map<string, Promise<void>>();

function once(key: string, load: () => Promise<void>): Promise<void> {
  let p = pending.get(key);
  if (!p) {
    p = load().then(changed, (e: unknown) => {
      pending.delete(key); // a failed chunk (offline, stale deploy) may be retried
      throw e;
    });
    pending.set(key, p);
  }
  return p;
}

export const hasTexts = (lang: Lang, group: TextGroup): boolean => !!textStore.texts[lang]?.[group];
export const hasSources = (): boolean => !!textStore.sources;

/** Loads the text tables of `lang` for the given groups (q: questionnaire start, p: its rest, r: result). */
export function loadTexts(lang: Lang, groups: readonly TextGroup[]): Promise<void> {
  return Promise.all(
    groups.map((g) =>
      once(`${g}/${lang}`, async () => {
        const m = await textLoaders[`${g}/${lang}`]!();
        (textStore.texts[lang] ??= {})[g] = m.default;
      }),
    ),
  ).then(() => undefined);
}

/** Loads the articles' original texts and translations. */
export function loadArticleTexts(): Promise<void> {
  return once('sources', async () => {
    textStore.sources = (await loadSources()).default;
  });
}

/** A number that changes whenever a text table arrives: read it to re-render on arrival. */
export function useRuleTexts(): number {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => version,
  );
}
