import type { CellFile } from './cells/cell-file';
import { servicesOf, supervisedService, type CellService } from './cells/cell-services';
import { brokersOf, mongoUrlOf, platformCells } from './cells/cells';
import { platformServers } from './cells/platform-servers';
import { down, ensureAll, type Server } from './infrastructure';
import {
  externalIdentityProviderConfigured,
  localAuthEnvironment,
  localServiceSecrets,
  mintLocalToken,
} from './local-auth';
import { formatLogLine, LOG_PREFIX_WIDTH } from './log-format';
import { repoRoot } from './paths';
import { runCommand } from './run-command';
import { sleep } from './processes';
import { ServiceSupervisor } from './service-supervisor';

const READY_TIMEOUT_MS = 120_000;
const supervisor = new ServiceSupervisor({
  onLine: (service, line) => console.log(formatLogLine(service, line)),
  report: (message) => console.error(`start: ${message}`),
  quote: (service, line) => formatLogLine(service, line).slice(LOG_PREFIX_WIDTH).trim(),
});
let servers: Server[] = [];
let startedServers: string[] = [];
let stopping = false;

/**
 * `npm start`: builds the services, brings up each site cell of SITES (default casablanca) and the
 * HQ cell, each on its own Kafka and database, and each site's MirrorMaker 2 to HQ; runs every
 * cell's services (restarted if one dies); Ctrl-C stops everything it started.
 */
async function main(): Promise<void> {
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  const startedAt = Date.now();
  const cells = platformCells(sitesAskedFor());
  const { sites, hq } = cells;
  console.log(`start: cells ${[...sites, hq].map((cell) => cell.name).join(', ')}; building the services…`);
  await runCommand(
    'npx',
    ['nx', 'run-many', '-t', 'build', '--projects=tag:type:app', '--output-style=static'],
    repoRoot,
  );
  servers = platformServers(cells);
  startedServers = await ensureAll(servers);
  const auth = {
    ...(externalIdentityProviderConfigured() ? {} : localAuthEnvironment()),
    ...localServiceSecrets(),
  };
  const services = [...sites, hq].flatMap(servicesOf);
  for (const service of services) supervisor.start(supervisedService(service, auth));
  await Promise.all(services.map(waitUntilReady));
  printSummary([...sites, hq], services, Date.now() - startedAt);
  watchReplication(servers.filter((server) => server.port === undefined));
  if (!externalIdentityProviderConfigured()) await printAdminToken(sites[0], services);
}

const REPLICATION_CHECK_MS = 10_000;
let replicationWatch: NodeJS.Timeout | undefined;

/**
 * A site's MirrorMaker that dies (a crash, `kill -9`) is started again, like a service: it resumes
 * from the offsets it stored, so HQ gets what the site wrote meanwhile.
 */
function watchReplication(links: readonly Server[]): void {
  replicationWatch = setInterval(() => {
    for (const link of links.filter((candidate) => !stopping && candidate.pid() === undefined)) {
      console.error(`start: ${link.name} is not running; starting it again (its log: ${link.log})`);
      void ensureAll([link]).catch((error: Error) => console.error(`start: ${link.name}: ${error.message}`));
    }
  }, REPLICATION_CHECK_MS);
}

/** `SITES=casablanca,rabat`; `SITE_ID=x npm start`, the single-site form of earlier versions, still works. */
function sitesAskedFor(): string | undefined {
  return process.env['SITES'] ?? process.env['SITE_ID'];
}

async function waitUntilReady({ name, port }: CellService): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline && !stopping) {
    const response = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined);
    if (response?.status === 200) return;
    await sleep(500);
  }
  if (!stopping) throw new Error(`${name} was not ready on port ${port} after ${READY_TIMEOUT_MS / 1000}s`);
}

function printSummary(cells: readonly CellFile[], services: readonly CellService[], elapsedMs: number): void {
  const lines = ['', `Technopark Platform is up (${(elapsedMs / 1000).toFixed(0)} s): ${cells.length} cells`];
  for (const cell of cells) {
    const role = cell.kind === 'hq' ? 'HQ: national figures from the replicated topics' : `site ${cell.siteId}`;
    lines.push(
      '',
      `cell ${cell.name} (${role}): Kafka ${brokersOf(cell)}, MongoDB ${mongoUrlOf(cell)}`,
      ...(cell.kind === 'site'
        ? [`  replication to HQ: MirrorMaker 2, log .infra/cells/${cell.name}/replication/`]
        : []),
      `  ${'service'.padEnd(28)} ${'API docs'.padEnd(31)} readiness`,
      ...services
        .filter((service) => service.cell === cell)
        .map(
          ({ name, port }) =>
            `  ${name.padEnd(28)} ${`http://127.0.0.1:${port}/docs`.padEnd(31)} http://127.0.0.1:${port}/health/ready`,
        ),
    );
  }
  lines.push('', 'Press Ctrl-C to stop.', '');
  console.log(lines.join('\n'));
}

/** A ready-made token, so the first API call works without an identity provider. */
async function printAdminToken(firstSite: CellFile | undefined, services: readonly CellService[]): Promise<void> {
  const token = await mintLocalToken({ subject: 'local-admin', roles: ['platform-admin'], expiresIn: '12h' });
  const first = services[0];
  console.log(
    [
      `A platform-admin token for local use (12 h; more with \`npm run -s token -- --role site-staff --site ${firstSite?.siteId ?? 'casablanca'}\`):`,
      '',
      token,
      '',
      `  curl -H "Authorization: Bearer <token>" http://127.0.0.1:${first?.port}/v1/me`,
      '',
      'KPI dashboards (the token travels in the fragment, which browsers never send to the server):',
      ...services
        .filter((service) => service.service === 'analytics')
        .map(({ name, port }) => `  ${name.padEnd(28)} http://127.0.0.1:${port}/dashboard#token=${token}`),
      '',
    ].join('\n'),
  );
}

async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  clearInterval(replicationWatch);
  console.log('start: stopping the services…');
  await supervisor.stopAll();
  const restarted = Object.entries(supervisor.restarts()).filter(([, count]) => count > 0);
  console.log(
    restarted.length > 0
      ? `start: restarts during this run: ${restarted.map(([name, count]) => `${name} ${count}`).join(', ')}`
      : 'start: no service had to be restarted',
  );
  if (startedServers.length > 0) await down(servers, startedServers);
  process.exit(code);
}

main().catch(async (error: Error) => {
  console.error(`start: ${error.message}`);
  await stop(1);
});
