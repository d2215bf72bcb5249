import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
  {
    // The engine stays pure: no React, no DOM, no Node I/O.
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react', 'react-*', 'node:*', 'i18next', '../node/*', '../app/*'] }],
    },
  },
  {
    // Code shipped to the browser never loads the validator (the build validated the rule set):
    // keeps zod and the schemas out of the bundle. Type imports are fine.
    files: ['src/app/**', 'src/questionnaire/**', 'src/result/**', 'src/catalogue/**', 'src/report/**', 'src/ruledata/**', 'src/main.tsx'],
    ignores: ['**/*.test.ts', 'src/catalogue/markdown.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: 'the browser bundle does not ship zod', allowTypeImports: true }],
          patterns: [{ regex: '(^|/)(engine(/index|/load|/schema)?|node/[^/]+)$', message: 'import engine modules directly (constants, ruleset, assess, answers); the schema and loader stay out of the browser', allowTypeImports: true }],
        },
      ],
    },
  },
);
