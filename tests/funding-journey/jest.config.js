module.exports = {
  displayName: 'funding-journey',
  preset: '../../jest.preset.js',
  // Two services start as processes, then a deal goes from a report to the KPI.
  testTimeout: 300_000,
};
