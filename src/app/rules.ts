/**
 * The rule set in the browser. The structure is in the first bundle; text tables and statute texts
 * arrive on demand (src/ruledata/split.ts), and `useRuleTexts` re-renders whoever reads them.
 */
import { useSyncExternalStore } from 'react';
import { loadSources, structure, textLoaders } from 'virtual:rules';
import type { Lang } from '../engine/constants';
import { buildRuleSet, TRUSTED_PARSERS, type RuleSet } from '../engine/ruleset';
import { bindArticleTexts, restoreRules, type TextGroup, type TextStore } from '../ruledata/split';

const store: TextStore = { texts: {} };

function build(): RuleSet {
  const res = buildRuleSet(restoreRules(structure, store), TRUSTED_PARSERS);
  // The build validated these files; a failure here means the bundle itself is damaged.
  if (!res.ok) throw new Error(`rule set: ${res.errors[0]?.message ?? 'invalid'}`);
  bindArticleTexts(res.ruleSet.articles.values(), store);
  return res.ruleSet;
}

export const ruleSet: RuleSet = build();

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

export const hasTexts = (lang: Lang, group: TextGroup): boolean => !!store.texts[lang]?.[group];
export const hasSources = (): boolean => !!store.sources;

/** Loads the text tables of `lang` for the given groups (q: questionnaire, r: result). */
export function loadTexts(lang: Lang, groups: readonly TextGroup[]): Promise<void> {
  return Promise.all(
    groups.map((g) =>
      once(`${g}/${lang}`, async () => {
        const m = await textLoaders[`${g}/${lang}`]!();
        (store.texts[lang] ??= {})[g] = m.default;
      }),
    ),
  ).then(() => undefined);
}

/** Loads the articles' original texts and translations. */
export function loadArticleTexts(): Promise<void> {
  return once('sources', async () => {
    store.sources = (await loadSources()).default;
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
