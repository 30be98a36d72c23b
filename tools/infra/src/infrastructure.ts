import { brokersOf, mongoUrlOf, partnerBrokersOf, TEST_CELL, type InfraCell } from './cells/cells';
import { containerEngineAnswers, KAFKA_IMAGE, MONGO_IMAGE, startContainers, stopContainers } from './containers';
import { ferretDbPid, installFerretDb, isMongoReady, startFerretDb } from './ferretdb';
import { chooseInfrastructure } from './infrastructure-choice';
import { installKafka, isKafkaReady, kafkaPid, startKafka } from './kafka';
import { isReplicating, mirrorMakerPid, startMirrorMaker, type ReplicationLink } from './mirror-maker';
import { ferretPathsOf, kafkaPathsOf, replicationPathsOf } from './paths';
import { isPortOpen, sleep, stopProcess, tail } from './processes';

export interface Endpoints {
  kafkaBrokers: string;
  /** The broker's SASL/SCRAM listener for partners; unknown when external servers were given without KAFKA_PARTNER_BROKERS. */
  kafkaPartnerBrokers?: string;
  mongoUrl: string;
  /** false when external servers were given and nothing was started. */
  local: boolean;
  /** Servers this call started (not those it found running): the caller may stop them. */
  started: string[];
}

/** A process the tooling runs: a cell's broker or database, or a site's replication to HQ. */
export interface Server {
  /** `<cell>/kafka`, `<cell>/ferretdb` or `<site>/replication`. */
  readonly name: string;
  readonly address: string;
  readonly log: string;
  readonly pidFile: string;
  /** A port only this server may hold (none for MirrorMaker, which listens nowhere). */
  readonly port?: number;
  install(): Promise<void>;
  start(): Promise<number> | number;
  pid(): number | undefined;
  ready(): Promise<boolean>;
}

const READY_TIMEOUT_MS = Number(process.env['INFRA_READY_TIMEOUT_MS'] ?? 120_000);

export function cellServers(cell: InfraCell): Server[] {
  const kafka = { cell: cell.name, port: cell.kafkaPort };
  const mongo = { cell: cell.name, port: cell.mongoPort };
  return [
    {
      name: `${cell.name}/kafka`,
      address: brokersOf(cell),
      port: cell.kafkaPort,
      log: kafkaPathsOf(cell.name).log,
      pidFile: kafkaPathsOf(cell.name).pid,
      install: installKafka,
      start: () => startKafka(kafka),
      pid: () => kafkaPid(kafka),
      ready: () => isKafkaReady(brokersOf(cell)),
    },
    {
      name: `${cell.name}/ferretdb`,
      address: `127.0.0.1:${cell.mongoPort}`,
      port: cell.mongoPort,
      log: ferretPathsOf(cell.name).log,
      pidFile: ferretPathsOf(cell.name).pid,
      install: installFerretDb,
      start: () => startFerretDb(mongo),
      pid: () => ferretDbPid(mongo),
      ready: () => isMongoReady(mongoUrlOf(cell)),
    },
  ];
}

export function replicationServer(site: InfraCell, hq: InfraCell): Server {
  const link: ReplicationLink = { site: site.name, siteBrokers: brokersOf(site), hqBrokers: brokersOf(hq) };
  const paths = replicationPathsOf(site.name);
  return {
    name: `${site.name}/replication`,
    address: `${link.siteBrokers} → ${link.hqBrokers}`,
    log: paths.log,
    pidFile: paths.pid,
    install: installKafka,
    start: () => startMirrorMaker(link),
    pid: () => mirrorMakerPid(site.name),
    ready: () => isReplicating(link),
  };
}

/** External URLs from the environment win: then nothing is started. */
export function externalEndpoints(env = process.env): Endpoints | undefined {
  const kafkaBrokers = env['KAFKA_BROKERS'];
  const mongoUrl = env['MONGO_URL'];
  const kafkaPartnerBrokers = env['KAFKA_PARTNER_BROKERS'];
  return kafkaBrokers && mongoUrl
    ? { kafkaBrokers, mongoUrl, ...(kafkaPartnerBrokers && { kafkaPartnerBrokers }), local: false, started: [] }
    : undefined;
}

