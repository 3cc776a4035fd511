// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      '.cache/',
      '.data/',
      'coverage/',
      'test-results/',
      'test/support/jest/',
      // Plain ES modules run by node itself (the test OpenID provider), outside any tsconfig.
      'test/support/*.mjs',
      '*.js',
      '*.mjs',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        // Nest injects by the constructor parameter types that decorator metadata records;
        // the import rules must know that those imports are used at run time.
        emitDecoratorMetadata: true,
        experimentalDecorators: true,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/libs/*'], message: 'Import libraries by alias (@redcrowd/...).' }] },
      ],
    },
  },
  {
    // Domain libraries stay free of framework code, so jest and any transport can load them.
    files: [
      'libs/accounts/**/*.ts',
      'libs/auth/**/*.ts',
      'libs/contracts/**/*.ts',
      'libs/spreadsheets/**/*.ts',
      'libs/persistence/**/*.ts',
      'libs/kafka/**/*.ts',
      'libs/runtime/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*'], message: 'libs/ stay framework-free; Nest wiring belongs in apps/.' },
            { group: ['**/libs/*'], message: 'Import libraries by alias (@redcrowd/...).' },
          ],
        },
      ],
    },
  },
  {
    // The matching engine and the project aggregate are plain TypeScript: no framework,
    // database, broker or I/O, so they run the same in a service, a CLI (file reading lives
    // in tools/) or a test.
    files: ['libs/matching/**/*.ts', 'libs/projects/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@nestjs/*',
                'typeorm',
                'pg',
                'kafkajs',
                'express',
                'node:fs',
                'node:net',
                'node:http',
                'fs',
                'net',
                'http',
              ],
              message:
                'libs/matching and libs/projects are plain TypeScript: no Nest, database, Kafka or I/O; do that in apps/ or tools/.',
            },
            { group: ['**/libs/*'], message: 'Import libraries by alias (@redcrowd/...).' },
          ],
        },
      ],
    },
  },
  {
    // The matcher's features reach the database only through repositories inside a unit of
    // work: no TypeORM handles and no SQL in controllers or services. Only the core module,
    // which wires the data source, may name TypeORM.
    files: ['apps/matcher/src/**/*.ts'],
    ignores: ['apps/matcher/src/core/matcher-core.module.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['typeorm', 'pg'],
              message: 'Use a repository through the UnitOfWork (apps/matcher/src/core).',
            },
            { group: ['**/libs/*'], message: 'Import libraries by alias (@redcrowd/...).' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='query']",
          message: 'SQL lives in libs/persistence repositories, not in the matcher app.',
        },
        {
          selector: "CallExpression[callee.property.name='transaction']",
          message: 'Open transactions with the UnitOfWork, not with TypeORM.',
        },
      ],
    },
  },
  {
    // The dashboard is plain browser JavaScript served as is (no build). tsc checks its JSDoc
    // types (tsconfig.dashboard.json, in `npm run lint`); the root project service does not
    // cover JavaScript, so typed lint rules are off and the browser globals are declared here.
    ...tseslint.configs.disableTypeChecked,
    files: ['apps/matcher/dashboard/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      // Same as disableTypeChecked's, restated because this object replaces its languageOptions.
      parserOptions: { projectService: false, project: false, program: null },
      globals: {
        window: 'readonly',
        document: 'readonly',
        fetch: 'readonly',
        localStorage: 'readonly',
        sessionStorage: 'readonly',
        location: 'readonly',
        history: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        TextDecoder: 'readonly',
        URLSearchParams: 'readonly',
        AbortController: 'readonly',
        crypto: 'readonly',
        Intl: 'readonly',
        HTMLElement: 'readonly',
        HTMLInputElement: 'readonly',
        HTMLTextAreaElement: 'readonly',
        Event: 'readonly',
        navigator: 'readonly',
        requestAnimationFrame: 'readonly',
        cancelAnimationFrame: 'readonly',
        ResizeObserver: 'readonly',
      },
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  prettier,
);
