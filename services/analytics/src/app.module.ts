import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PlatformModule } from '@technopark/platform';
import { ANALYTICS_SERVICE } from './analytics.service-descriptor';
import { FunnelService } from './kpis/funnel.service';
import { KpiSite, KpiSiteSchema, KpiYear, KpiYearSchema } from './kpis/kpi-cell.schema';
import { KpiCellsRepository } from './kpis/kpi-cells.repository';
import { KpisController } from './kpis/kpis.controller';
import { KpisService } from './kpis/kpis.service';
import { SeriesService } from './kpis/series.service';
import { SiteKpisController } from './kpis/site-kpis.controller';
import { SitesController } from './kpis/sites.controller';
import { KnownSitesService } from './kpis/known-sites.service';
import { CohortsService } from './kpis/cohorts.service';
import { EconomyService } from './kpis/economy.service';
import { TimelineController } from './timeline/timeline.controller';
import { RecordsController } from './timeline/records.controller';
import { DashboardController } from './dashboard/dashboard.controller';
import { KpiStreamController } from './stream/kpi-stream.controller';
import { KpiStreamService } from './stream/kpi-stream.service';
import { KpiSnapshotPublisher } from './stream/kpi-snapshot-publisher';
import { KpiSnapshot, KpiSnapshotSchema } from './stream/kpi-snapshot.schema';
import { KpiVersionRepository } from './stream/kpi-version.repository';
import { KpiVersion, KpiVersionSchema } from './stream/kpi-version.schema';
import { PlatformEventsConsumer } from './projections/platform-events.consumer';
import { EventsProjector } from './projections/events-projector';
import { Submission, SubmissionSchema } from './projections/submission.schema';
import { JobsRepository } from './economy/jobs.repository';
import { StartupHeadcount, StartupHeadcountSchema } from './economy/startup-headcount.schema';
import { SiteOccupancy, SiteOccupancySchema } from './occupancy/site-occupancy.schema';
import { TimelineEntry, TimelineEntrySchema } from './timeline/timeline-entry.schema';
import { ResidentsService } from './kpis/residents.service';
import { StartupSectorsRepository } from './sectors/startup-sectors.repository';
import { StartupSectors, StartupSectorsSchema } from './sectors/startup-sectors.schema';

@Module({
  imports: [PlatformModule.forService(ANALYTICS_SERVICE), MongooseModule.forFeature([
      { name: KpiYear.name, schema: KpiYearSchema },
      { name: KpiSite.name, schema: KpiSiteSchema },
      { name: StartupHeadcount.name, schema: StartupHeadcountSchema },
      { name: TimelineEntry.name, schema: TimelineEntrySchema },
      { name: SiteOccupancy.name, schema: SiteOccupancySchema },
      { name: KpiVersion.name, schema: KpiVersionSchema },
      { name: Submission.name, schema: SubmissionSchema },
      { name: KpiSnapshot.name, schema: KpiSnapshotSchema },
      { name: StartupSectors.name, schema: StartupSectorsSchema },
    ])],
  controllers: [DashboardController, SitesController, RecordsController, KpisController, SiteKpisController, KpiStreamController, TimelineController, PlatformEventsConsumer],
  providers: [KnownSitesService, KpiCellsRepository, FunnelService, ResidentsService, CohortsService, EconomyService, KpisService, SeriesService, JobsRepository, EventsProjector, KpiVersionRepository, KpiStreamService, KpiSnapshotPublisher, StartupSectorsRepository],
})
export class AppModule {}
