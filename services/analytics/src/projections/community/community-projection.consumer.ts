import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  AttendanceCheckedIn,
  type AttendanceCheckedInV1,
  CompetitionResultsPublished,
  type CompetitionResultsPublishedV1,
  EventCompleted,
  type EventCompletedV1,
  RegistrationConfirmed,
  RegistrationPromoted,
  type RegistrationReferenceV1,
} from '@technopark/contracts';
import { EventContext, type EventEffects, HandleEvent, type ReceivedEvent } from '@technopark/messaging';
import { ReachRepository } from '../../reach/reach.repository';
import { EventProjection } from '../event-projection';
import {
  completedIncrements,
  registrationIncrements,
  resultsIncrements,
  startupPlacements,
} from './community.projection';

/** The events service's events: events held and their attendance, registrations, and startups' timelines. */
@Controller()
export class CommunityProjectionConsumer {
  constructor(
    private readonly projection: EventProjection,
    private readonly reach: ReachRepository,
  ) {}

  /** A startup's registration joins its timeline ("registered"); a person's counts without one. */
  @HandleEvent(RegistrationConfirmed)
  confirmed(@Payload() event: ReceivedEvent<RegistrationReferenceV1>, @Ctx() context: EventContext) {
    return this.registration(event, context.effects);
  }

  @HandleEvent(RegistrationPromoted)
  promoted(@Payload() event: ReceivedEvent<RegistrationReferenceV1>, @Ctx() context: EventContext) {
    return this.registration(event, context.effects);
  }

  /** Someone of a startup came in: "attended" on its timeline, and the startup reached this quarter. */
  @HandleEvent(AttendanceCheckedIn)
  checkedIn(@Payload() event: ReceivedEvent<AttendanceCheckedInV1>, @Ctx() context: EventContext) {
    const { startupId } = event.data.registrant;
    return this.projection.record(event, context.effects, {
      ...(startupId && {
        startupId,
        ownEffect: () => this.reach.reached(event.site, startupId, event.data.checkedInAt),
      }),
    });
  }

  @HandleEvent(EventCompleted)
  completed(@Payload() event: ReceivedEvent<EventCompletedV1>, @Ctx() context: EventContext) {
    return this.projection.record(event, context.effects, { increments: completedIncrements(event.site, event.data) });
  }

  /** Results: the competition and its prizes counted, and each startup's place on its timeline. */
  @HandleEvent(CompetitionResultsPublished)
  results(@Payload() event: ReceivedEvent<CompetitionResultsPublishedV1>, @Ctx() context: EventContext) {
    return this.projection.record(event, context.effects, {
      increments: resultsIncrements(event.site, event.time, event.data),
      startupEntries: startupPlacements(event.site, event.time, event.data),
    });
  }

  private registration(event: ReceivedEvent<RegistrationReferenceV1>, effects: EventEffects) {
    const { startupId } = event.data.registrant;
    return this.projection.record(event, effects, {
      ...(startupId && { startupId }),
      increments: registrationIncrements(event.site, event.data.seats, event.time),
    });
  }
}
