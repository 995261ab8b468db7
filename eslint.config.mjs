import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

// What must never appear in the library: each one would open the host page to injection or break under CSP.
const unsafe = [
  {selector: "CallExpression[callee.name='eval']", message: 'No eval: it breaks strict CSP.'},
  {selector: "NewExpression[callee.name='Function']", message: 'No new Function: it breaks strict CSP.'},
  {
    selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML)$/]',
    message: 'Render text with Lit, never HTML strings.',
  },
  {
    selector: "MemberExpression[property.name='insertAdjacentHTML']",
    message: 'Render text with Lit, never HTML strings.',
  },
  {selector: "MemberExpression[object.name='document'][property.name=/^write(ln)?$/]", message: 'No document.write.'},
];

export default tseslint.config(
  {ignores: ['node_modules/', 'lib/', 'dist/', 'docs/', 'bench/results/', 'src/generated/', 'test/generated/']},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  wc.configs['flat/recommended'],
  {files: ['src/**/*.ts'], ...litA11y.configs.recommended},
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...unsafe],
      'no-restricted-imports': [
        'error',
        {paths: [{name: 'lit/directives/unsafe-html.js', message: 'Render text, never HTML.'}]},
      ],
    },
  },
  {
    // The core is what every page view loads: no Lit in it (the UI is a lazy chunk of its own).
    files: ['src/core/**/*.ts', 'src/cookie-consent.ts', 'src/bundle.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['lit', 'lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*', '@lit/*'],
              message: 'The core loads no Lit.',
            },
            {
              group: ['../ui/*', '../elements/*', '../i18n/*', './ui/*', './elements/*', './i18n/*'],
              allowTypeImports: true,
              message: 'The core reaches the UI only through a lazy import().',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', '*.mjs', 'bin/**/*.mjs', 'test/node/**/*.mjs'],
    languageOptions: {globals: globals.node},
  },
  // Functions these scripts pass to page.evaluate() run in the browser.
  {files: ['scripts/screenshots.mjs', 'scripts/bench/measure.mjs'], languageOptions: {globals: globals.browser}},
  {files: ['demo/**/*.js', 'test/pages/**/*.js'], languageOptions: {globals: globals.browser, sourceType: 'script'}},
  {files: ['test/**/*.ts'], rules: {'@typescript-eslint/no-non-null-assertion': 'off'}}
);
