module.exports = {
  displayName: 'bench',
  preset: '../jest.preset.js',
  // Only the bench's own pure logic has specs; the benchmarks themselves are run by `npm run bench`.
  globalSetup: undefined,
  testMatch: ['<rootDir>/**/*.spec.ts'],
};
