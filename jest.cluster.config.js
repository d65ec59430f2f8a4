/*
 * `npm run test:cluster`: the multi-process cluster test (test/cluster), on its own.
 * It starts its own Temporal cluster and database, so none of jest.config.js's
 * global setup (dev server) runs; it borrows the same TypeScript transform. Its own
 * global setup and teardown only collect and print the figures (`faults (cluster):`).
 */
const [unit] = require('./jest.config').projects;

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: unit.transform,
  transformIgnorePatterns: unit.transformIgnorePatterns,
  moduleNameMapper: unit.moduleNameMapper,
  moduleFileExtensions: unit.moduleFileExtensions,
  testMatch: ['<rootDir>/test/cluster/**/*.cluster-spec.ts'],
  maxWorkers: 1,
  globalSetup: '<rootDir>/test/setup/cluster-global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/cluster-global-teardown.ts',
};
