// @ts-check
// Shared Stryker settings. `npm run test:mutation -- <target>` adds the target's files
// (tools/mutation/targets.ts) and its report paths.
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { projects } = require('./jest.config.js');
// Mutants are judged by the fast unit specs beside the code, not by the suites that need
// Kafka and Postgres (those would take hours and add nothing the unit specs cannot see).
const unit = projects.find((project) => project.displayName === 'unit');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    config: { ...unit, rootDir: path.dirname(new URL(import.meta.url).pathname) },
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
