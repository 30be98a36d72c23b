import { Module } from '@nestjs/common';
import { AnalyticsStoreModule } from '../store/analytics-store.module';
import { EventProjection } from './event-projection';

/** What every projection module imports: the shared store and the one way an event's effects are stored. */
@Module({
  imports: [AnalyticsStoreModule],
  providers: [EventProjection],
  exports: [EventProjection, AnalyticsStoreModule],
})
export class ProjectionModule {}
