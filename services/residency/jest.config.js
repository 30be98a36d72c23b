module.exports = {
  displayName: 'residency',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/services/residency',
};