/** The test cell, for benchmarks and tools: idempotent, reuses running servers, waits for readiness. */
export async function up(): Promise<Endpoints> {
  const external = externalEndpoints();
  if (external) {
    console.log('infra: KAFKA_BROKERS and MONGO_URL are set; using them, starting nothing.');
    return external;
  }
  const started = await ensureAll(cellServers(TEST_CELL));
  return {
    kafkaBrokers: brokersOf(TEST_CELL),
    kafkaPartnerBrokers: partnerBrokersOf(TEST_CELL),
    mongoUrl: mongoUrlOf(TEST_CELL),
    local: true,
    started,
  };
}

/**
 * Installs what is missing, then starts the servers not running yet, all at once, and waits
 * until each is ready (MirrorMaker once its brokers are). Resolves to the names of those it started.
 */
export async function ensureAll(servers: readonly Server[]): Promise<string[]> {
  for (const install of new Set(servers.map((server) => server.install))) await install();
  const brokersAndDatabases = servers.filter((server) => server.port !== undefined);
  const started = await Promise.all(brokersAndDatabases.map(ensureRunning));
  const links = servers.filter((server) => server.port === undefined);
  const linked = await Promise.all(links.map(ensureRunning));
  return [
    ...brokersAndDatabases.filter((_, index) => started[index]),
    ...links.filter((_, index) => linked[index]),
  ].map((server) => server.name);
}

/**
 * For tests: the servers given by KAFKA_BROKERS and MONGO_URL, else the official images in
 * containers when an engine answers, else the local test cell (TEST_INFRASTRUCTURE chooses; see
 * infrastructure-choice.ts). `started` names `containers` when this call started them.
 */
export async function testInfrastructure(): Promise<Endpoints> {
  const kind = await chooseInfrastructure(process.env, containerEngineAnswers);
  if (kind !== 'containers') return up();
  console.log(
    `infra: a container engine answers; starting ${KAFKA_IMAGE} and ${MONGO_IMAGE} (TEST_INFRASTRUCTURE=local to use the local servers)`,
  );
  return { ...(await startContainers()), local: false, started: [CONTAINERS] };
}

/** What `started` names when the servers run in containers. */
export const CONTAINERS = 'containers';

/**
 * Stops the given servers, replication first (it reads and writes the brokers), or, with
 * `names`, those of them so named. Only servers this tool started (a pid file) are stopped.
 */
export async function down(servers: readonly Server[] = cellServers(TEST_CELL), names?: string[]): Promise<void> {
  if (names?.includes(CONTAINERS)) {
    await stopContainers();
    console.log('infra: containers stopped');
  }
  const chosen = servers.filter((server) => !names || names.includes(server.name));
  const order = [...chosen.filter((server) => server.port === undefined), ...chosen.filter((server) => server.port)];
  for (const server of order) {
    const stopped = await stopProcess(server.pidFile);
    if (stopped || !names) console.log(`infra: ${server.name} ${stopped ? 'stopped' : 'was not started by this tool'}`);
  }
}

export interface ServerStatus {
  readonly name: string;
  readonly pid?: number;
  readonly address: string;
  readonly ready: boolean;
}

export async function status(servers: readonly Server[]): Promise<ServerStatus[]> {
  return Promise.all(
    servers.map(async (server) => ({
      name: server.name,
      pid: server.pid(),
      address: server.address,
      ready: await server.ready(),
    })),
  );
}

export function logs(servers: readonly Server[], lines = 60): string {
  return servers.map((server) => `==> ${server.name}: ${server.log}\n${tail(server.log, lines)}`).join('\n\n');
}

/** Resolves to true when this call started the server. */
async function ensureRunning(server: Server): Promise<boolean> {
  if (await server.ready()) {
    console.log(`infra: ${server.name} already running (${server.address})`);
    return false;
  }
  const startedHere = server.pid() === undefined;
  if (startedHere) {
    if (server.port !== undefined && (await isPortOpen('127.0.0.1', server.port))) {
      throw new Error(`${server.name}: port ${server.port} is taken by a process that does not answer as it should`);
    }
    const pid = await server.start();
    console.log(`infra: started ${server.name} (pid ${pid}), waiting for it to be ready…`);
  }
  await waitUntilReady(server);
  return startedHere;
}

async function waitUntilReady(server: Server): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (await server.ready()) {
      console.log(`infra: ${server.name} ready (${server.address})`);
      return;
    }
    if (server.pid() === undefined) break;
    await sleep(500);
  }
  const why = server.pid() === undefined ? 'exited' : `not ready after ${READY_TIMEOUT_MS / 1000}s`;
  throw new Error(`${server.name} ${why}. Last lines of ${server.log}:\n${tail(server.log)}`);
}
