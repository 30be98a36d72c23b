import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cellServers, down, ensureAll, replicationServer, type Server } from '../infrastructure';
import type { CellFile } from './cell-file';
import { hqCell, siteCells } from './cells';
import { platformServers } from './platform-servers';

/**
 * Cells configured the way an operator does it (env files), but in a temporary folder of their own
 * and on free ports, so that a suite or a benchmark never touches a running `npm start`. While it
 * lives, the tooling reads its cells (TECHNOPARK_DEPLOY_DIR) and keeps their data in it
 * (TECHNOPARK_CELLS_HOME).
 */
export class ScratchCells {
  readonly home = mkdtempSync(join(tmpdir(), 'technopark-cells-'));
  private readonly deployDir = join(this.home, 'deploy');
  private readonly previousEnv = {
    TECHNOPARK_DEPLOY_DIR: process.env['TECHNOPARK_DEPLOY_DIR'],
    TECHNOPARK_CELLS_HOME: process.env['TECHNOPARK_CELLS_HOME'],
  };

  constructor() {
    mkdirSync(join(this.deployDir, 'sites'), { recursive: true });
    process.env['TECHNOPARK_DEPLOY_DIR'] = this.deployDir;
    process.env['TECHNOPARK_CELLS_HOME'] = join(this.home, 'cells');
  }

  /** Writes `sites/<site>.env`: the site's id, its servers' ports, and a port per service it runs. */
  async configureSite(
    site: string,
    services: readonly string[],
    extra: Record<string, string> = {},
  ): Promise<CellFile> {
    this.write(join('sites', `${site}.env`), {
      SITE_ID: site,
      ...(await serverPorts()),
      ...(await servicePorts(services)),
      ...extra,
    });
    return this.cell(site);
  }

  async configureHq(services: readonly string[], extra: Record<string, string> = {}): Promise<CellFile> {
    this.write('hq.env', {
      SITE_ID: 'national',
      ANALYTICS_SCOPE: 'national',
      ...(await serverPorts()),
      ...(await servicePorts(services)),
      ...extra,
    });
    return this.cell('hq');
  }

  cell(name: string): CellFile {
    if (name === 'hq') return hqCell(this.deployDir);
    const found = siteCells(this.deployDir).find((cell) => cell.name === name);
    if (!found) throw new Error(`no cell ${name} is configured in ${this.deployDir}`);
    return found;
  }

  /** The sites' brokers and databases, HQ's, and the sites' MirrorMaker 2, as `npm start` brings them up. */
  async startInfrastructure(sites: readonly string[]): Promise<void> {
    await ensureAll(platformServers({ sites: sites.map((site) => this.cell(site)), hq: this.cell('hq') }));
  }

  kafkaOf(cell: string): Server {
    return cellServers(this.cell(cell))[0] as Server;
  }

  replicationOf(site: string): Server {
    return replicationServer(this.cell(site), this.cell('hq'));
  }

  /** Stops every server of every cell configured here; CELLS_KEEP_HOME=1 keeps their logs and data to look at. */
  async dispose(): Promise<void> {
    const cells = this.cells();
    const hq = cells.find((cell) => cell.kind === 'hq');
    const links = hq ? cells.filter((cell) => cell.kind === 'site').map((site) => replicationServer(site, hq)) : [];
    await down([...links, ...cells.flatMap(cellServers)]);
    for (const [name, value] of Object.entries(this.previousEnv)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    if (process.env['CELLS_KEEP_HOME']) console.log(`cells: kept ${this.home}`);
    else rmSync(this.home, { recursive: true, force: true });
  }

  private cells(): CellFile[] {
    const sites = siteCells(this.deployDir);
    return existsSync(join(this.deployDir, 'hq.env')) ? [...sites, hqCell(this.deployDir)] : sites;
  }

  private write(relativePath: string, variables: Record<string, string>): void {
    const lines = Object.entries(variables).map(([key, value]) => `${key}=${value}`);
    writeFileSync(join(this.deployDir, relativePath), `${lines.join('\n')}\n`);
  }
}

async function servicePorts(services: readonly string[]): Promise<Record<string, string>> {
  const ports: Record<string, string> = {};
  for (const service of services)
    ports[`CELL_${service.toUpperCase().replace(/-/g, '_')}_PORT`] = String(await freePort());
  return ports;
}

/** A broker port whose next port (the controller's) is free too, and a database port. */
async function serverPorts(): Promise<Record<string, string>> {
  for (;;) {
    const kafka = await freePort();
    if (await isFree(kafka + 1)) return { CELL_KAFKA_PORT: String(kafka), CELL_MONGO_PORT: String(await freePort()) };
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
  });
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
      .once('error', () => resolve(false))
      .listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
