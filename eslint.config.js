import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The floors of src/, lowest first. A folder imports only from folders below it; nothing imports a
 * folder above it, so there is no loop between folders. `app/` is the top floor: it puts the pages
 * together and nothing imports it. Tests may reach anywhere.
 */
const BROWSER = ['engine', 'ruledata', 'i18n', 'lib', 'assessment', 'report', 'file-format', 'document', 'pdf', 'catalogue', 'questionnaire', 'result', 'portfolio', 'app'];
/** The Node side: each may import the browser floors up to the one named, and the Node folders before it. */
const NODE = [
  ['node', 'pdf'],
  ['cli', 'portfolio'],
  ['testing', 'portfolio'],
  ['fuzz', 'portfolio'],
  ['bench', 'portfolio'],
];
const NODE_FOLDERS = NODE.map(([f]) => f);
const folderRegex = (names) => `^(\\.\\./)+(${names.join('|')})(/|$)`;

function layerRules() {
  const engineInternals = { regex: '^(\\.\\./)+engine/(?!validate$)', message: 'outside src/engine, import the engine through its door: ../engine (or ../engine/validate for the validator)' };
  const rule = (forbidden, extra = []) => [
    'error',
    {
      patterns: [
        ...(forbidden.length ? [{ regex: folderRegex(forbidden), message: 'a lower floor of src/ never imports a higher one (eslint.config.js lists the floors)' }] : []),
        ...extra,
      ],
    },
  ];
  const browser = BROWSER.map((folder, i) => ({
    files: [`src/${folder}/**/*.{ts,tsx}`],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports':
        folder === 'engine'
          ? // The engine stays pure: no React, no DOM, no Node I/O, nothing from the rest of src/.
            rule([], [{ group: ['react', 'react-*', 'node:*', 'i18next'], message: 'the engine is pure TypeScript' }, { regex: '^\\.\\./', message: 'the engine imports nothing from the rest of src/' }])
          : rule([...BROWSER.slice(i + 1), ...NODE_FOLDERS], [engineInternals]),
    },
  }));
  const node = NODE.map(([folder, upTo], i) => ({
    files: [`src/${folder}/**/*.{ts,tsx}`],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-imports': rule([...BROWSER.slice(BROWSER.indexOf(upTo) + 1), ...NODE_FOLDERS.slice(i + 1)], [engineInternals]) },
  }));
  return [...browser, ...node];
}

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  ...layerRules(),
  {
    // Code shipped to the browser never loads the validator (the build validated the rule set):
    // keeps zod and the schemas out of the bundle. Type imports are fine.
    files: BROWSER.map((f) => `src/${f}/**`).concat('src/main.tsx'),
    ignores: ['**/*.test.ts', '**/*.test.tsx', 'src/catalogue/markdown.ts', 'src/engine/schema.ts', 'src/engine/load.ts', 'src/engine/validate.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: 'the browser bundle does not ship zod', allowTypeImports: true }],
          patterns: [{ regex: '(^|/)engine/validate$', message: 'the rule-file validator is for the build and the command line; the browser gets a validated rule set', allowTypeImports: true }],
        },
      ],
    },
  },
);
