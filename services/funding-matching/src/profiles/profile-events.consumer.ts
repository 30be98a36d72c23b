import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  ResidencyAllocated,
  type ResidencyAllocatedV1,
  ResidencyEnded,
  type ResidencyEndedV1,
  ResidencyStarted,
  type ResidencyStartedV1,
  ResidencyWaitlisted,
  type ResidencyWaitlistedV1,
  ResidentReportSubmitted,
  type ResidentReportSubmittedV1,
  StartupProfileUpdated,
  type StartupProfileUpdatedV1,
  StartupRegistered,
  type StartupRegisteredV1,
} from '@technopark/contracts';
import { HandleEvent, type ReceivedEvent } from '@technopark/messaging';
import { registrationUpdate, residencyUpdate } from './profile-facts';
import { ProfilesService } from './profiles.service';

/** The startup funding profile, kept from applications' and residency's events; each change recomputes the startup's row. */
@Controller()
export class ProfileEventsConsumer {
  constructor(private readonly profiles: ProfilesService) {}

  @HandleEvent(StartupRegistered)
  registered(@Payload() event: ReceivedEvent<StartupRegisteredV1>) {
    return this.profiles.apply(event.data.startupId, registrationUpdate(event.data), event);
  }

  @HandleEvent(StartupProfileUpdated)
  profileUpdated(@Payload() event: ReceivedEvent<StartupProfileUpdatedV1>) {
    return this.profiles.apply(event.data.startupId, registrationUpdate(event.data), event);
  }

  @HandleEvent(ResidencyAllocated)
  allocated(@Payload() event: ReceivedEvent<ResidencyAllocatedV1>) {
    return this.profiles.apply(event.data.startupId, residencyUpdate(event.data, 'allocated'), event);
  }

  @HandleEvent(ResidencyWaitlisted)
  waitlisted(@Payload() event: ReceivedEvent<ResidencyWaitlistedV1>) {
    return this.profiles.apply(event.data.startupId, residencyUpdate(event.data, 'waitlisted'), event);
  }

  @HandleEvent(ResidencyStarted)
  started(@Payload() event: ReceivedEvent<ResidencyStartedV1>) {
    return this.profiles.apply(event.data.startupId, residencyUpdate(event.data, 'started'), event);
  }

  @HandleEvent(ResidencyEnded)
  ended(@Payload() event: ReceivedEvent<ResidencyEndedV1>) {
    return this.profiles.apply(event.data.startupId, residencyUpdate(event.data, 'ended'), event);
  }

  @HandleEvent(ResidentReportSubmitted)
  reported(@Payload() event: ReceivedEvent<ResidentReportSubmittedV1>) {
    return this.profiles.applyReport(event);
  }
}
