import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { KpiSite, KpiSiteSchema, KpiYear, KpiYearSchema } from '../kpis/kpi-cell.schema';
import { KpiCellsRepository } from '../kpis/kpi-cells.repository';
import { OccupancyRepository } from '../occupancy/occupancy.repository';
import { SiteOccupancy, SiteOccupancySchema } from '../occupancy/site-occupancy.schema';
import { StartupSectorsRepository } from '../sectors/startup-sectors.repository';
import { StartupSectors, StartupSectorsSchema } from '../sectors/startup-sectors.schema';
import { KpiVersionRepository } from '../kpis/kpi-version.repository';
import { KpiVersion, KpiVersionSchema } from '../kpis/kpi-version.schema';
import { TimelineEntry, TimelineEntrySchema } from '../timeline/timeline-entry.schema';
import { TimelineRepository } from '../timeline/timeline.repository';
import { WaitStart, WaitStartSchema } from '../waits/wait-start.schema';
import { WaitStartsRepository } from '../waits/wait-starts.repository';
import { ReachRepository } from '../reach/reach.repository';
import { SpanStateUpgrade } from '../reach/span-state-upgrade';
import {
  OpenResidencies,
  OpenResidenciesSchema,
  ResidencySpan,
  ResidencySpanSchema,
  ResidentQuarter,
  ResidentQuarterSchema,
  StartupReach,
  StartupReachSchema,
} from '../reach/reach.schemas';

const REPOSITORIES = [
  KpiCellsRepository,
  KpiVersionRepository,
  OccupancyRepository,
  ReachRepository,
  StartupSectorsRepository,
  TimelineRepository,
  WaitStartsRepository,
];

/** The projections' shared state and the only classes that touch it: projections write through them, queries read. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: KpiYear.name, schema: KpiYearSchema },
      { name: KpiSite.name, schema: KpiSiteSchema },
      { name: KpiVersion.name, schema: KpiVersionSchema },
      { name: SiteOccupancy.name, schema: SiteOccupancySchema },
      { name: StartupSectors.name, schema: StartupSectorsSchema },
      { name: TimelineEntry.name, schema: TimelineEntrySchema },
      { name: WaitStart.name, schema: WaitStartSchema },
      { name: StartupReach.name, schema: StartupReachSchema },
      { name: ResidencySpan.name, schema: ResidencySpanSchema },
      { name: ResidentQuarter.name, schema: ResidentQuarterSchema },
      { name: OpenResidencies.name, schema: OpenResidenciesSchema },
    ]),
  ],
  providers: [...REPOSITORIES, SpanStateUpgrade],
  exports: REPOSITORIES,
})
export class AnalyticsStoreModule {}
