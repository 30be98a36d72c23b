import { join } from 'node:path';
import {
  brokersOf,
  cellServers,
  cellServiceEnvironment,
  down,
  ensureAll,
  processRss,
  ScratchCells,
  servicesOf,
  type CellService,
  type Server,
} from '@technopark/infra';
import { TestTokens } from '@technopark/security/testing';
import { eventually, runTypeScriptProcess, stopGracefully, type TypeScriptProcess } from '@technopark/testing';

/** What a site cell of the fault suite runs: the service that takes writes, and the two that consume its events. */
export const FAULT_SITE_SERVICES = ['applications', 'residency', 'analytics'] as const;
export type FaultSiteService = (typeof FAULT_SITE_SERVICES)[number];

/** HQ's service in the suite: the national analytics, fed by the site's MirrorMaker 2. */
const HQ_ANALYTICS = 'hq/analytics';

const repoRoot = join(__dirname, '../../..');

/**
 * One site cell as `npm start` runs it, with its own Kafka, FerretDB and services as real processes
 * (from their sources), and, `withHq`, an HQ cell (Kafka, FerretDB, national analytics) fed by the
 * site's MirrorMaker 2; in a scratch folder on free ports, so that a running `npm start` is never
 * touched. A scenario kills, pauses and restarts their parts; nothing here fakes a failure.
 */
export class FaultSite {
  readonly tokens = new TestTokens();
  private readonly cells = new ScratchCells();
  private readonly processes = new Map<string, TypeScriptProcess>();
  private services: CellService[] = [];
  private kafka?: Server;
  private database?: Server;
  private hq: Server[] = [];
  private link?: Server;

  constructor(
    readonly site: string,
    readonly withHq = false,
  ) {}

  get brokers(): string {
    return brokersOf(this.cells.cell(this.site));
  }

