import { join, resolve } from 'node:path';

/** Repository root, whichever script imports this. */
export const repoRoot = resolve(__dirname, '../../..');

/** Git-ignored cache for downloads, builds, data, logs and pid files. */
export const infraHome = process.env['TECHNOPARK_INFRA_HOME'] ?? join(repoRoot, '.infra');

export const kafkaPaths = {
  pom: join(repoRoot, 'tools/kafka/pom.xml'),
  lib: join(infraHome, 'kafka/lib'),
  libStamp: join(infraHome, 'kafka/lib/.complete'),
  data: join(infraHome, 'kafka/data'),
  config: join(infraHome, 'kafka/server.properties'),
  log4j: join(infraHome, 'kafka/log4j.properties'),
  log: join(infraHome, 'kafka/kafka.log'),
  stdout: join(infraHome, 'kafka/stdout.log'),
  pid: join(infraHome, 'kafka/kafka.pid'),
};

export const ferretPaths = {
  source: join(repoRoot, 'tools/ferretdb'),
  /** The module copied with its vendored dependencies, patched, then built. */
  build: join(infraHome, 'ferretdb/build'),
  binary: join(infraHome, 'bin/ferretdb'),
  data: join(infraHome, 'ferretdb/data'),
  log: join(infraHome, 'ferretdb/ferretdb.log'),
  pid: join(infraHome, 'ferretdb/ferretdb.pid'),
};

/** The local signing key: tokens minted by `npm run token` verify against its public half. */
export const localAuthHome = join(infraHome, 'auth');
