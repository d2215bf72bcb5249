import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vitest/config';
import { readRuleFiles } from './src/node/load-rules';
import { loadRuleSet } from './src/engine/ruleset';

/**
 * `virtual:rules`: the raw rule files, read from rules/ and validated at build time (a bad rule set
 * fails the build with the same messages as rules:check), shipped to the browser as JSON.
 */
function rulesPlugin(): Plugin {
  const id = 'virtual:rules';
  const resolved = `\0${id}`;
  return {
    name: 'rules',
    resolveId: (source) => (source === id ? resolved : undefined),
    load(source) {
      if (source !== resolved) return undefined;
      const { raw, errors } = readRuleFiles();
      const res = loadRuleSet(raw);
      const all = [...errors, ...(res.ok ? [] : res.errors)];
      if (all.length) this.error(`rule set is invalid:\n${all.map((e) => `${e.file}: ${e.path}: ${e.message}`).join('\n')}`);
      for (const f of [raw.manifest, ...raw.sources, ...raw.questions, ...raw.indicators, ...raw.tiers, ...raw.duties]) this.addWatchFile(f.file);
      return `export default ${JSON.stringify(raw)};`;
    },
  };
}

export default defineConfig({
  plugins: [react(), rulesPlugin()],
  build: { target: 'es2022', sourcemap: false },
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'threads',
  },
});