  /** Configures the cells, starts their brokers, databases and link, then their services; resolves once each is ready. */
  async start(progress: (line: string) => void): Promise<void> {
    // The clients stand for a whole site's startups and staff, all from one address: no rate limit for them.
    const unlimited = { RATE_LIMIT_REQUESTS: '1000000' };
    const cell = await this.cells.configureSite(this.site, FAULT_SITE_SERVICES, unlimited);
    [this.kafka, this.database] = cellServers(cell) as [Server, Server];
    this.services = servicesOf(cell);
    if (this.withHq) {
      // The site's topics are found within seconds, not the default half minute.
      const hq = await this.cells.configureHq(['analytics'], { ...unlimited, KAFKA_NEW_TOPICS_CHECK_SECONDS: '3' });
      this.hq = cellServers(hq);
      this.link = this.cells.replicationOf(this.site);
      this.services.push(...servicesOf(hq));
    }
    progress(`starting ${this.withHq ? `${this.site}'s and HQ's` : `${this.site}'s`} Kafka and FerretDB`);
    await ensureAll([this.kafka, this.database, ...this.hq, ...(this.link ? [this.link] : [])]);
    progress(`starting ${this.services.map((service) => service.name).join(', ')}`);
    await Promise.all(this.services.map((service) => this.startService(service.name)));
  }

  url(service: FaultSiteService): string {
    return `http://127.0.0.1:${this.serviceOf(this.nameOf(service)).port}`;
  }

  /** The national analytics at HQ; only `withHq`. */
  hqUrl(): string {
    return `http://127.0.0.1:${this.serviceOf(HQ_ANALYTICS).port}`;
  }

  /** `kill -9`: no shutdown hook runs, nothing is flushed or committed. */
  async kill(service: FaultSiteService): Promise<void> {
    await this.killProcess(this.nameOf(service));
  }

  /** Stops the service (`kill -9`, or SIGTERM when `graceful`) and starts it again; resolves once it is ready. */
  async restart(service: FaultSiteService, { graceful = false } = {}): Promise<void> {
    const name = this.nameOf(service);
    const running = this.processes.get(name);
    if (graceful && running) await stopGracefully(running);
    else await this.killProcess(name);
    await this.startService(name);
  }

  async stopBroker(): Promise<void> {
    await down([this.kafka as Server]);
  }

  async startBroker(): Promise<void> {
    await ensureAll([this.kafka as Server]);
  }

  /** SIGSTOP (`paused` false: SIGCONT): the database holds its connections open and answers nothing. */
  pauseDatabase(paused: boolean): void {
    const pid = this.database?.pid();
    if (pid === undefined) throw new Error('the database is not running');
    process.kill(pid, paused ? 'SIGSTOP' : 'SIGCONT');
  }

  /** MirrorMaker 2 killed with `kill -9`, or stopped (the link cut); `startReplication` brings it back. */
  async stopReplication({ kill = false } = {}): Promise<void> {
    const link = this.linkServer();
    const pid = link.pid();
    if (kill && pid !== undefined) {
      process.kill(pid, 'SIGKILL');
      await eventually(async () => link.pid() === undefined, 'MirrorMaker 2 gone', 10_000);
    } else await down([link]);
  }

  async startReplication(): Promise<void> {
    await ensureAll([this.linkServer()]);
  }

  /** The whole HQ cell down: its analytics, broker and database; the site and its link keep running. */
  async stopHq(): Promise<void> {
    const national = this.processes.get(HQ_ANALYTICS);
    if (national) await stopGracefully(national);
    await down(this.hq);
  }

  /** HQ back: its servers, the link (MirrorMaker may have given up meanwhile), then its analytics. */
  async startHq(): Promise<void> {
    await ensureAll([...this.hq, this.linkServer()]);
    await this.startService(HQ_ANALYTICS);
  }

  /** Each running service's resident memory now, MB, by name (`<site>/<service>`, `hq/analytics`). */
  rssMb(): Record<string, number> {
    const figures: Record<string, number> = {};
    for (const [name, running] of this.processes) {
      const rss = running.child.pid === undefined ? undefined : processRss(running.child.pid);
      if (rss !== undefined) figures[name.split('/')[0] === this.site ? (name.split('/')[1] as string) : name] = rss;
    }
    return figures;
  }

  /** The end of a service's output, for a failure's message. */
  tail(service: FaultSiteService, chars = 3_000): string {
    return this.processes.get(this.nameOf(service))?.output().slice(-chars) ?? '';
  }

  /** SIGTERM to every service (SIGKILL after 20 s), the database resumed if paused, then the servers down. */
  async close(): Promise<void> {
    const pid = this.database?.pid();
    if (pid !== undefined) process.kill(pid, 'SIGCONT');
    await Promise.all([...this.processes.values()].map((running) => stopGracefully(running)));
    await this.cells.dispose();
  }

  private nameOf(service: FaultSiteService): string {
    return `${this.site}/${service}`;
  }

  private linkServer(): Server {
    if (!this.link) throw new Error('this fault site runs no HQ: start it withHq');
    return this.link;
  }

  private async killProcess(name: string): Promise<void> {
    const running = this.processes.get(name);
    if (!running || running.child.exitCode !== null || running.child.signalCode !== null) return;
    running.child.kill('SIGKILL');
    await running.exit;
  }

  private async startService(name: string): Promise<void> {
    const cellService = this.serviceOf(name);
    const main = join(repoRoot, 'services', cellService.service, 'src/main.ts');
    const env = { ...cellServiceEnvironment(cellService, this.tokens.environment), LOG_LEVEL: 'warn' };
    const running = runTypeScriptProcess(main, env);
    this.processes.set(name, running);
    await eventually(
      async () => {
        if (running.child.exitCode !== null) throw new Error(`${name} exited (${running.child.exitCode})`);
        return (
          (await fetch(`http://127.0.0.1:${cellService.port}/health/ready`).catch(() => undefined))?.status === 200
        );
      },
      `${name} ready`,
      180_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${running.output().slice(-3_000)}`);
    });
  }

  private serviceOf(name: string): CellService {
    const found = this.services.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`${name} is not configured`);
    return found;
  }
}
