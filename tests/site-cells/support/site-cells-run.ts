import { join } from 'node:path';
import {
  cellServiceEnvironment,
  ensureAll,
  down,
  logs,
  ScratchCells,
  servicesOf,
  type CellService,
  type Server,
} from '@technopark/infra';
import { TestTokens } from '@technopark/security/testing';
import { eventually, runTypeScriptProcess, stopGracefully, type TypeScriptProcess } from '@technopark/testing';

/** The events service signs check-in codes; these cells are throwaway, so is their secret. */
const CELLS_CHECK_IN_SECRET = 'site-cells-check-in-secret-0123456789abcdef';

const repoRoot = join(__dirname, '../../..');

/** What a site cell of this suite runs: the service that takes applications, and the site's own analytics. */
export const SITE_SERVICES = ['applications', 'analytics'] as const;

interface RunningService {
  readonly service: CellService;
  readonly process: TypeScriptProcess;
}

/**
 * Site cells and an HQ cell as `npm start` runs them, each with its own Kafka, FerretDB and
 * services as real processes (from their sources), and each site's MirrorMaker 2 to HQ; in a
 * folder of this run's own, so that a running `npm start` is never touched.
 */
export class SiteCellsRun {
  readonly tokens = new TestTokens();
  readonly cells = new ScratchCells();
  private readonly running = new Map<string, RunningService>();

  async configureSite(site: string): Promise<void> {
    await this.cells.configureSite(site, SITE_SERVICES);
  }

  async configureHq(): Promise<void> {
    // A site that joins is read within seconds, not the default half minute.
    await this.cells.configureHq(['analytics'], { KAFKA_NEW_TOPICS_CHECK_SECONDS: '3' });
  }

  startInfrastructure(sites: readonly string[]): Promise<void> {
    return this.cells.startInfrastructure(sites);
  }

  kafkaOf(cell: string): Server {
    return this.cells.kafkaOf(cell);
  }

  replicationOf(site: string): Server {
    return this.cells.replicationOf(site);
  }

  async stop(server: Server): Promise<void> {
    await down([server]);
  }

  async start(server: Server): Promise<void> {
    await ensureAll([server]);
  }

  /** Starts the cell's services from their sources and waits until each is ready. */
  async startServices(cellName: string): Promise<void> {
    const services = servicesOf(this.cells.cell(cellName));
    for (const service of services) {
      const main = join(repoRoot, 'services', service.service, 'src/main.ts');
      const env = {
        ...cellServiceEnvironment(service, { ...this.tokens.environment, CHECK_IN_SECRET: CELLS_CHECK_IN_SECRET }),
        LOG_LEVEL: 'warn',
      };
      this.running.set(service.name, { service, process: runTypeScriptProcess(main, env) });
    }
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

  /** For a failure's message: the end of each link's MirrorMaker log and of HQ's analytics output. */
  diagnosis(sites: readonly string[]): string {
    const links = logs(
      sites.map((site) => this.cells.replicationOf(site)),
      15,
    );
    const national = this.running.get('hq/analytics')?.process.output().slice(-2_000) ?? '';
    return `\n${links}\n==> hq/analytics output\n${national}`;
  }

  /** SIGTERM to every service (SIGKILL after 20 s), then every server down. */
  async close(): Promise<void> {
    await Promise.all([...this.running.values()].map(({ process: service }) => stopGracefully(service)));
    await this.cells.dispose();
  }

  private async waitUntilReady(serviceName: string): Promise<void> {
    await eventually(
      async () => (await fetch(`${this.url(serviceName)}/health/ready`).catch(() => undefined))?.status === 200,
      `${serviceName} ready`,
      180_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${this.running.get(serviceName)?.process.output().slice(-3_000)}`);
    });
  }
}
