/** The unit project of jest.config.js alone, for Stryker: mutants are judged by the fast
 * specs beside the code, not by the suites that need Kafka and Postgres. */
const { projects } = require('./jest.config.js');

const unit = projects.find((project) => project.displayName === 'unit');

module.exports = {
  ...unit,
  rootDir: __dirname,
  // Regenerating the dashboard's types runs openapi-typescript and Prettier from the repository
  // root; in Stryker's sandbox copy they read other settings, and no mutation target is involved.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tools/dashboard-types.spec.ts'],
};
