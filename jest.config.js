/*
 * Two projects: `unit` (specs beside the code; some talk to the real
 * PostgreSQL or start their own Temporal dev server) and `e2e` (test/ and each
 * kind's folder, over HTTP against a real Temporal dev server and PostgreSQL
 * started once per run).
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const moduleNameMapper = {
  '^@lib/([a-z-]+)$': '<rootDir>/libs/$1/src',
  '^@lib/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
  '^@workflows/(.*)$': '<rootDir>/workflows/$1',
};

// Dependencies that ship ECMAScript modules only: Node loads them with require() (20.19+, 24), Jest's
// loader cannot, so swc turns them (and only them) into CommonJS like our own sources.
const ESM_ONLY = ['jose', '@nestjs/terminus', '@nestjs/typeorm'];
const esmOnly = `/node_modules/(${ESM_ONLY.join('|')})/`;

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc, [`${esmOnly}.+\\.js$`]: swc },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  moduleNameMapper,
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  // Two cores: more workers than that only make the Temporal server and PostgreSQL slower.
  maxWorkers: 2,
  testTimeout: 60_000,
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,workflows,infra}/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      // A kind's end-to-end spec lives in its folder, with the rest of the kind.
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts', '<rootDir>/workflows/**/*.e2e-spec.ts'],
    },
  ],
};
