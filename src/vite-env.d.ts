/// <reference types="vite/client" />

declare module 'virtual:rules' {
  import type { RawRuleSet } from './engine/ruleset';
  const raw: RawRuleSet;
  export default raw;
}
