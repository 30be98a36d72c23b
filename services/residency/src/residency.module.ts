import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OccupancyController } from './occupancy/occupancy.controller';
import { AllocationService } from './residencies/allocation.service';
import { ApplicationAcceptedConsumer } from './residencies/application-accepted.consumer';
import { ResidenciesRepository } from './residencies/residencies.repository';
import { Residency, ResidencySchema } from './residencies/schemas/residency.schema';
import { Space, SpaceSchema } from './spaces/schemas/space.schema';
import { SpaceClaimsRepository } from './spaces/space-claims.repository';
import { SpacesController } from './spaces/spaces.controller';
import { SpacesRepository } from './spaces/spaces.repository';
import { SpacesService } from './spaces/spaces.service';

@Module({
  imports: [MongooseModule.forFeature([{ name: Space.name, schema: SpaceSchema }, { name: Residency.name, schema: ResidencySchema }])],
  controllers: [SpacesController, OccupancyController, ApplicationAcceptedConsumer],
  providers: [SpacesRepository, SpaceClaimsRepository, SpacesService, ResidenciesRepository, AllocationService],
})
export class ResidencyModule {}
