import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeOnly = [
  'electron',
  'better-sqlite3',
  'keytar',
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
];

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: nodeOnly
            .filter((n) => !n.includes('*'))
            .map((name) => ({
              name,
              message: 'The renderer runs sandboxed: no Node or Electron modules.',
            })),
          patterns: [
            { group: ['node:*'], message: 'The renderer runs sandboxed: no Node built-ins.' },
            {
              group: ['**/main/**', '**/preload/**'],
              message: 'Only src/shared is shared between processes.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts', 'src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**'],
              message: 'Main and preload may not import renderer code; share through src/shared.',
            },
          ],
        },
      ],
    },
  },
  {
    // Services run and are tested in plain Node; the host and the IPC layer are wired around them.
    files: [
      'src/main/{chat,history,relay,profiles,settings,usage,models,secrets,log,net,updates}/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Services never import electron.' }],
          patterns: [
            {
              group: ['**/renderer/**'],
              message: 'Main and preload may not import renderer code; share through src/shared.',
            },
            {
              group: ['**/ipc/**', '**/routes/**', '**/compose', '**/compose.ts'],
              message: 'Services know nothing of IPC, routes or the composition root.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**', '**/main/**'],
              message: 'The preload shares code only through src/shared.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeOnly
            .filter((n) => !n.includes('*'))
            .map((name) => ({
              name,
              message: 'src/shared runs in every process: no Node or Electron modules.',
            })),
          patterns: [
            { group: ['node:*'], message: 'src/shared runs in every process: no Node built-ins.' },
            {
              group: ['**/main/**', '**/preload/**', '**/renderer/**'],
              message: 'src/shared imports nothing from the processes.',
            },
          ],
        },
      ],
    },
  },
);
