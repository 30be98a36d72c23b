module.exports = {
  displayName: 'platform',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/platform',
};
