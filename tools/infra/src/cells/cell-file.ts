import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/** What the local tooling needs of a cell: the host ports it listens on, read from its env file. */
export interface CellFile {
  /** The cell's name: the site id for a site, `hq` for HQ. */
  readonly name: string;
  readonly kind: 'site' | 'hq';
  /** `SITE_ID` of the cell's services (`national` at HQ). */
  readonly siteId: string;
  readonly kafkaPort: number;
  readonly mongoPort: number;
  /** Service name → HTTP port: a cell runs the services its file gives a port. */
  readonly servicePorts: Readonly<Record<string, number>>;
  /** The file's other variables, passed to the cell's services. */
  readonly serviceEnv: Readonly<Record<string, string>>;
  readonly path: string;
}

const PORT_PREFIX = 'CELL_';
const SERVICE_PORT = /^CELL_([A-Z][A-Z0-9_]*)_PORT$/;
const SITE_FORMAT = /^[a-z][a-z0-9-]{1,39}$/;
/**
 * Addresses and credentials that only hold inside a container network (the compose files read
 * the same env files): locally the tooling sets them per cell instead.
 */
const CONTAINER_ONLY = new Set([
  'KAFKA_BROKERS',
  'MONGO_URL',
  'MONGO_MAX_POOL_SIZE',
  'AUTH_ISSUER',
  'AUTH_AUDIENCE',
  'AUTH_PUBLIC_KEY_FILE',
]);

/** `KEY=value` lines; `#` starts a comment line. Values are taken as written (no quotes, no expansion). */
export function parseEnvFile(text: string): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [index, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const separator = line.indexOf('=');
    if (separator <= 0) throw new Error(`line ${index + 1} is not KEY=value: '${line}'`);
    variables[line.slice(0, separator).trim()] = line.slice(separator + 1).trim();
  }
  return variables;
}

/** Reads and checks a cell's env file; every problem is named in one error. */
export function readCellFile(path: string, kind: CellFile['kind']): CellFile {
  const name = kind === 'hq' ? 'hq' : basename(path, '.env');
  let variables: Record<string, string>;
  try {
    variables = parseEnvFile(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
  return cellFromVariables(name, kind, variables, path);
}

export function cellFromVariables(
  name: string,
  kind: CellFile['kind'],
  variables: Readonly<Record<string, string>>,
  path: string,
): CellFile {
  const problems: string[] = [];
  const port = (key: string): number => {
    const value = variables[key];
    const parsed = Number(value);
    if (value === undefined) problems.push(`${key} is missing`);
    else if (!Number.isInteger(parsed) || parsed < 1024 || parsed > 65_534)
      problems.push(`${key} is '${value}', expected a port between 1024 and 65534`);
    return parsed;
  };
  const siteId = variables['SITE_ID'] ?? '';
  if (kind === 'site' && siteId !== name) problems.push(`SITE_ID is '${siteId}', expected '${name}' (the file's name)`);
  if (kind === 'site' && !SITE_FORMAT.test(name))
    problems.push(`the file name '${name}' is not a site id (lowercase letters, digits and dashes)`);
  if (kind === 'hq' && siteId !== 'national') problems.push(`SITE_ID is '${siteId}', expected 'national' at HQ`);
  const kafkaPort = port('CELL_KAFKA_PORT');
  const mongoPort = port('CELL_MONGO_PORT');
  const servicePorts: Record<string, number> = {};
  const serviceEnv: Record<string, string> = {};
  for (const key of Object.keys(variables)) {
    const service = SERVICE_PORT.exec(key)?.[1];
    if (service && service !== 'KAFKA' && service !== 'MONGO')
      servicePorts[service.toLowerCase().replace(/_/g, '-')] = port(key);
    else if (!key.startsWith(PORT_PREFIX) && !CONTAINER_ONLY.has(key)) serviceEnv[key] = variables[key] ?? '';
  }
  if (Object.keys(servicePorts).length === 0) problems.push('no CELL_<SERVICE>_PORT: the cell would run no service');
  if (problems.length > 0) throw new Error(`${path}: ${problems.join('; ')}`);
  return { name, kind, siteId, kafkaPort, mongoPort, servicePorts, serviceEnv, path };
}

/** Every host port of a cell, with what listens there; the Kafka controller and partners' listener take the two after the broker's. */
export function portsOf(cell: CellFile): Array<{ port: number; what: string }> {
  return [
    { port: cell.kafkaPort, what: `${cell.name} kafka` },
    { port: cell.kafkaPort + 1, what: `${cell.name} kafka controller` },
    { port: cell.kafkaPort + 2, what: `${cell.name} kafka partners' listener` },
    { port: cell.mongoPort, what: `${cell.name} mongodb` },
    ...Object.entries(cell.servicePorts).map(([service, port]) => ({ port, what: `${cell.name} ${service}` })),
  ];
}

/** Two cells (or two parts of one) on one port would take each other's traffic: refused by name. */
export function assertDistinctPorts(cells: readonly CellFile[]): void {
  const owners = new Map<number, string>();
  const clashes: string[] = [];
  for (const { port, what } of cells.flatMap(portsOf)) {
    const owner = owners.get(port);
    if (owner) clashes.push(`port ${port}: ${owner} and ${what}`);
    else owners.set(port, what);
  }
  if (clashes.length > 0) throw new Error(`cells share ports: ${clashes.join('; ')}`);
}
