/** The unit project of jest.config.js alone, for Stryker: mutants are judged by the fast
 * specs beside the code, not by the suites that need Kafka and Postgres. */
const { projects } = require('./jest.config.js');

module.exports = { ...projects.find((project) => project.displayName === 'unit'), rootDir: __dirname };
