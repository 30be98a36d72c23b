const nxPreset = require('@nx/jest/preset').default;

/** SWC with legacy decorators and their metadata: what Nest's DI and class-validator need. */
const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

const integration = process.env.TECHNOPARK_TEST_SUITE === 'integration';

module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  transform: { '^.+\\.[tj]s$': ['@swc/jest', swcOptions] },
  // NestJS 12 and jose 6 ship ESM only; Node loads it through require(esm), Jest's module loader cannot,
  // so Jest compiles it to CommonJS like our own sources.
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|jose)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  // `nx test`: the unit specs beside the code, no infrastructure. `nx int-test` (TECHNOPARK_TEST_SUITE=integration):
  // the *.int-spec.ts under test/, against the real Kafka and MongoDB-protocol server the global setup provides.
  ...(integration
    ? {
        testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
        globalSetup: `${__dirname}/tools/infra/src/jest-global-setup.ts`,
        globalTeardown: `${__dirname}/tools/infra/src/jest-global-teardown.ts`,
      }
    : { testMatch: ['<rootDir>/src/**/*.spec.ts'] }),
  testTimeout: 60_000,
  reporters: ['default', `${__dirname}/tools/infra/jest-summary-reporter.cjs`],
};
