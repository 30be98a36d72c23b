import { Module } from '@nestjs/common';
import { ProjectionModule } from '../projection.module';
import { ApplicationsProjectionConsumer } from './applications-projection.consumer';

/** The funnel, decision times and the funnel per sector, from the applications service's events. */
@Module({ imports: [ProjectionModule], controllers: [ApplicationsProjectionConsumer] })
export class ApplicationsProjectionModule {}
