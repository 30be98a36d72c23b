const serviceWebpackConfig = require('../../tools/webpack/service-webpack.config');

module.exports = serviceWebpackConfig(__dirname, 'partner-gateway', {
  browser: [{ name: 'status', directory: 'status/browser' }],
});
