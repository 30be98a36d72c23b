module.exports = {
  displayName: 'journeys',
  preset: '../../jest.preset.js',
  // Services start as processes, then a journey goes through them to the KPIs.
  testTimeout: 300_000,
};
