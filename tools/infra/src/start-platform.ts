import { join } from 'node:path';
import { down, up, type Endpoints } from './infrastructure';
import { externalIdentityProviderConfigured, localAuthEnvironment, mintLocalToken } from './local-auth';
import { formatLogLine } from './log-format';
import { repoRoot } from './paths';
import { DEFAULT_SITE, instanceName, PLATFORM_SERVICES, type PlatformInstance } from './platform-services';
import { runCommand } from './run-command';
import { sleep } from './processes';
import { ServiceSupervisor } from './service-supervisor';

const READY_TIMEOUT_MS = 90_000;
const supervisor = new ServiceSupervisor({
  onLine: (service, line) => console.log(formatLogLine(service, line)),
  report: (message) => console.error(`start: ${message}`),
  quote: (service, line) => formatLogLine(service, line).slice(19).trim(),
});
let endpoints: Endpoints | undefined;
let stopping = false;

/** `npm start`: build, bring the infrastructure up, run every service (restarted if one dies), stop all on Ctrl-C. */
async function main(): Promise<void> {
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  console.log('start: building the services…');
  await runCommand(
    'npx',
    ['nx', 'run-many', '-t', 'build', '--projects=tag:type:app', '--output-style=static'],
    repoRoot,
  );
  endpoints = await up();
  const site = process.env['SITE_ID'] ?? DEFAULT_SITE;
  const auth = externalIdentityProviderConfigured() ? {} : localAuthEnvironment();
  for (const service of PLATFORM_SERVICES) startService(service, site, { ...endpoints, auth });
  await Promise.all(PLATFORM_SERVICES.map((service) => waitUntilReady(instanceName(service), service.port)));
  printSummary(site);
  if (!externalIdentityProviderConfigured()) await printAdminToken(site);
}

interface ServiceInputs extends Endpoints {
  readonly auth: Record<string, string>;
}

function startService(service: PlatformInstance, site: string, { kafkaBrokers, mongoUrl, auth }: ServiceInputs): void {
  supervisor.start({
    name: instanceName(service),
    command: process.execPath,
    args: ['--enable-source-maps', join(repoRoot, 'dist/services', service.name, 'main.js')],
    env: {
      ...process.env,
      ...auth,
      SITE_ID: site,
      PORT: String(service.port),
      KAFKA_BROKERS: kafkaBrokers,
      MONGO_URL: mongoUrl,
      ...service.env,
    },
  });
}

async function waitUntilReady(name: string, port: number): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline && !stopping) {
    const response = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined);
    if (response?.status === 200) return;
    await sleep(500);
  }
  if (!stopping) throw new Error(`${name} was not ready on port ${port} after ${READY_TIMEOUT_MS / 1000}s`);
}

function printSummary(site: string): void {
  const rows = PLATFORM_SERVICES.map(
    (service) =>
      `  ${instanceName(service).padEnd(19)} http://127.0.0.1:${service.port}/docs   http://127.0.0.1:${service.port}/health/ready`,
  );
  console.log(
    [
      '',
      `Technopark Platform is up for site '${site}' (Kafka ${endpoints?.kafkaBrokers}, MongoDB ${endpoints?.mongoUrl})`,
      `  ${'service'.padEnd(19)} ${'API docs'.padEnd(31)} readiness`,
      ...rows,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

/** A ready-made token, so the first API call works without an identity provider. */
async function printAdminToken(site: string): Promise<void> {
  const token = await mintLocalToken({ subject: 'local-admin', roles: ['platform-admin'], expiresIn: '12h' });
  console.log(
    [
      `A platform-admin token for local use (12 h; more with \`npm run -s token -- --role site-staff --site ${site}\`):`,
      '',
      token,
      '',
      `  curl -H "Authorization: Bearer <token>" http://127.0.0.1:${PLATFORM_SERVICES[0]?.port}/v1/me`,
      '',
      'KPI dashboards (the token travels in the fragment, which browsers never send to the server):',
      ...PLATFORM_SERVICES.filter((service) => service.name === 'analytics').map(
        (service) => `  ${instanceName(service).padEnd(19)} http://127.0.0.1:${service.port}/dashboard#token=${token}`,
      ),
      '',
    ].join('\n'),
  );
}

async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log('start: stopping the services…');
  await supervisor.stopAll();
  const restarted = Object.entries(supervisor.restarts()).filter(([, count]) => count > 0);
  console.log(
    restarted.length > 0
      ? `start: restarts during this run: ${restarted.map(([name, count]) => `${name} ${count}`).join(', ')}`
      : 'start: no service had to be restarted',
  );
  if (endpoints?.started.length) await down(endpoints.started);
  process.exit(code);
}

main().catch(async (error: Error) => {
  console.error(`start: ${error.message}`);
  await stop(1);
});
