// @ts-check
// Shared Stryker settings. `npm run test:mutation -- <target>` adds the target's files
// (tools/mutation/targets.ts) and its report paths.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    // The unit specs only: the integration and e2e suites need Kafka and Postgres and would
    // take hours per target while adding nothing the unit specs cannot see.
    configFile: 'jest.unit.config.js',
    enableFindRelatedTests: false,
  },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 10000,
  tempDirName: '.cache/stryker-tmp',
  cleanTempDir: 'always',
  ignorePatterns: ['dist', '.cache', '.data', 'test-results', 'reports', 'coverage'],
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
};
