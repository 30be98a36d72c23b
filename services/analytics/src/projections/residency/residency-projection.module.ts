import { Module } from '@nestjs/common';
import { ProjectionModule } from '../projection.module';
import { ResidencyProjectionConsumer } from './residency-projection.consumer';

/** Residents, cohorts, the waitlist's wait and occupancy, from the residency service's events. */
@Module({ imports: [ProjectionModule], controllers: [ResidencyProjectionConsumer] })
export class ResidencyProjectionModule {}
