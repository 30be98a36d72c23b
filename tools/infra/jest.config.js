module.exports = {
  displayName: 'infra',
  preset: '../../jest.preset.js',
  // The tooling's own unit specs need no Kafka or MongoDB: no infrastructure set-up.
  globalSetup: undefined,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
