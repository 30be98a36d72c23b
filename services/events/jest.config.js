module.exports = {
  displayName: 'events',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/services/events',
};
