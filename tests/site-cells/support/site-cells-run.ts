import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  cellServers,
  cellServiceEnvironment,
  down,
  ensureAll,
  hqCell,
  replicationServer,
  siteCells,
  servicesOf,
  type CellFile,
  type CellService,
  type Server,
} from '@technopark/infra';
import { TestTokens } from '@technopark/security/testing';
import { eventually, freePort, runTypeScriptProcess, type TypeScriptProcess } from '@technopark/testing';

const repoRoot = join(__dirname, '../../..');

/** What a site cell of this suite runs: the service that takes applications, and the site's own analytics. */
export const SITE_SERVICES = ['applications', 'analytics'] as const;

interface RunningService {
  readonly service: CellService;
  process: TypeScriptProcess;
}

/**
 * Site cells and an HQ cell as `npm start` runs them, each with its own Kafka, FerretDB and
 * services as real processes, configured by env files in a folder of this run's own (so that a
 * running `npm start` is never touched), and each site's MirrorMaker 2 to HQ.
 */
export class SiteCellsRun {
  readonly tokens = new TestTokens();
  private readonly home = mkdtempSync(join(tmpdir(), 'technopark-cells-'));
  private readonly deployDir = join(this.home, 'deploy');
  private readonly running = new Map<string, RunningService>();
  private readonly previousEnv = {
    deploy: process.env['TECHNOPARK_DEPLOY_DIR'],
    cells: process.env['TECHNOPARK_CELLS_HOME'],
  };

  constructor() {
    mkdirSync(join(this.deployDir, 'sites'), { recursive: true });
    process.env['TECHNOPARK_DEPLOY_DIR'] = this.deployDir;
    process.env['TECHNOPARK_CELLS_HOME'] = join(this.home, 'cells');
  }

  /** Writes `sites/<site>.env` the way an operator adds a site: a SITE_ID and the cell's ports. */
  async configureSite(site: string, extra: Record<string, string> = {}): Promise<void> {
    const services = Object.fromEntries(
      await Promise.all(
        SITE_SERVICES.map(async (service) => [`CELL_${service.toUpperCase()}_PORT`, String(await freePort())]),
      ),
    );
    this.writeCellFile(join('sites', `${site}.env`), {
      SITE_ID: site,
      ...(await this.serverPorts()),
      ...services,
      ...extra,
    });
  }

  async configureHq(): Promise<void> {
    this.writeCellFile('hq.env', {
      SITE_ID: 'national',
      ANALYTICS_SCOPE: 'national',
      ...(await this.serverPorts()),
      CELL_ANALYTICS_PORT: String(await freePort()),
      // A site that joins is read within seconds, not the default half minute.
      KAFKA_NEW_TOPICS_CHECK_SECONDS: '3',
    });
  }

  cell(name: string): CellFile {
    const found = this.everyCell().find((cell) => cell.name === name);
    if (!found) throw new Error(`no cell ${name} is configured`);
    return found;
  }

  /** Brokers, databases and links, all at once, as `npm start` does. */
  async startInfrastructure(sites: readonly string[]): Promise<void> {
    const cells = sites.map((site) => this.cell(site));
    const hq = this.cell('hq');
    await ensureAll([
      ...cells.flatMap(cellServers),
      ...cellServers(hq),
      ...cells.map((site) => replicationServer(site, hq)),
    ]);
  }

  kafkaOf(cell: string): Server {
    return this.serverNamed(`${cell}/kafka`);
  }

  replicationOf(site: string): Server {
    return replicationServer(this.cell(site), this.cell('hq'));
  }

  async stop(server: Server): Promise<void> {
    await down([server]);
  }

  async start(server: Server): Promise<void> {
    await ensureAll([server]);
  }

  /** Starts the cell's services from their sources and waits until each is ready. */
  async startServices(cellName: string): Promise<void> {
    const services = servicesOf(this.cell(cellName));
    for (const service of services) this.spawn(service);
    await Promise.all(services.map((service) => this.waitUntilReady(service.name)));
  }

  pid(serviceName: string): number | undefined {
    return this.running.get(serviceName)?.process.child.pid;
  }

  url(serviceName: string): string {
    const entry = this.running.get(serviceName);
    if (!entry) throw new Error(`${serviceName} is not running`);
    return `http://127.0.0.1:${entry.service.port}`;
  }

  async close(): Promise<void> {
    await Promise.all(
      [...this.running.values()].map(async ({ process: child }) => {
        if (child.child.exitCode !== null || child.child.signalCode !== null) return;
        child.child.kill('SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise((resolve) => (timer = setTimeout(resolve, 20_000, 'late')));
        const ended = await Promise.race([child.exit, late]);
        clearTimeout(timer);
        if (ended === 'late') child.child.kill('SIGKILL');
      }),
    );
    const hq = this.cell('hq');
    const sites = this.everyCell().filter((cell) => cell.kind === 'site');
    await down([...sites.map((site) => replicationServer(site, hq)), ...this.everyCell().flatMap(cellServers)]);
    process.env['TECHNOPARK_DEPLOY_DIR'] = this.previousEnv.deploy;
    process.env['TECHNOPARK_CELLS_HOME'] = this.previousEnv.cells;
    if (this.previousEnv.deploy === undefined) delete process.env['TECHNOPARK_DEPLOY_DIR'];
    if (this.previousEnv.cells === undefined) delete process.env['TECHNOPARK_CELLS_HOME'];
    // CELLS_KEEP_HOME=1 keeps the cells' logs and data for a look after a failure.
    if (process.env['CELLS_KEEP_HOME']) console.log(`site cells: kept ${this.home}`);
    else rmSync(this.home, { recursive: true, force: true });
  }

  /** The last output of a service, for a failure's message. */
  output(serviceName: string): string {
    return this.running.get(serviceName)?.process.output().slice(-3_000) ?? '';
  }

  private everyCell(): CellFile[] {
    return [...siteCells(this.deployDir), hqCell(this.deployDir)];
  }

  private spawn(service: CellService): void {
    const main = join(repoRoot, 'services', service.service, 'src/main.ts');
    const env = { ...cellServiceEnvironment(service, this.tokens.environment), LOG_LEVEL: 'warn' };
    this.running.set(service.name, { service, process: runTypeScriptProcess(main, env) });
  }

  private async waitUntilReady(serviceName: string): Promise<void> {
    await eventually(
      async () => {
        const response = await fetch(`${this.url(serviceName)}/health/ready`).catch(() => undefined);
        return response?.status === 200;
      },
      `${serviceName} ready`,
      180_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${this.output(serviceName)}`);
    });
  }

  private serverNamed(name: string): Server {
    const server = this.everyCell()
      .flatMap(cellServers)
      .find((candidate) => candidate.name === name);
    if (!server) throw new Error(`no server ${name}`);
    return server;
  }

  private writeCellFile(relativePath: string, variables: Record<string, string>): void {
    const text = Object.entries(variables)
      .map(([key, value]) => `${key}=${value}`)
      .join('\n');
    writeFileSync(join(this.deployDir, relativePath), `${text}\n`);
  }

  /** A broker port whose next port (the controller's) is free too, and a database port. */
  private async serverPorts(): Promise<Record<string, string>> {
    for (;;) {
      const kafka = await freePort();
      if (await isFree(kafka + 1)) return { CELL_KAFKA_PORT: String(kafka), CELL_MONGO_PORT: String(await freePort()) };
    }
  }
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
