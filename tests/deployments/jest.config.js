module.exports = {
  displayName: 'deployments',
  preset: '../../jest.preset.js',
  // Renders and checks files: no Kafka, no database.
  globalSetup: undefined,
  globalTeardown: undefined,
  // The first run installs kustomize (Go module) and the schema validators (npm).
  testTimeout: 600_000,
};
