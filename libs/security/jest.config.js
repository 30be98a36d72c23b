module.exports = {
  displayName: 'security',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/security',
};
