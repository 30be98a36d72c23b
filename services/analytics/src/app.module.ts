import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PlatformModule } from '@technopark/platform';
import { ANALYTICS_SERVICE } from './analytics.service-descriptor';
import { FunnelService } from './kpis/funnel.service';
import { KpiCell, KpiCellSchema } from './kpis/kpi-cell.schema';
import { KpiCellsRepository } from './kpis/kpi-cells.repository';
import { KpisController } from './kpis/kpis.controller';
import { ApplicationEventsConsumer } from './projections/application-events.consumer';
import { ResidencyEventsConsumer } from './projections/residency-events.consumer';
import { ResidentsService } from './kpis/residents.service';

@Module({
  imports: [PlatformModule.forService(ANALYTICS_SERVICE), MongooseModule.forFeature([{ name: KpiCell.name, schema: KpiCellSchema }])],
  controllers: [KpisController, ApplicationEventsConsumer, ResidencyEventsConsumer],
  providers: [KpiCellsRepository, FunnelService, ResidentsService],
})
export class AppModule {}
