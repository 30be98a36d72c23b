import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmptyObject,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../../lib/event-contract';
import { EventActorV1 } from '../shared/event-actor.v1';
import { ELIGIBILITIES, EVENT_KINDS, type Eligibility, type EventKind } from './community-terms';

/** A text in the languages the site uses: at least one of them. */
export class LocalizedTextV1 {
  @IsOptional()
  @IsString()
  @Length(1, 300)
  fr?: string;

  @IsOptional()
  @IsString()
  @Length(1, 300)
  en?: string;

  @IsOptional()
  @IsString()
  @Length(1, 300)
  ar?: string;
}

/** What every event-lifecycle event names: the event and who acted. */
export class EventReferenceV1 {
  @IsUUID()
  eventId!: string;

  @ValidateNested()
  @Type(() => EventActorV1)
  actor!: EventActorV1;
}

/** An event as published: its kind, title, time and place, capacity and who may come. */
export class EventScheduledV1 extends EventReferenceV1 {
  @IsIn(EVENT_KINDS)
  kind!: EventKind;

  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => LocalizedTextV1)
  title!: LocalizedTextV1;

  @IsISO8601({ strict: true })
  startsAt!: string;

  @IsISO8601({ strict: true })
  endsAt!: string;

  @IsTimeZone()
  timezone!: string;

  /** The room booked at residency's site, absent for an online event. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/)
  roomId?: string;

  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true })
  onlineUrl?: string;

  @IsInt()
  @Min(1)
  @Max(100_000)
  capacity!: number;

  @IsISO8601({ strict: true })
  registrationOpensAt!: string;

  @IsISO8601({ strict: true })
  registrationClosesAt!: string;

  @IsIn(ELIGIBILITIES)
  eligibility!: Eligibility;

  /** The program whose cohort may register (eligibility `cohort`). */
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,79}$/)
  programId?: string;

  /** Partner programs and funders taking part (Plug and Play, a fund). */
  @ArrayMaxSize(20)
  @Matches(/^[a-z0-9][a-z0-9-]{0,79}$/, { each: true })
  partnerIds!: string[];
}

const EVENT_FIELDS = [
  'title',
  'capacity',
  'registrationOpensAt',
  'registrationClosesAt',
  'eligibility',
  'programId',
  'partnerIds',
  'onlineUrl',
  'roomId',
] as const;

/** An event after a change other than a new date: the whole description and which fields changed. */
export class EventUpdatedV1 extends EventScheduledV1 {
  @ArrayMinSize(1)
  @IsIn(EVENT_FIELDS, { each: true })
  changedFields!: (typeof EVENT_FIELDS)[number][];
}

/** An event moved to new dates; registrations stand. */
export class EventPostponedV1 extends EventReferenceV1 {
  @IsISO8601({ strict: true })
  previousStartsAt!: string;

  @IsISO8601({ strict: true })
  startsAt!: string;

  @IsISO8601({ strict: true })
  endsAt!: string;

  @IsString()
  @Length(1, 500)
  reason!: string;
}

/** An event called off: every registrant is told through `registration.cancelled`. */
export class EventCancelledV1 extends EventReferenceV1 {
  @IsString()
  @Length(1, 500)
  reason!: string;

  /** Registrations (confirmed and waitlisted) cancelled with it. */
  @IsInt()
  @Min(0)
  registrationsCancelled!: number;
}

/** Who came: counted after the event. */
export class AttendanceSummaryV1 {
  @IsInt()
  @Min(0)
  confirmed!: number;

  @IsInt()
  @Min(0)
  checkedIn!: number;

  @IsInt()
  @Min(0)
  walkIns!: number;

  @IsInt()
  @Min(0)
  noShows!: number;

  /** Distinct startups with someone checked in. */
  @IsInt()
  @Min(0)
  startupsReached!: number;
}

export class EventCompletedV1 extends EventReferenceV1 {
  @IsIn(EVENT_KINDS)
  kind!: EventKind;

  @IsISO8601({ strict: true })
  startsAt!: string;

  @ValidateNested()
  @Type(() => AttendanceSummaryV1)
  attendance!: AttendanceSummaryV1;
}

const staff = { id: 'staff-12', role: 'site-staff' as const };
const pitchDay = {
  eventId: '0b7d6c1e-4f3a-4e2b-9c8d-7a6b5c4d3e2f',
  kind: 'investor-session' as const,
  title: { fr: 'Session investisseurs greentech', en: 'Greentech investor session' },
  startsAt: '2027-03-18T14:00:00+01:00',
  endsAt: '2027-03-18T17:00:00+01:00',
  timezone: 'Africa/Casablanca',
  roomId: 'agora-1',
  capacity: 120,
  registrationOpensAt: '2027-02-15T09:00:00+01:00',
  registrationClosesAt: '2027-03-17T18:00:00+01:00',
  eligibility: 'residents' as const,
  partnerIds: ['plug-and-play-morocco'],
  actor: staff,
};

export const EventScheduled = defineEvent<EventScheduledV1>({
  type: 'ma.technopark.event.scheduled.v1',
  stream: 'site-events',
  producer: 'events',
  aggregate: 'event',
  payload: EventScheduledV1,
  subjectOf: (event) => event.eventId,
  description: 'A site published an event (workshop, hackathon, investor session…): registrations can open.',
  example: pitchDay,
});

export const EventUpdated = defineEvent<EventUpdatedV1>({
  type: 'ma.technopark.event.updated.v1',
  stream: 'site-events',
  producer: 'events',
  aggregate: 'event',
  payload: EventUpdatedV1,
  subjectOf: (event) => event.eventId,
  description: 'A published event changed (capacity, title, eligibility…); carries the whole description.',
  example: { ...pitchDay, capacity: 150, changedFields: ['capacity'] },
});

export const EventPostponed = defineEvent<EventPostponedV1>({
  type: 'ma.technopark.event.postponed.v1',
  stream: 'site-events',
  producer: 'events',
  aggregate: 'event',
  payload: EventPostponedV1,
  subjectOf: (event) => event.eventId,
  description: 'A published event moved to new dates; its registrations stand.',
  example: {
    eventId: pitchDay.eventId,
    previousStartsAt: pitchDay.startsAt,
    startsAt: '2027-03-25T14:00:00+01:00',
    endsAt: '2027-03-25T17:00:00+01:00',
    reason: 'the keynote speaker moved',
    actor: staff,
  },
});

export const EventCancelled = defineEvent<EventCancelledV1>({
  type: 'ma.technopark.event.cancelled.v1',
  stream: 'site-events',
  producer: 'events',
  aggregate: 'event',
  payload: EventCancelledV1,
  subjectOf: (event) => event.eventId,
  description: 'An event was called off; each registration is cancelled with it.',
  example: { eventId: pitchDay.eventId, reason: 'room unavailable', registrationsCancelled: 42, actor: staff },
});

export const EventCompleted = defineEvent<EventCompletedV1>({
  type: 'ma.technopark.event.completed.v1',
  stream: 'site-events',
  producer: 'events',
  aggregate: 'event',
  payload: EventCompletedV1,
  subjectOf: (event) => event.eventId,
  description: 'An event took place: its attendance summary (checked in, walk-ins, no-shows).',
  example: {
    eventId: pitchDay.eventId,
    kind: 'investor-session',
    startsAt: pitchDay.startsAt,
    attendance: { confirmed: 110, checkedIn: 92, walkIns: 6, noShows: 24, startupsReached: 31 },
    actor: { id: 'events', role: 'system' },
  },
});
