// ESLint flat config. The import restrictions below are the architecture's guard rails:
// services in main/ stay plain Node (testable without Electron), sip.js stays behind one class,
// and the test bridge never reaches the packaged shell.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronOnlyInShell = {
  name: 'electron',
  message:
    'Only main/shell/ and preload/index.ts may import electron: services in main/ must run in plain Node.',
};
const sipJsOnlyInAdapter = {
  name: 'sip.js',
  message: 'sip.js stays behind main/phone/sip/: use the phone engine instead.',
};
// Tests never sleep to synchronise: they await a condition (vi.waitFor, expect.poll, an event)
// or advance the fake clock (tests/support/fake-clock.ts). See tests/README.md.
const noSleepInTests = [
  {
    selector:
      "NewExpression[callee.name='Promise'] CallExpression[callee.name='setTimeout'][arguments.0.type='Identifier']",
    message:
      'No sleeps in tests: await a condition (vi.waitFor, expect.poll) or advance the fake clock (tests/support/fake-clock.ts).',
  },
  {
    selector: "CallExpression[callee.property.name='waitForTimeout']",
    message: 'No waitForTimeout in tests: wait for what you expect (locator.waitFor, expect.poll).',
  },
  {
    selector: 'ImportDeclaration[source.value=/^(node:)?timers\\/promises$/]',
    message: 'No timers/promises sleeps in tests: await a condition or advance the fake clock.',
  },
];
const namedExportsOnly = { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' };

const noDevtoolsInShell = {
  group: ['**/devtools/**', '**/tests/**'],
  message: 'The packaged app must never include the test bridge or test code.',
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      '.electron-native/**',
      'tests/fixtures/**',
      'collector/dashboard/dist/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/shell/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOnlyInShell, sipJsOnlyInAdapter] }],
    },
  },
  {
    files: ['main/phone/sip/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnlyInShell] }] },
  },
  {
    files: ['main/shell/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [sipJsOnlyInAdapter], patterns: [noDevtoolsInShell] }],
    },
  },
  {
    files: ['preload/**/*.ts'],
    ignores: ['preload/index.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOnlyInShell, sipJsOnlyInAdapter] }],
    },
  },
  {
    files: [
      'renderer/**/*.{ts,tsx}',
      'tests/renderer/**/*.{ts,tsx}',
      'preload/devtools/bridge-client.ts',
      'collector/dashboard/src/**/*.{ts,tsx}',
    ],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.strict.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell, sipJsOnlyInAdapter],
          patterns: [
            {
              group: ['node:*', '**/main/**'],
              message: 'The renderer reaches main only through renderer/bridge.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', 'scripts/**/*.{ts,mjs}', 'main/devtools/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', namedExportsOnly, ...noSleepInTests] },
  },
  {
    // Renderer tests check the window against main's shipped defaults, imported rather than copied.
    files: ['tests/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell, sipJsOnlyInAdapter],
          patterns: [
            {
              regex: '^node:|/main/(?!settings/recovery-settings$)',
              message: 'The renderer reaches main only through renderer/bridge.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // The allow-list: real time on purpose, each with its reason.
    files: [
      // Benchmarks measure real time and pace real traffic.
      'tests/bench/**/*.ts',
      // Polls for Kamailio's process and port to come up: the interval of an awaited condition.
      'tests/node/phone/support/kamailio.ts',
      // Caps how long a customer's UserAgent.stop() may take at teardown (a deadline, not a wait).
      'tests/node/phone/support/sipjs-customer.ts',
    ],
    rules: { 'no-restricted-syntax': ['error', namedExportsOnly] },
  },
  {
    // electron-builder loads its hooks with require(): CommonJS by necessity.
    files: ['build/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: [
      '*.config.{ts,mjs}',
      '**/vite.config.ts',
      'electron.vite.config.ts',
      'tests/support/*-reporter.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  prettier,
);
