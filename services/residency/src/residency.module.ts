import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OccupancyController } from './occupancy/occupancy.controller';
import { OccupancySnapshot, OccupancySnapshotSchema } from './occupancy/occupancy.schema';
import { OccupancyService } from './occupancy/occupancy.service';
import { ReportsController } from './reports/reports.controller';
import { ResidentReport, ResidentReportSchema } from './reports/report.schema';
import { ReportsService } from './reports/reports.service';
import { AllocationService } from './residencies/allocation.service';
import { ApplicationAcceptedConsumer } from './residencies/application-accepted.consumer';
import { CapacityFollowUp } from './residencies/capacity-follow-up';
import { ResidenciesController } from './residencies/residencies.controller';
import { ResidenciesRepository } from './residencies/residencies.repository';
import { ResidencyQueries } from './residencies/residency-queries';
import { ResidencySweeper } from './residencies/residency-sweeper';
import { ResidencyWorkflowService } from './residencies/residency-workflow.service';
import { Residency, ResidencySchema } from './residencies/schemas/residency.schema';
import { WaitlistController } from './residencies/waitlist.controller';
import { WaitlistService } from './residencies/waitlist.service';
import { InventorySeeder } from './spaces/inventory-seeder';
import { Space, SpaceSchema } from './spaces/schemas/space.schema';
import { SpaceClaimsRepository } from './spaces/space-claims.repository';
import { SpacesController } from './spaces/spaces.controller';
import { SpacesRepository } from './spaces/spaces.repository';
import { SpaceInventory } from './spaces/space-inventory.service';
import { SpacesService } from './spaces/spaces.service';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Space.name, schema: SpaceSchema },
      { name: Residency.name, schema: ResidencySchema },
      { name: OccupancySnapshot.name, schema: OccupancySnapshotSchema },
      { name: ResidentReport.name, schema: ResidentReportSchema },
    ]),
  ],
  controllers: [
    SpacesController,
    ResidenciesController,
    WaitlistController,
    ReportsController,
    OccupancyController,
    ApplicationAcceptedConsumer,
  ],
  providers: [
    SpacesRepository,
    SpaceClaimsRepository,
    SpacesService,
    SpaceInventory,
    InventorySeeder,
    ResidenciesRepository,
    AllocationService,
    ResidencyWorkflowService,
    ResidencyQueries,
    WaitlistService,
    CapacityFollowUp,
    ResidencySweeper,
    OccupancyService,
    ReportsService,
  ],
})
export class ResidencyModule {}
