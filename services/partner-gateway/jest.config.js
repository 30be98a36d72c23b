module.exports = {
  displayName: 'partner-gateway',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/services/partner-gateway',
};
