import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { partnerListenerPort } from '../kafka';
import { deployHome as defaultDeployHome } from '../paths';
import { assertDistinctPorts, readCellFile, type CellFile } from './cell-file';

/** Where a cell's servers listen: what the tooling starts and stops for it. */
export interface InfraCell {
  readonly name: string;
  readonly kafkaPort: number;
  readonly mongoPort: number;
}

/**
 * The single-broker cell of the integration specs and benchmarks: one Kafka and one database
 * shared by every spec, each spec under its own site and databases. No service runs in it.
 */
export const TEST_CELL: InfraCell = { name: 'test', kafkaPort: 9092, mongoPort: 27017 };

export const DEFAULT_SITES = ['casablanca'];

/** Read at each call, like the cells' folder, so that a test can configure cells of its own. */
const deployHome = (): string => process.env['TECHNOPARK_DEPLOY_DIR'] ?? defaultDeployHome;

/** Every configured site (`deploy/sites/<site>.env`), by name. */
export function siteCells(dir = deployHome()): CellFile[] {
  const sitesDir = join(dir, 'sites');
  return readdirSync(sitesDir)
    .filter((file) => file.endsWith('.env'))
    .sort()
    .map((file) => readCellFile(join(sitesDir, file), 'site'));
}

export function hqCell(dir = deployHome()): CellFile {
  const path = join(dir, 'hq.env');
  if (!existsSync(path)) throw new Error(`${path} is missing: the HQ cell's ports are configured there`);
  return readCellFile(path, 'hq');
}

/** The cells a run brings up: the sites asked for (`SITES=casablanca,rabat`) and HQ. */
export function platformCells(
  sitesVariable: string | undefined,
  dir = deployHome(),
): { sites: CellFile[]; hq: CellFile } {
  const configured = siteCells(dir);
  const wanted = sitesVariable?.trim() ? sitesVariable.split(',').map((site) => site.trim()) : DEFAULT_SITES;
  const unknown = wanted.filter((site) => !configured.some((cell) => cell.name === site));
  if (unknown.length > 0) {
    throw new Error(
      `SITES names ${unknown.map((site) => `'${site}'`).join(', ')}, which has no ${join(dir, 'sites')}/<site>.env; configured: ${configured.map((cell) => cell.name).join(', ')}`,
    );
  }
  const sites = configured.filter((cell) => wanted.includes(cell.name));
  const hq = hqCell(dir);
  assertDistinctPorts([...configured, hq]);
  if (
    [...configured, hq].some(
      (cell) => Math.abs(cell.kafkaPort - TEST_CELL.kafkaPort) <= 2 || cell.mongoPort === TEST_CELL.mongoPort,
    )
  )
    throw new Error(
      `ports ${TEST_CELL.kafkaPort}-${TEST_CELL.kafkaPort + 2} and ${TEST_CELL.mongoPort} belong to the test cell`,
    );
  return { sites, hq };
}

export const brokersOf = (cell: InfraCell): string => `127.0.0.1:${cell.kafkaPort}`;
/** The broker's SASL/SCRAM listener, where partners read their own topic. */
export const partnerBrokersOf = (cell: InfraCell): string => `127.0.0.1:${partnerListenerPort(cell.kafkaPort)}`;
export const mongoUrlOf = (cell: InfraCell): string => `mongodb://127.0.0.1:${cell.mongoPort}/`;
