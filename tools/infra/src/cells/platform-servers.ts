import { cellServers, replicationServer, type Server } from '../infrastructure';
import type { CellFile } from './cell-file';
import { platformCells, siteCells, hqCell, TEST_CELL } from './cells';

/** The servers of a run: each site cell's broker and database, HQ's, and each site's replication to HQ. */
export function platformServers({ sites, hq }: { sites: readonly CellFile[]; hq: CellFile }): Server[] {
  return [...sites.flatMap(cellServers), ...cellServers(hq), ...sites.map((site) => replicationServer(site, hq))];
}

/** Every server the tooling may have started: every configured cell, their links, and the test cell. */
export function everyServer(): Server[] {
  const sites = siteCells();
  const hq = hqCell();
  return [
    ...sites.map((site) => replicationServer(site, hq)),
    ...sites.flatMap(cellServers),
    ...cellServers(hq),
    ...cellServers(TEST_CELL),
  ];
}

/**
 * `--cell NAME`: a cell's broker and database (a site, `hq` or `test`), `replication` for every
 * link of the run's sites, or `<site>/replication` for one; without it, the run's cells and links.
 */
export function selectServers(cell: string | undefined, sitesVariable: string | undefined): Server[] {
  if (cell === undefined) return platformServers(platformCells(sitesVariable));
  if (cell === TEST_CELL.name) return cellServers(TEST_CELL);
  const sites = siteCells();
  const hq = hqCell();
  if (cell === 'replication') {
    const { sites: running } = platformCells(sitesVariable);
    return running.map((site) => replicationServer(site, hq));
  }
  if (cell === hq.name) return cellServers(hq);
  const [siteName, part] = cell.split('/');
  const site = sites.find((candidate) => candidate.name === siteName);
  if (!site || (part !== undefined && part !== 'replication')) {
    const names = [...sites.map((candidate) => candidate.name), hq.name, TEST_CELL.name, 'replication'];
    throw new Error(`--cell '${cell}' is not a cell: one of ${names.join(', ')}, or <site>/replication`);
  }
  return part ? [replicationServer(site, hq)] : cellServers(site);
}
