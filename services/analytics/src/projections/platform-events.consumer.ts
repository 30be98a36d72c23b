import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  ApplicationAccepted, ApplicationRejected, ApplicationReviewStarted, ApplicationScored, ApplicationSubmitted, ApplicationWaitlisted, ApplicationWithdrawn,
  OccupancyChanged, ResidencyAllocated, StartupProfileUpdated, StartupRegistered, ResidencyEnded, ResidencyExtended, ResidencyMoved, ResidencyStarted, ResidencyWaitlisted, ResidentReportSubmitted,
} from '@technopark/contracts';
import { HandleEvent, type ReceivedEvent } from '@technopark/messaging';
import { EventsProjector } from './events-projector';

/**
 * The events analytics reads: one handler per published type, all projected the same way. Another
 * service's events (funding-matching, events) plug in with a handler here and a projection.
 */
@Controller()
export class PlatformEventsConsumer {
  constructor(private readonly projector: EventsProjector) {}

  @HandleEvent(StartupRegistered) registered(@Payload() event: ReceivedEvent<object>) { return this.projector.project(event); }
  @HandleEvent(StartupProfileUpdated) profileUpdated(@Payload() event: ReceivedEvent<object>) { return this.projector.project(event); }
  @HandleEvent(ApplicationSubmitted) submitted(@Payload() event: ReceivedEvent<object>) { return this.projector.project(event); }
  @HandleEvent(ApplicationReviewStarted) reviewStarted(@Payload() event: ReceivedEvent<object>) { return this.projector.project(event); }
  @HandleEvent(ApplicationScored) scored(@Payload() event: ReceivedEvent<object>) { return this.projector.project(event); }
  @HandleEvent(ApplicationAccepted) accepted(@Payload() event: ReceivedEvent<object>) { return this.projector.project(event); }
  @HandleEvent(ApplicationRejected) rejected(@Payload() event: ReceivedEvent<object>) { return this.projector.project(event); }
  @HandleEvent(ApplicationWaitlisted) waitlisted(@Payload() event: ReceivedEvent<object>) { return this.projector.project(event); }
  @HandleEvent(ApplicationWithdrawn) withdrawn(@Payload() event: ReceivedEvent<object>) { return this.projector.project(event); }
  @HandleEvent(ResidencyAllocated) allocated(@Payload() event: ReceivedEvent<object>) { return this.projector.project(event); }
  @HandleEvent(ResidencyWaitlisted) residencyWaitlisted(@Payload() event: ReceivedEvent<object>) { return this.projector.project(event); }
  @HandleEvent(ResidencyStarted) started(@Payload() event: ReceivedEvent<object>) { return this.projector.project(event); }
  @HandleEvent(ResidencyExtended) extended(@Payload() event: ReceivedEvent<object>) { return this.projector.project(event); }
  @HandleEvent(ResidencyMoved) moved(@Payload() event: ReceivedEvent<object>) { return this.projector.project(event); }
  @HandleEvent(ResidencyEnded) ended(@Payload() event: ReceivedEvent<object>) { return this.projector.project(event); }
  @HandleEvent(ResidentReportSubmitted) reported(@Payload() event: ReceivedEvent<object>) { return this.projector.project(event); }
  @HandleEvent(OccupancyChanged) occupancyChanged(@Payload() event: ReceivedEvent<object>) { return this.projector.project(event); }
}
