const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

/**
 * The webpack build every service shares: Node target, libs bundled in, node_modules left
 * external, and a generated package.json + lockfile for the service's Docker image.
 *
 * `browser` lists the service's browser modules (`{ name, directory }`, a folder under src/ with
 * `<name>-app.ts`, its page `<name>.html` and a tsconfig.json with the DOM library): each is
 * compiled for the browser into `assets/<name>/` next to main.js, where the service serves it from.
 */
module.exports = function serviceWebpackConfig(serviceDir, name, { browser = [] } = {}) {
  const output = join(serviceDir, '../../dist/services', name);
  const server = {
    name: 'server',
    output: {
      path: output,
      clean: true,
      ...(process.env.NODE_ENV !== 'production' && { devtoolModuleFilenameTemplate: '[absolute-resource-path]' }),
    },
    plugins: [
      new NxAppWebpackPlugin({
        target: 'node',
        compiler: 'tsc',
        main: './src/main.ts',
        tsConfig: './tsconfig.app.json',
        optimization: false,
        outputHashing: 'none',
        generatePackageJson: true,
        sourceMap: true,
        assets: browser.map((module) => ({
          input: `./src/${module.directory}`,
          glob: `${module.name}.html`,
          output: `assets/${module.name}`,
        })),
      }),
    ],
  };
  const browserModules = browser.map((module) => ({
    name: `browser-${module.name}`,
    // After the server build: it empties the output folder first.
    dependencies: ['server'],
    target: 'web',
    mode: process.env.NODE_ENV === 'production' ? 'production' : 'development',
    devtool: false,
    context: serviceDir,
    entry: `./src/${module.directory}/${module.name}-app.ts`,
    output: { path: join(output, 'assets', module.name), filename: `${module.name}-app.js`, module: true },
    experiments: { outputModule: true },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: 'ts-loader',
          options: {
            configFile: join(serviceDir, 'src', module.directory, 'tsconfig.json'),
            onlyCompileBundledFiles: true,
          },
        },
      ],
    },
  }));
  return browserModules.length ? [server, ...browserModules] : server;
};
