import { Module } from '@nestjs/common';
import { AnalyticsStoreModule } from '../store/analytics-store.module';
import { CohortsService } from './cohorts.service';
import { EconomyService } from './economy.service';
import { CommunityService } from './community.service';
import { FundingService } from './funding.service';
import { FunnelService } from './funnel.service';
import { KnownSitesService } from './known-sites.service';
import { KpisController } from './kpis.controller';
import { KpisService } from './kpis.service';
import { ResidentsService } from './residents.service';
import { SeriesService } from './series.service';
import { SiteKpisController } from './site-kpis.controller';
import { SitesController } from './sites.controller';

/** The KPI queries: every figure, per site, over time, read from the projections' cells. */
@Module({
  imports: [AnalyticsStoreModule],
  controllers: [SitesController, KpisController, SiteKpisController],
  providers: [
    KnownSitesService,
    FunnelService,
    ResidentsService,
    CohortsService,
    EconomyService,
    FundingService,
    CommunityService,
    KpisService,
    SeriesService,
  ],
  exports: [KpisService],
})
export class KpisModule {}
