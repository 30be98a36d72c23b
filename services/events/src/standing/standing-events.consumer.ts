import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  ApplicationAccepted,
  type ApplicationAcceptedV1,
  ResidencyEnded,
  type ResidencyEndedV1,
  ResidencyStarted,
  type ResidencyStartedV1,
  StartupRegistered,
  type StartupRegisteredV1,
} from '@technopark/contracts';
import { HandleEvent, type ReceivedEvent } from '@technopark/messaging';
import { StandingRepository } from './standing.repository';

/** Startups' standing for eligibility: registered, resident now, accepted into which programs. */
@Controller()
export class StandingEventsConsumer {
  constructor(private readonly standings: StandingRepository) {}

  @HandleEvent(StartupRegistered)
  registered(@Payload() event: ReceivedEvent<StartupRegisteredV1>) {
    return this.standings.applyEvent(event.data.startupId, { $set: { registered: true } }, event);
  }

  @HandleEvent(ApplicationAccepted)
  accepted(@Payload() event: ReceivedEvent<ApplicationAcceptedV1>) {
    return this.standings.applyEvent(event.data.startupId, { $addToSet: { programs: event.data.programId } }, event);
  }

  @HandleEvent(ResidencyStarted)
  started(@Payload() event: ReceivedEvent<ResidencyStartedV1>) {
    return this.standings.applyEvent(event.data.startupId, { $set: { resident: true } }, event);
  }

  @HandleEvent(ResidencyEnded)
  ended(@Payload() event: ReceivedEvent<ResidencyEndedV1>) {
    return this.standings.applyEvent(event.data.startupId, { $set: { resident: false } }, event);
  }
}
