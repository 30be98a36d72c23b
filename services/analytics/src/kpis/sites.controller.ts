import { Controller, Get, Inject } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SERVICE_ENVIRONMENT } from '@technopark/platform';
import { Roles } from '@technopark/security';
import type { Model } from 'mongoose';
import type { AnalyticsEnvironment } from '../config/analytics.environment';
import { SiteOccupancy } from '../occupancy/site-occupancy.schema';
import { KpiCellsRepository } from './kpi-cells.repository';
import { SitesView } from './kpi.views';

/** Which sites this instance has figures for: its own, or (national) every site it has read an event of. */
@ApiTags('kpis')
@Controller('v1/sites')
export class SitesController {
  constructor(
    @Inject(SERVICE_ENVIRONMENT) private readonly environment: AnalyticsEnvironment,
    private readonly cells: KpiCellsRepository,
    @InjectModel(SiteOccupancy.name) private readonly occupancy: Model<SiteOccupancy>,
  ) {}

  @Get()
  @Roles('site-staff', 'committee-member', 'partner')
  @ApiOperation({ summary: 'The sites whose KPIs this instance serves (a national instance: every site it has read)' })
  @ApiOkResponse({ type: SitesView })
  async list(): Promise<SitesView> {
    if (this.environment.ANALYTICS_SCOPE === 'site') return { scope: 'site', sites: [this.environment.SITE_ID] };
    const [counted, occupied] = await Promise.all([this.cells.siteIds(), this.occupancy.distinct('_id')]);
    return { scope: 'national', sites: [...new Set([...counted, ...occupied.map(String)])].sort() };
  }
}
