// Lint, and the layering rules of DESIGN.md: a forbidden import fails `npm run lint`.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import noPackageInternals from './scripts/eslint/no-package-internals.mjs';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'util', 'stream'];
const restrict = (patterns, paths = []) => ['error', { patterns, paths }];
const ELECTRON_ONLY_IN_APP = { name: 'electron', message: 'Only electron/app/ may import electron.' };
const UPDATER_ONLY_IN_APP = { name: 'electron-updater', message: 'Only electron/app/ may import electron-updater.' };

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { local: { rules: { 'no-package-internals': noPackageInternals } } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Everywhere, tests too: another package's private modules change under a patch release.
      // ajv/dist/2020 is the entry point Ajv documents for JSON Schema 2020-12 (it has no exports map).
      'local/no-package-internals': ['error', { allow: ['ajv/dist/2020'] }],
      'no-restricted-imports': restrict([], [ELECTRON_ONLY_IN_APP, UPDATER_ONLY_IN_APP]),
      // Electron security checklist, item 15: nothing the app shows opens outside it.
      'no-restricted-syntax': ['error', { selector: "MemberExpression[property.name='openExternal']", message: 'shell.openExternal is not used: the kiosk never leaves the app.' }],
    },
  },
  {
    // Type-aware rules: a promise nobody awaits (a close() racing the cleanup) and a switch that
    // forgets a case of a union are errors.
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  { files: ['electron/app/**', 'test/**'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    files: ['electron/contract/**'],
    rules: {
      'no-restricted-imports': restrict(
        [{ group: [...NODE_BUILTINS, '../*', '!./*'], message: 'The contract is pure: zod and its own files only.' }],
        [ELECTRON_ONLY_IN_APP, UPDATER_ONLY_IN_APP],
      ),
    },
  },
  {
    files: ['drivers/**'],
    rules: {
      'no-restricted-imports': restrict(
        [{ group: ['**/electron/**', '**/renderer/**', '../../*'], message: 'drivers/ depend on nothing of ours.' }],
        [ELECTRON_ONLY_IN_APP, UPDATER_ONLY_IN_APP],
      ),
    },
  },
  {
    files: ['electron/{db,proactive,print,security,sync,devices}/**'],
    rules: {
      'no-restricted-imports': restrict(
        [{ group: ['**/host/*', '**/app/*', '**/cli/*', '**/renderer/**'], message: 'Services know nothing of transports.' }],
        [ELECTRON_ONLY_IN_APP, UPDATER_ONLY_IN_APP],
      ),
    },
  },
  {
    // The rules of hooks; the React Compiler's rules (set-state-in-effect …) wait for a renderer that uses the compiler.
    files: ['renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrict(
        [
          {
            group: ['**/electron/*', '!**/electron/contract', '**/drivers/**', ...NODE_BUILTINS, 'better-sqlite3-multiple-ciphers', 'node-hid'],
            message: 'The renderer sees only the contract: no Node, SQL or drivers.',
          },
        ],
        [ELECTRON_ONLY_IN_APP, UPDATER_ONLY_IN_APP],
      ),
    },
  },
);
