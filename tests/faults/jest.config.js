module.exports = {
  displayName: 'faults',
  preset: '../../jest.preset.js',
  // The suite runs a site cell of its own (tests/faults/support): it needs no shared test cell.
  globalSetup: undefined,
  globalTeardown: undefined,
  // A cell takes a minute to start, and each scenario waits out its fault and the catch-up after it.
  testTimeout: 900_000,
};
