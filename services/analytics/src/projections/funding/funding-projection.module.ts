import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { MatchedResident, MatchedResidentSchema } from '../../funding/matched-resident.schema';
import { MatchedResidentsRepository } from '../../funding/matched-residents.repository';
import { ProjectionModule } from '../projection.module';
import { FundingProjectionConsumer } from './funding-projection.consumer';

/** Money raised, introductions and matches, from funding matching's events. */
@Module({
  imports: [
    ProjectionModule,
    MongooseModule.forFeature([{ name: MatchedResident.name, schema: MatchedResidentSchema }]),
  ],
  controllers: [FundingProjectionConsumer],
  providers: [MatchedResidentsRepository],
})
export class FundingProjectionModule {}
