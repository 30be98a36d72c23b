const serviceWebpackConfig = require('../../tools/webpack/service-webpack.config');

module.exports = serviceWebpackConfig(__dirname, 'analytics', {
  browser: [{ name: 'dashboard', directory: 'dashboard/browser' }],
});
