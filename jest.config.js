/**
 * Four tiers: unit specs beside the code; services (use cases wired by Nest against a real
 * Postgres, no Kafka or HTTP), integration and e2e suites under test/.
 */
const shared = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.spec.json' }],
    'node_modules/(@nestjs|jose|openid-client|oauth4webapi|file-type|strtok3|token-types|@tokenizer/inflate|@borewit/text-codec|uint8array-extras)/.+\\.js$':
      ['babel-jest', require('./test/support/jest/nest-esm.babel.js')],
  },
  moduleNameMapper: {
    '^@redcrowd/(.*)$': '<rootDir>/libs/$1/src/index.ts',
    '^@test/(.*)$': '<rootDir>/test/$1',
  },
  setupFiles: ['reflect-metadata'],
  // Nest 12, jose, openid-client (with oauth4webapi) and file-type (with its readers) ship as ES modules only, which jest's CommonJS runtime cannot load:
  // their files are rewritten to CommonJS on the way in (see nest-esm.babel.js).
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|jose|openid-client|oauth4webapi|file-type|strtok3|token-types|@tokenizer/inflate|@borewit/text-codec|uint8array-extras)/)',
  ],
  // Stryker's sandboxes (copies of the repo) and the build must not be seen as modules.
  modulePathIgnorePatterns: ['<rootDir>/.cache/', '<rootDir>/dist/', '<rootDir>/reports/'],
};

module.exports = {
  // Suites against real services start processes and wait on Kafka; unit tests are fast anyway.
  testTimeout: 120000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'services',
      testMatch: ['<rootDir>/test/services/**/*.spec.ts'],
      globalSetup: '<rootDir>/test/support/require-postgres.ts',
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.spec.ts'],
      globalSetup: '<rootDir>/test/support/require-infrastructure.ts',
    },
    {
      ...shared,
      // Process kills and poison messages under load, each ending with the ledger's counts (test/faults/support).
      displayName: 'faults',
      testMatch: ['<rootDir>/test/faults/**/*.spec.ts'],
      globalSetup: '<rootDir>/test/support/require-infrastructure.ts',
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.spec.ts'],
      globalSetup: '<rootDir>/test/support/require-infrastructure.ts',
    },
  ],
};
