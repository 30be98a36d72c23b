import { join } from 'node:path';
import {
  brokersOf,
  cellServers,
  cellServiceEnvironment,
  down,
  ensureAll,
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

const repoRoot = join(__dirname, '../../..');

/**
 * One site cell as `npm start` runs it, with its own Kafka, FerretDB and services as real processes
 * (from their sources), in a scratch folder on free ports, so that a running `npm start` is never
 * touched. A scenario kills, pauses and restarts its parts; nothing here fakes a failure.
 */
export class FaultSite {
  readonly tokens = new TestTokens();
  private readonly cells = new ScratchCells();
  private readonly processes = new Map<FaultSiteService, TypeScriptProcess>();
  private services: CellService[] = [];
  private kafka?: Server;
  private database?: Server;

  constructor(readonly site: string) {}

  get brokers(): string {
    return brokersOf(this.cells.cell(this.site));
  }

  /** Configures the cell, starts its broker and database, then its services; resolves once each is ready. */
  async start(progress: (line: string) => void): Promise<void> {
    // The clients stand for a whole site's startups and staff, all from one address: no rate limit for them.
    const cell = await this.cells.configureSite(this.site, FAULT_SITE_SERVICES, { RATE_LIMIT_REQUESTS: '1000000' });
    [this.kafka, this.database] = cellServers(cell) as [Server, Server];
    progress(`starting ${this.site}'s Kafka and FerretDB`);
    await ensureAll([this.kafka, this.database]);
    this.services = servicesOf(cell);
    progress(`starting ${FAULT_SITE_SERVICES.join(', ')}`);
    await Promise.all(FAULT_SITE_SERVICES.map((service) => this.startService(service)));
  }

  url(service: FaultSiteService): string {
    return `http://127.0.0.1:${this.serviceOf(service).port}`;
  }

  /** `kill -9`: no shutdown hook runs, nothing is flushed or committed. */
  async kill(service: FaultSiteService): Promise<void> {
    const running = this.processes.get(service);
    if (!running || running.child.exitCode !== null || running.child.signalCode !== null) return;
    running.child.kill('SIGKILL');
    await running.exit;
  }

  /** Stops the service (`kill -9`, or SIGTERM when `graceful`) and starts it again; resolves once it is ready. */
  async restart(service: FaultSiteService, { graceful = false } = {}): Promise<void> {
    const running = this.processes.get(service);
    if (graceful && running) await stopGracefully(running);
    else await this.kill(service);
    await this.startService(service);
  }

  async stopBroker(): Promise<void> {
    await down([this.kafka as Server]);
  }

  async startBroker(): Promise<void> {
    await ensureAll([this.kafka as Server]);
  }

  /** SIGSTOP (`resume`: SIGCONT): the database holds its connections open and answers nothing. */
  pauseDatabase(paused: boolean): void {
    const pid = this.database?.pid();
    if (pid === undefined) throw new Error('the database is not running');
    process.kill(pid, paused ? 'SIGSTOP' : 'SIGCONT');
  }

  /** Every service's pid, for memory figures. */
  pids(): Record<string, number | undefined> {
    return Object.fromEntries([...this.processes].map(([service, running]) => [service, running.child.pid]));
  }

  /** The end of a service's output, for a failure's message. */
  tail(service: FaultSiteService, chars = 3_000): string {
    return this.processes.get(service)?.output().slice(-chars) ?? '';
  }

  /** SIGTERM to every service (SIGKILL after 20 s), the database resumed if paused, then the servers down. */
  async close(): Promise<void> {
    const pid = this.database?.pid();
    if (pid !== undefined) process.kill(pid, 'SIGCONT');
    await Promise.all([...this.processes.values()].map((running) => stopGracefully(running)));
    await this.cells.dispose();
  }

  private async startService(service: FaultSiteService): Promise<void> {
    const cellService = this.serviceOf(service);
    const main = join(repoRoot, 'services', service, 'src/main.ts');
    const env = { ...cellServiceEnvironment(cellService, this.tokens.environment), LOG_LEVEL: 'warn' };
    const running = runTypeScriptProcess(main, env);
    this.processes.set(service, running);
    await eventually(
      async () => {
        if (running.child.exitCode !== null) throw new Error(`${service} exited (${running.child.exitCode})`);
        return (await fetch(`${this.url(service)}/health/ready`).catch(() => undefined))?.status === 200;
      },
      `${this.site}/${service} ready`,
      180_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${running.output().slice(-3_000)}`);
    });
  }

  private serviceOf(service: FaultSiteService): CellService {
    const found = this.services.find((candidate) => candidate.service === service);
    if (!found) throw new Error(`${service} is not configured at ${this.site}`);
    return found;
  }
}
