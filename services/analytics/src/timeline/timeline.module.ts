import { Module } from '@nestjs/common';
import { AnalyticsStoreModule } from '../store/analytics-store.module';
import { RecordsController } from './records.controller';
import { TimelineController } from './timeline.controller';

/** A startup's life across services, and the records behind a counted figure. */
@Module({ imports: [AnalyticsStoreModule], controllers: [TimelineController, RecordsController] })
export class TimelineModule {}
