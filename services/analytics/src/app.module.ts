import { Module } from '@nestjs/common';
import { PlatformModule } from '@technopark/platform';
import { ANALYTICS_SERVICE } from './analytics.service-descriptor';
import { DashboardModule } from './dashboard/dashboard.module';
import { KpisModule } from './kpis/kpis.module';
import { ApplicationsProjectionModule } from './projections/applications/applications-projection.module';
import { CommunityProjectionModule } from './projections/community/community-projection.module';
import { FundingProjectionModule } from './projections/funding/funding-projection.module';
import { ReportsProjectionModule } from './projections/reports/reports-projection.module';
import { ResidencyProjectionModule } from './projections/residency/residency-projection.module';
import { StreamModule } from './stream/stream.module';
import { TimelineModule } from './timeline/timeline.module';

/** One projection module per family of events read; a new family is one more module here. */
const PROJECTIONS = [
  ApplicationsProjectionModule,
  ResidencyProjectionModule,
  ReportsProjectionModule,
  FundingProjectionModule,
  CommunityProjectionModule,
];

@Module({
  imports: [
    PlatformModule.forService(ANALYTICS_SERVICE),
    ...PROJECTIONS,
    KpisModule,
    TimelineModule,
    StreamModule,
    DashboardModule,
  ],
})
export class AppModule {}
