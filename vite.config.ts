import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vitest/config';
import { readRuleFiles } from './src/node/load-rules';
import { loadRuleSet } from './src/engine/load';
import { LANGS, type Lang } from './src/engine/constants';
import { splitRules, TEXT_GROUPS, type SplitRuleSet, type TextGroup } from './src/ruledata/split';

/**
 * The rule set for the browser, read from rules/ and validated at build time (a bad rule set fails the
 * build with the same messages as rules:check), then split so the first question loads only what it
 * shows (src/ruledata/split.ts):
 * - `virtual:rules`: the structure;
 * - `virtual:rules/loaders`: loaders for the rest (tiny, so texts can be fetched before the structure is evaluated);
 * - `virtual:rules/text/<group>/<lang>`: one text table (q = questionnaire, r = result);
 * - `virtual:rules/sources`: the articles' original text and translation.
 */
function rulesPlugin(): Plugin {
  const prefix = 'virtual:rules';
  let split: SplitRuleSet | undefined;
  const json = (v: unknown) => `export default JSON.parse(${JSON.stringify(JSON.stringify(v))});`;
  return {
    name: 'rules',
    resolveId: (source) => (source === prefix || source.startsWith(`${prefix}/`) ? `\0${source}` : undefined),
    buildStart() {
      split = undefined;
    },
    load(id) {
      if (!id.startsWith(`\0${prefix}`)) return undefined;
      if (!split) {
        const { raw, errors } = readRuleFiles();
        const res = loadRuleSet(raw);
        const all = [...errors, ...(res.ok ? [] : res.errors)];
        if (all.length) this.error(`rule set is invalid:\n${all.map((e) => `${e.file}: ${e.path}: ${e.message}`).join('\n')}`);
        for (const f of [raw.manifest, ...raw.sources, ...raw.questions, ...raw.indicators, ...raw.tiers, ...raw.duties]) this.addWatchFile(f.file);
        split = splitRules(raw);
      }
      const path = id.slice(`\0${prefix}`.length);
      if (path === '') return `export const structure = JSON.parse(${JSON.stringify(JSON.stringify(split.structure))});`;
      if (path === '/loaders') {
        const loaders = LANGS.flatMap((l) => TEXT_GROUPS.map((g) => `  '${g}/${l}': () => import('${prefix}/text/${g}/${l}'),`));
        return [`export const textLoaders = {\n${loaders.join('\n')}\n};`, `export const loadSources = () => import('${prefix}/sources');`].join('\n');
      }
      if (path === '/sources') return json(split.sources);
      const m = /^\/text\/(q|r)\/(.+)$/.exec(path);
      if (m && (LANGS as readonly string[]).includes(m[2]!)) return json(split.texts[m[2] as Lang][m[1] as TextGroup]);
      this.error(`unknown rules module ${id}`);
    },
  };
}

/**
 * The PDF font's licence (SIL Open Font License 1.1, from the npm package that ships the font) goes
 * into the build next to the font it covers: dist/licenses/NotoSansSC-OFL.txt.
 */
function fontLicencePlugin(): Plugin {
  return {
    name: 'font-licence',
    apply: 'build',
    generateBundle() {
      const source = readFileSync(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/LICENSE_FONT'));
      this.emitFile({ type: 'asset', fileName: 'licenses/NotoSansSC-OFL.txt', source });
    },
  };
}

export default defineConfig({
  plugins: [react(), rulesPlugin(), fontLicencePlugin()],
  build: { target: 'es2022', sourcemap: false },
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'threads',
  },
});
