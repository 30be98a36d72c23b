module.exports = {
  displayName: 'site-cells',
  preset: '../../jest.preset.js',
  // The suite runs cells of its own (tests/site-cells/support): it needs no shared test cell.
  globalSetup: undefined,
  globalTeardown: undefined,
  // Cells take minutes to start and each scenario waits out a fault: one suite, given room.
  testTimeout: 600_000,
};
