/**
 * The engine's second entry: reading and validating rule files against their schemas (zod). For the
 * build (vite.config.ts), the command line and the tests; the browser never loads it (the build
 * validated the rule set it ships).
 */
export { loadRuleSet } from './load';
