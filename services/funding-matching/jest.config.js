module.exports = {
  displayName: 'funding-matching',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/services/funding-matching',
};
