import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { SiteOccupancy } from '../occupancy/site-occupancy.schema';
import { CohortsService } from './cohorts.service';
import { EconomyService } from './economy.service';
import { FunnelService } from './funnel.service';
import type { KpisView } from './kpi.views';
import { ResidentsService } from './residents.service';

/** Every KPI of a site, read from the materialized projections. */
@Injectable()
export class KpisService {
  constructor(
    readonly funnel: FunnelService,
    readonly residents: ResidentsService,
    readonly cohorts: CohortsService,
    readonly economy: EconomyService,
    @InjectModel(SiteOccupancy.name) private readonly occupancy: Model<SiteOccupancy>,
  ) {}

  /** One site's KPIs, or (without `site`) those of every site this instance reads: the network's for a national instance. */
  async all(range: { from: string; to: string }, funnelFilter: { programId?: string; sector?: string }, site?: string): Promise<KpisView> {
    const scoped = { ...range, site };
    const [funnel, residents, cohorts, economy, occupancy] = await Promise.all([
      this.funnel.figures({ ...scoped, ...funnelFilter }),
      this.residents.figures(scoped),
      this.cohorts.figures(scoped),
      this.economy.figures(scoped),
      this.occupancy.find(site ? { _id: site } : {}).sort({ _id: 1 }).lean<SiteOccupancy[]>(),
    ]);
    return { scope: site ?? 'all', range, funnel, residents, occupancy: occupancy.map(({ _id, version, figures, asOf }) => ({ site: _id, version, asOf, ...figures })), cohorts, economy };
  }
}
