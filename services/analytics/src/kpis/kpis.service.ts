import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { SiteOccupancy } from '../occupancy/site-occupancy.schema';
import { CohortsService } from './cohorts.service';
import { EconomyService } from './economy.service';
import { FunnelService } from './funnel.service';
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

  async all(range: { from: string; to: string }, programId?: string) {
    const [funnel, residents, cohorts, economy, occupancy] = await Promise.all([
      this.funnel.figures({ ...range, programId }),
      this.residents.figures(range),
      this.cohorts.figures(range),
      this.economy.figures(range),
      this.occupancy.find().lean<SiteOccupancy[]>(),
    ]);
    return { range, funnel, residents, occupancy: occupancy.map(({ _id, version, figures, asOf }) => ({ site: _id, version, asOf, ...figures })), cohorts, economy };
  }
}
