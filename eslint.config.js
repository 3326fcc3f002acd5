// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Browser globals the simulator must not touch: it runs unchanged in Node, a Web Worker and the page. */
const DOM_GLOBALS = [
  'window', 'document', 'navigator', 'location', 'history', 'localStorage', 'sessionStorage', 'indexedDB',
  'self', 'fetch', 'XMLHttpRequest', 'requestAnimationFrame', 'cancelAnimationFrame', 'matchMedia',
  'getComputedStyle', 'alert', 'HTMLElement', 'Element', 'Node', 'MutationObserver', 'ResizeObserver',
  'IntersectionObserver', 'postMessage', 'Worker', 'caches',
].map((name) => ({ name, message: 'src/sim/ runs in Node and Web Workers too: pass what it needs in instead.' })); // prettier-ignore

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'coverage/',
      'tmp/',
      'test-results/',
      'playwright-report/',
      'bench/results/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/**/*.{ts,tsx}'], ignores: ['src/sim/**'], languageOptions: { globals: globals.browser } },
  {
    files: ['*.{js,mjs,ts}', 'scripts/**', 'e2e/**', 'bench/**', 'src/cli/**', '**/*.test.{ts,tsx}'],
    languageOptions: { globals: globals.node },
  },
  {
    // The simulator knows nothing of React, Zustand, Monaco, the DOM or the app around it.
    files: ['src/sim/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'zustand', 'monaco-editor', '@monaco-editor/react'].map((name) => ({
            name,
            message: 'src/sim/ must not depend on UI libraries (see docs/ARCHITECTURE.md).',
          })),
          patterns: [
            {
              group: [
                'react/*',
                'react-dom/*',
                'zustand/*',
                'monaco-editor/*',
                '@monaco-editor/*',
                '@mdx-js/*',
              ],
              message: 'src/sim/ must not depend on UI libraries (see docs/ARCHITECTURE.md).',
            },
            {
              group: ['**/app/**', '**/editor/**', '**/mdx/**', '**/worker/**', '**/cli/**'],
              message: 'src/sim/ imports only from src/sim/ (see docs/ARCHITECTURE.md).',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...DOM_GLOBALS],
    },
  },
);
