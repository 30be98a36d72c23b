import { join } from 'node:path';
import type { SupervisedService } from '../service-supervisor';
import { repoRoot } from '../paths';
import type { CellFile } from './cell-file';
import { brokersOf, mongoUrlOf } from './cells';

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
export function supervisedService(
  { name, cell, service, port }: CellService,
  auth: Readonly<Record<string, string>>,
): SupervisedService {
  return {
    name,
    command: process.execPath,
    args: ['--enable-source-maps', join(repoRoot, 'dist/services', service, 'main.js')],
    env: {
      ...process.env,
      ...auth,
      ...cell.serviceEnv,
      PORT: String(port),
      KAFKA_BROKERS: brokersOf(cell),
      MONGO_URL: mongoUrlOf(cell),
    },
  };
}
