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
/** The PDF font's common part (vite.config.ts, pdfFontPlugin): its URL. */
declare module 'virtual:pdf-font' {
  const url: string;
  export default url;
}
/** The full PDF font's character map (src/pdf/coverage.ts `encodeCodePoints`). */
declare module 'virtual:pdf-font/coverage' {
  export const fullCoverage: string;
}
