import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { SupervisedService } from '../service-supervisor';
import { repoRoot } from '../paths';
import { serviceNodeArguments } from '../service-node-flags';
import type { CellFile } from './cell-file';
import { brokersOf, mongoUrlOf, partnerBrokersOf } from './cells';

/** One service process of a cell, as `npm start` runs and names it. */
export interface CellService {
  /** `<cell>/<service>`, e.g. `casablanca/applications` or `hq/analytics`. */
  readonly name: string;
  readonly cell: CellFile;
  readonly service: string;
  readonly port: number;
}

export function servicesOf(cell: CellFile): CellService[] {
  return Object.entries(cell.servicePorts).map(([service, port]) => ({
    name: `${cell.name}/${service}`,
    cell,
    service,
    port,
  }));
}

/** The process: the service's build, on its cell's own Kafka and database only. */
export function supervisedService(service: CellService, auth: Readonly<Record<string, string>>): SupervisedService {
  return {
    name: service.name,
    command: process.execPath,
    args: serviceNodeArguments(join(repoRoot, 'dist/services', service.service, 'main.js')),
    env: { ...process.env, ...cellServiceEnvironment(service, auth) },
  };
}

/**
 * What a cell's service is given: the cell file's variables, its port, and its own cell's Kafka and
 * database. A seed file named relative to the cell file (`fes/catalogue.json`) is found beside it.
 */
export function cellServiceEnvironment(
  { cell, port }: CellService,
  auth: Readonly<Record<string, string>>,
): Record<string, string> {
  const fromFile = Object.fromEntries(
    Object.entries(cell.serviceEnv).map(([key, value]) => [
      key,
      key.endsWith('_SEED_FILE') && !isAbsolute(value) ? resolve(dirname(cell.path), value) : value,
    ]),
  );
  return {
    ...auth,
    ...fromFile,
    PORT: String(port),
    KAFKA_BROKERS: brokersOf(cell),
    MONGO_URL: mongoUrlOf(cell),
    // Where the cell's partners read their topics (the partner gateway tells them).
    PARTNER_KAFKA_BOOTSTRAP: partnerBrokersOf(cell),
  };
}
