import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ResidencyEnded, type ResidencyEndedV1, ResidencyStarted, type ResidencyStartedV1 } from '@technopark/contracts';
import { HandleEvent, type ReceivedEvent } from '@technopark/messaging';
import { KpiCellsRepository } from '../kpis/kpi-cells.repository';
import { arrivalIncrements, departureIncrements } from './residency.projection';

/** Move-ins and ends feed residents, arrivals, departures and turnover. */
@Controller()
export class ResidencyEventsConsumer {
  constructor(private readonly cells: KpiCellsRepository) {}

  @HandleEvent(ResidencyStarted)
  async onStarted(@Payload() event: ReceivedEvent<ResidencyStartedV1>): Promise<void> {
    await this.cells.apply(arrivalIncrements(event.site, event.data), event);
  }

  @HandleEvent(ResidencyEnded)
  async onEnded(@Payload() event: ReceivedEvent<ResidencyEndedV1>): Promise<void> {
    await this.cells.apply(departureIncrements(event.site, event.data), event);
  }
}
