import { join, resolve } from 'node:path';

/** Repository root, whichever script imports this. */
export const repoRoot = resolve(__dirname, '../../..');

/** Git-ignored cache for downloads, builds, data, logs and pid files. */
export const infraHome = process.env['TECHNOPARK_INFRA_HOME'] ?? join(repoRoot, '.infra');

/** Where the cells are configured: `sites/<site>.env` and `hq.env` (TECHNOPARK_DEPLOY_DIR: a copy elsewhere, for tests). */
export const deployHome = join(repoRoot, 'deploy');

/** The jars every broker and MirrorMaker 2 process runs, fetched once. */
export const kafkaInstall = {
  pom: join(repoRoot, 'tools/kafka/pom.xml'),
  lib: join(infraHome, 'kafka/lib'),
  libStamp: join(infraHome, 'kafka/lib/.complete'),
};

/**
 * One cell's own folder: its broker's and database's data, configuration, logs and pid files.
 * Read at each call, so that a test can run cells of its own in a folder of its own.
 */
export function cellHome(cell: string): string {
  return join(process.env['TECHNOPARK_CELLS_HOME'] ?? join(infraHome, 'cells'), cell);
}

export function kafkaPathsOf(cell: string) {
  const home = join(cellHome(cell), 'kafka');
  return {
    home,
    data: join(home, 'data'),
    config: join(home, 'server.properties'),
    log4j: join(home, 'log4j.properties'),
    log: join(home, 'kafka.log'),
    stdout: join(home, 'stdout.log'),
    pid: join(home, 'kafka.pid'),
  };
}

export function ferretPathsOf(cell: string) {
  const home = join(cellHome(cell), 'ferretdb');
  return { home, data: join(home, 'data'), log: join(home, 'ferretdb.log'), pid: join(home, 'ferretdb.pid') };
}

/** A site's replication to HQ lives with the site: it is the site's link. */
export function replicationPathsOf(site: string) {
  const home = join(cellHome(site), 'replication');
  return {
    home,
    config: join(home, 'mm2.properties'),
    log4j: join(home, 'log4j.properties'),
    log: join(home, 'mirror-maker.log'),
    stdout: join(home, 'stdout.log'),
    pid: join(home, 'mirror-maker.pid'),
  };
}

export const ferretInstall = {
  source: join(repoRoot, 'tools/ferretdb'),
  /** The module copied with its vendored dependencies, patched, then built. */
  build: join(infraHome, 'ferretdb/build'),
  binary: join(infraHome, 'bin/ferretdb'),
};

/** The local signing key: tokens minted by `npm run token` verify against its public half. */
export const localAuthHome = join(infraHome, 'auth');
