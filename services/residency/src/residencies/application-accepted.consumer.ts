import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ApplicationAccepted, type ApplicationAcceptedV1 } from '@technopark/contracts';
import { HandleEvent, type ReceivedEvent } from '@technopark/messaging';
import { AllocationService } from './allocation.service';

/** Accepted startups whose program comes with workspace get a place, or wait for one. */
@Controller()
export class ApplicationAcceptedConsumer {
  constructor(private readonly allocation: AllocationService) {}

  @HandleEvent(ApplicationAccepted)
  async onAccepted(@Payload() event: ReceivedEvent<ApplicationAcceptedV1>): Promise<void> {
    await this.allocation.onAccepted(event.data, new Date(event.time));
  }
}
