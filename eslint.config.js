import js from '@eslint/js';
import litA11y from 'eslint-plugin-lit-a11y';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['.tmp/**', '**/node_modules/**', '**/dist/**', 'storybook-static/**', 'data/**', 'coverage/**', 'examples/**/dist/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  {
    files: ['packages/elements/**/*.ts', 'packages/admin/**/*.ts', 'stories/**/*.ts', 'tests/browser/**/*.ts', 'examples/**/*.{ts,js}'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['packages/elements/**/*.ts', 'packages/admin/**/*.ts', 'stories/**/*.ts', 'tests/browser/**/*.ts', 'examples/**/*.{ts,js}'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['packages/elements/**/*.ts', 'packages/admin/**/*.ts', 'stories/**/*.ts', 'tests/browser/**/*.ts', 'examples/**/*.{ts,js}'],
    ...litA11y.configs.recommended,
  },
  {
    files: ['**/test/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{js,mjs,ts}', 'packages/server/src/cli.ts', 'packages/server/bin/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['packages/elements/test/**/*.ts', 'tests/browser/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
