// Lint: typescript-eslint (type-aware) for all TypeScript; Lit, Lit a11y and web-component rules for src/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

const typed = tseslint.configs.recommendedTypeChecked.map((c) => ({ ...c, files: ['**/*.ts'] }));

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'corpus/build/', 'test-results/', 'bench/results/'] },
  js.configs.recommended,
  ...typed,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: {
        // Two programs: browser code without Node globals, and tests/scripts/benches with them.
        project: ['./tsconfig.json', './tsconfig.test.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/**/*.ts'], ...lit.configs['flat/recommended'] },
  { files: ['src/**/*.ts'], ...wc.configs['flat/recommended'] },
  { files: ['src/**/*.ts'], ...litA11y.configs.recommended },
  { files: ['**/*.js', '**/*.mjs'], languageOptions: { globals: globals.node } },
);
