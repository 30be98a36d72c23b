import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { KpisModule } from '../kpis/kpis.module';
import { AnalyticsStoreModule } from '../store/analytics-store.module';
import { KpiSnapshotPublisher } from './kpi-snapshot-publisher';
import { KpiSnapshot, KpiSnapshotSchema } from './kpi-snapshot.schema';
import { KpiStreamController } from './kpi-stream.controller';
import { KpiStreamService } from './kpi-stream.service';

/** The KPIs pushed on change: to dashboards over server-sent events, and to Kafka as `kpi.updated`. */
@Module({
  imports: [
    AnalyticsStoreModule,
    KpisModule,
    MongooseModule.forFeature([{ name: KpiSnapshot.name, schema: KpiSnapshotSchema }]),
  ],
  controllers: [KpiStreamController],
  providers: [KpiStreamService, KpiSnapshotPublisher],
})
export class StreamModule {}
