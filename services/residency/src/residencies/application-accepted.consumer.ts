import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ApplicationAccepted, type ApplicationAcceptedV1 } from '@technopark/contracts';
import { HandleEvent, type ReceivedEvent } from '@technopark/messaging';
import { AllocationService } from './allocation.service';
import { CapacityFollowUp } from './capacity-follow-up';

/** Accepted startups whose program comes with workspace get a place, or wait for one. */
@Controller()
export class ApplicationAcceptedConsumer {
  constructor(
    private readonly allocation: AllocationService,
    private readonly followUp: CapacityFollowUp,
  ) {}

  @HandleEvent(ApplicationAccepted)
  async onAccepted(@Payload() event: ReceivedEvent<ApplicationAcceptedV1>): Promise<void> {
    if (await this.allocation.onAccepted(event.data, new Date(event.time))) await this.followUp.afterChange(false);
  }
}
