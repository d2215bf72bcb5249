/// <reference types="vite/client" />

/** The rule set, split for the browser by vite.config.ts (see src/ruledata/split.ts). */
declare module 'virtual:rules' {
  import type { RawRuleSet } from './engine';
  export const structure: RawRuleSet;
  /** SHA-256 of the rule files (src/node/load-rules.ts `ruleSetDigest`). */
  export const digest: string;
}
declare module 'virtual:rules/loaders' {
  import type { ArticleText } from './ruledata/split';
  export const textLoaders: Record<string, () => Promise<{ default: string[] }>>;
  export const loadSources: () => Promise<{ default: Record<string, ArticleText> }>;
}
