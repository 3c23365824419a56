// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Catches mistakes; formatting is Prettier's (npm run format). */
export default tseslint.config(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'bench/out/', 'tests/.tmp/', 'tests/fixtures/', 'scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // `_name` marks a value left out on purpose (`const { a: _, ...rest } = x`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
);
