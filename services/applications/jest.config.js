module.exports = {
  displayName: 'applications',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/services/applications',
};
