module.exports = {
  displayName: 'analytics',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/services/analytics',
};
