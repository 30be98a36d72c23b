import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../../lib/event-contract';
import { EventActorV1 } from '../shared/event-actor.v1';
import {
  REGISTRANT_KINDS,
  REGISTRATION_CANCEL_REASONS,
  type RegistrantKind,
  type RegistrationCancelReason,
} from './community-terms';

/** Who holds a registration: a startup (for a number of its members) or one person, by id only. */
export class RegistrantV1 {
  @IsIn(REGISTRANT_KINDS)
  kind!: RegistrantKind;

  /** The startup registering, or the startup a person belongs to when they said so. */
  @IsOptional()
  @IsUUID()
  startupId?: string;

  /** The person's token subject, for an individual. */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  personId?: string;
}

/** What every registration event carries. */
export class RegistrationReferenceV1 {
  @IsUUID()
  registrationId!: string;

  @IsUUID()
  eventId!: string;

  @ValidateNested()
  @Type(() => RegistrantV1)
  registrant!: RegistrantV1;

  /** Places it holds: the members a startup registers, 1 for a person. */
  @IsInt()
  @Min(1)
  @Max(50)
  seats!: number;

  @ValidateNested()
  @Type(() => EventActorV1)
  actor!: EventActorV1;
}

/** A registration on the waiting list, at a position (1 is next). */
export class RegistrationWaitlistedV1 extends RegistrationReferenceV1 {
  @IsInt()
  @Min(1)
  position!: number;
}

export class RegistrationCancelledV1 extends RegistrationReferenceV1 {
  @IsIn(REGISTRATION_CANCEL_REASONS)
  reason!: RegistrationCancelReason;

  /** It held seats (confirmed) rather than a place on the waiting list. */
  @IsBoolean()
  wasConfirmed!: boolean;
}

/** Someone came in: with a registration's code, or as a walk-in staff let in. */
export class AttendanceCheckedInV1 {
  @IsUUID()
  eventId!: string;

  /** Absent for a walk-in. */
  @IsOptional()
  @IsUUID()
  registrationId?: string;

  @ValidateNested()
  @Type(() => RegistrantV1)
  registrant!: RegistrantV1;

  @IsBoolean()
  walkIn!: boolean;

  @IsISO8601({ strict: true })
  checkedInAt!: string;

  @ValidateNested()
  @Type(() => EventActorV1)
  actor!: EventActorV1;
}

const registration = {
  registrationId: '5c4b3a29-1807-4f6e-8d5c-4b3a29180716',
  eventId: '0b7d6c1e-4f3a-4e2b-9c8d-7a6b5c4d3e2f',
  registrant: { kind: 'startup' as const, startupId: '6f1c1c2e-5a43-4b7e-9a53-0b1c2d3e4f50' },
  seats: 2,
  actor: { id: 'user-7f3a', role: 'startup' as const },
};

export const RegistrationConfirmed = defineEvent<RegistrationReferenceV1>({
  type: 'ma.technopark.registration.confirmed.v1',
  stream: 'registrations',
  producer: 'events',
  aggregate: 'registration',
  payload: RegistrationReferenceV1,
  subjectOf: (event) => event.registrationId,
  description: 'A registration got its seats within the event capacity.',
  example: registration,
});

export const RegistrationWaitlisted = defineEvent<RegistrationWaitlistedV1>({
  type: 'ma.technopark.registration.waitlisted.v1',
  stream: 'registrations',
  producer: 'events',
  aggregate: 'registration',
  payload: RegistrationWaitlistedV1,
  subjectOf: (event) => event.registrationId,
  description: 'The event was full: the registration waits, at a position, for a cancellation.',
  example: { ...registration, position: 3 },
});

export const RegistrationPromoted = defineEvent<RegistrationReferenceV1>({
  type: 'ma.technopark.registration.promoted.v1',
  stream: 'registrations',
  producer: 'events',
  aggregate: 'registration',
  payload: RegistrationReferenceV1,
  subjectOf: (event) => event.registrationId,
  description: 'Seats freed by a cancellation went to the next registration on the waiting list.',
  example: { ...registration, actor: { id: 'events', role: 'system' } },
});

export const RegistrationCancelled = defineEvent<RegistrationCancelledV1>({
  type: 'ma.technopark.registration.cancelled.v1',
  stream: 'registrations',
  producer: 'events',
  aggregate: 'registration',
  payload: RegistrationCancelledV1,
  subjectOf: (event) => event.registrationId,
  description: 'A registration ended before the event: by the registrant, by staff, or with the event.',
  example: { ...registration, reason: 'registrant', wasConfirmed: true },
});

export const AttendanceCheckedIn = defineEvent<AttendanceCheckedInV1>({
  type: 'ma.technopark.attendance.checked-in.v1',
  stream: 'registrations',
  producer: 'events',
  aggregate: 'registration',
  payload: AttendanceCheckedInV1,
  subjectOf: (event) => event.registrationId ?? event.eventId,
  description: "Someone came in, with their registration's code or as a walk-in.",
  example: {
    eventId: registration.eventId,
    registrationId: registration.registrationId,
    registrant: registration.registrant,
    walkIn: false,
    checkedInAt: '2027-03-18T13:52:10+01:00',
    actor: { id: 'staff-12', role: 'site-staff' },
  },
});
