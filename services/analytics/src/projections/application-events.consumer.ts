import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ApplicationAccepted, ApplicationRejected, ApplicationReviewStarted, ApplicationSubmitted, ApplicationWaitlisted, ApplicationWithdrawn, type ApplicationReferenceV1 } from '@technopark/contracts';
import { HandleEvent, type ReceivedEvent } from '@technopark/messaging';
import { KpiCellsRepository } from '../kpis/kpi-cells.repository';
import { funnelIncrements } from './funnel.projection';

/** Application events feed the funnel, by event time. */
@Controller()
export class ApplicationEventsConsumer {
  constructor(private readonly cells: KpiCellsRepository) {}

  @HandleEvent(ApplicationSubmitted)
  onSubmitted(@Payload() event: ReceivedEvent<ApplicationReferenceV1>): Promise<void> {
    return this.count(event);
  }

  @HandleEvent(ApplicationReviewStarted)
  onReviewStarted(@Payload() event: ReceivedEvent<ApplicationReferenceV1>): Promise<void> {
    return this.count(event);
  }

  @HandleEvent(ApplicationAccepted)
  onAccepted(@Payload() event: ReceivedEvent<ApplicationReferenceV1>): Promise<void> {
    return this.count(event);
  }

  @HandleEvent(ApplicationRejected)
  onRejected(@Payload() event: ReceivedEvent<ApplicationReferenceV1>): Promise<void> {
    return this.count(event);
  }

  @HandleEvent(ApplicationWaitlisted)
  onWaitlisted(@Payload() event: ReceivedEvent<ApplicationReferenceV1>): Promise<void> {
    return this.count(event);
  }

  @HandleEvent(ApplicationWithdrawn)
  onWithdrawn(@Payload() event: ReceivedEvent<ApplicationReferenceV1>): Promise<void> {
    return this.count(event);
  }

  private async count(event: ReceivedEvent<ApplicationReferenceV1>): Promise<void> {
    await this.cells.apply(funnelIncrements(event.type, event.site, event.time, event.data), event);
  }
}
