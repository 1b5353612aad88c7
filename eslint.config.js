// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// What library code (packages/*/src) may not import. A later block for the same files replaces the rule
// whole, so a package that restricts more spreads these in.
const libraryPaths = [
  { name: 'node:child_process', message: 'No shell-outs in library code: use an SDK.' },
  { name: '@okemesh/test-support', message: 'Test helpers are for tests only.' },
];
const libraryPatterns = [{ group: ['@okemesh/*/src/*'], message: 'Import the package, not its source.' }];

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**', '**/okemesh-out/**', '.nx/**'],
  },
  js.configs.recommended,
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  ...tseslint.configs.strict,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: false },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      // noUncheckedIndexedAccess makes `!` the honest way to say "this index exists".
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.test.ts', '**/test/**/*.ts', '**/bench/**/*.ts'],
    rules: { '@typescript-eslint/no-dynamic-delete': 'off' },
  },
  {
    files: ['packages/*/src/**/*.ts'],
    ignores: ['packages/cli/src/**', 'packages/test-support/src/**', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: libraryPaths,
          patterns: libraryPatterns,
        },
      ],
    },
  },
  {
    // The CLI bundles yaml and commander (CommonJS, tsup.config.ts): a dynamic import() of a bundled CommonJS
    // module resolves to its default export only, so they are imported statically.
    files: ['packages/cli/src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportExpression[source.value=/^(yaml|commander)$/]',
          message:
            'Import yaml and commander statically: the CLI bundles them, and import() would see only `default`.',
        },
      ],
    },
  },
  {
    // Importing @okemesh/mesh-config stays light (issue 14: <= 3x bare node, bench/import.ts): the topology
    // root entry loads zod, so values come from its light subpaths; types may still come from the root.
    files: ['packages/mesh-config/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...libraryPaths,
            {
              name: '@okemesh/topology',
              allowTypeImports: true,
              message:
                'The root entry loads zod: import values from @okemesh/topology/regions, /source-cidrs or /duration.',
            },
            {
              name: 'zod',
              allowTypeImports: true,
              message: 'zod costs ~40 ms at import: keep mesh-config free of it.',
            },
          ],
          patterns: libraryPatterns,
        },
      ],
    },
  },
);
