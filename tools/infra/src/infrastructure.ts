import { ferretPaths, kafkaPaths } from './paths';
import { KAFKA_HOST, KAFKA_PORT, installKafka, isKafkaReady, kafkaPid, startKafka } from './kafka';
import { MONGO_HOST, MONGO_PORT, ferretDbPid, installFerretDb, isMongoReady, startFerretDb } from './ferretdb';
import { isPortOpen, sleep, stopProcess, tail } from './processes';
import { containerEngineAnswers, KAFKA_IMAGE, MONGO_IMAGE, startContainers, stopContainers } from './containers';
import { chooseInfrastructure } from './infrastructure-choice';

export interface Endpoints {
  kafkaBrokers: string;
  mongoUrl: string;
  /** false when external servers were given and nothing was started. */
  local: boolean;
  /** Servers this call started (not those it found running): the caller may stop them. */
  started: string[];
}

interface Server {
  name: string;
  host: string;
  port: number;
  log: string;
  pidFile: string;
  install(): Promise<void>;
  start(): Promise<number> | number;
  pid(): number | undefined;
  ready(): Promise<boolean>;
}

const servers: Server[] = [
  {
    name: 'kafka',
    host: KAFKA_HOST,
    port: KAFKA_PORT,
    log: kafkaPaths.log,
    pidFile: kafkaPaths.pid,
    install: installKafka,
    start: startKafka,
    pid: kafkaPid,
    ready: () => isKafkaReady(),
  },
  {
    name: 'ferretdb',
    host: MONGO_HOST,
    port: MONGO_PORT,
    log: ferretPaths.log,
    pidFile: ferretPaths.pid,
    install: installFerretDb,
    start: startFerretDb,
    pid: ferretDbPid,
    ready: () => isMongoReady(),
  },
];

const READY_TIMEOUT_MS = Number(process.env['INFRA_READY_TIMEOUT_MS'] ?? 120_000);

/** External URLs from the environment win: then nothing is started. */
export function externalEndpoints(env = process.env): Endpoints | undefined {
  const kafkaBrokers = env['KAFKA_BROKERS'];
  const mongoUrl = env['MONGO_URL'];
  return kafkaBrokers && mongoUrl ? { kafkaBrokers, mongoUrl, local: false, started: [] } : undefined;
}

export const localEndpoints: Endpoints = {
  kafkaBrokers: `${KAFKA_HOST}:${KAFKA_PORT}`,
  mongoUrl: `mongodb://${MONGO_HOST}:${MONGO_PORT}/`,
  local: true,
  started: [],
};

/** Idempotent: reuses running servers, installs and starts missing ones, waits for readiness. */
export async function up(): Promise<Endpoints> {
  const external = externalEndpoints();
  if (external) {
    console.log('infra: KAFKA_BROKERS and MONGO_URL are set; using them, starting nothing.');
    return external;
  }
  await Promise.all(servers.map((server) => server.install()));
  const started = await Promise.all(servers.map(ensureRunning));
  return { ...localEndpoints, started: servers.filter((_, index) => started[index]).map((server) => server.name) };
}

/**
 * For tests: the servers given by KAFKA_BROKERS and MONGO_URL, else the official images in
 * containers when an engine answers, else the local servers (TEST_INFRASTRUCTURE chooses; see
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

/** Stops only the servers this tool started (those with a pid file); `names` narrows it. */
export async function down(names?: string[]): Promise<void> {
  if (names?.includes(CONTAINERS)) {
    await stopContainers();
    console.log('infra: containers stopped');
  }
  for (const server of servers.filter((candidate) => !names || names.includes(candidate.name))) {
    const stopped = await stopProcess(server.pidFile);
    console.log(`infra: ${server.name} ${stopped ? 'stopped' : 'was not started by this tool'}`);
  }
}

export async function status(): Promise<Array<{ name: string; pid?: number; address: string; ready: boolean }>> {
  return Promise.all(
    servers.map(async (server) => ({
      name: server.name,
      pid: server.pid(),
      address: `${server.host}:${server.port}`,
      ready: await server.ready(),
    })),
  );
}

export function logs(name?: string, lines = 60): string {
  return servers
    .filter((server) => !name || server.name === name)
    .map((server) => `==> ${server.name}: ${server.log}\n${tail(server.log, lines)}`)
    .join('\n\n');
}

/** Resolves to true when this call started the server. */
async function ensureRunning(server: Server): Promise<boolean> {
  if (await server.ready()) {
    console.log(`infra: ${server.name} already running on ${server.host}:${server.port}`);
    return false;
  }
  const startedHere = server.pid() === undefined;
  if (startedHere) {
    if (await isPortOpen(server.host, server.port)) {
      throw new Error(
        `${server.name}: port ${server.port} is taken by a process that does not answer as ${server.name}`,
      );
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
      console.log(`infra: ${server.name} ready on ${server.host}:${server.port}`);
      return;
    }
    if (server.pid() === undefined) break;
    await sleep(500);
  }
  const why = server.pid() === undefined ? 'exited' : `not ready after ${READY_TIMEOUT_MS / 1000}s`;
  throw new Error(`${server.name} ${why}. Last lines of ${server.log}:\n${tail(server.log)}`);
}
