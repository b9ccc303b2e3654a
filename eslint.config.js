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
  // lit-a11y/click-events-have-key-events judges the tag alone (role ignored, no delegation); these clicks have their keyboard path elsewhere:
  {
    // Options of an aria-activedescendant combobox never take focus: the input's ArrowUp/Down/Enter pick them (WAI-ARIA APG combobox).
    files: ['src/components/claims/cr-claim-picker.ts', 'src/components/search/cr-search.ts'],
    rules: { 'lit-a11y/click-events-have-key-events': 'off' },
  },
  {
    // The whole card is a pointer target for its quote <button>, which keyboard users press (Enter/Space bubble the same click).
    files: ['src/components/annotate/annotation-card.ts'],
    rules: { 'lit-a11y/click-events-have-key-events': 'off' },
  },
  {
    // Delegated clicks on the text: ¶ links are <a> (keyboard-activated); highlights have no element to focus, the panel's cards are their keyboard path.
    files: ['src/components/reader/cr-document.ts'],
    rules: { 'lit-a11y/click-events-have-key-events': 'off' },
  },
  { files: ['**/*.js', '**/*.mjs'], languageOptions: { globals: globals.node } },
);
