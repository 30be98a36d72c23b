import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError, SERVICE_ENVIRONMENT } from '@technopark/platform';
import type { AnalyticsEnvironment } from '../config/analytics.environment';
import { OccupancyRepository } from '../occupancy/occupancy.repository';
import { KpiCellsRepository } from './kpi-cells.repository';

/** The sites this instance has figures for: its own, or (national) every site it has read an event of. */
@Injectable()
export class KnownSitesService {
  constructor(
    @Inject(SERVICE_ENVIRONMENT) private readonly environment: AnalyticsEnvironment,
    private readonly cells: KpiCellsRepository,
    private readonly occupancy: OccupancyRepository,
  ) {}

  get scope(): 'site' | 'national' {
    return this.environment.ANALYTICS_SCOPE === 'national' ? 'national' : 'site';
  }

  async list(): Promise<string[]> {
    if (this.scope === 'site') return [this.environment.SITE_ID];
    const [counted, occupied] = await Promise.all([this.cells.siteIds(), this.occupancy.sites()]);
    return [...new Set([...counted, ...occupied])].sort();
  }

  /** 404 for a site this instance has no figure of, rather than a page of zeros. */
  async assertKnown(site: string): Promise<void> {
    const sites = await this.list();
    if (!sites.includes(site))
      throw new NotFoundError('KPI.UNKNOWN_SITE', `this ${this.scope} instance has no figures for site '${site}'`, {
        knownSites: sites,
      });
  }
}
