import {
  AttendanceCheckedIn,
  type EventActorV1,
  type RegistrationCancelReason,
  RegistrationCancelled,
  RegistrationConfirmed,
  RegistrationPromoted,
  type RegistrationReferenceV1,
  RegistrationWaitlisted,
} from '@technopark/contracts';
import { newEvent } from '@technopark/messaging';
import type { Registrant, Registration } from './schemas/registration.schema';

/** Ids only: partners read these, so no name or e-mail address travels. */
export function registrantOf(registrant: Registrant): Registrant {
  return {
    kind: registrant.kind,
    ...(registrant.startupId && { startupId: registrant.startupId }),
    ...(registrant.personId && { personId: registrant.personId }),
  };
}

function referenceOf(registration: Registration, actor: EventActorV1): RegistrationReferenceV1 {
  return {
    registrationId: registration._id,
    eventId: registration.eventId,
    registrant: registrantOf(registration.registrant),
    seats: registration.seats,
    actor,
  };
}

export const confirmed = (registration: Registration, actor: EventActorV1) =>
  newEvent(RegistrationConfirmed, referenceOf(registration, actor));

export const waitlisted = (registration: Registration, position: number, actor: EventActorV1) =>
  newEvent(RegistrationWaitlisted, { ...referenceOf(registration, actor), position });

export const promoted = (registration: Registration, actor: EventActorV1) =>
  newEvent(RegistrationPromoted, referenceOf(registration, actor));

export const cancelledRegistration = (
  registration: Registration,
  reason: RegistrationCancelReason,
  wasConfirmed: boolean,
  actor: EventActorV1,
) => newEvent(RegistrationCancelled, { ...referenceOf(registration, actor), reason, wasConfirmed });

export const checkedIn = (
  eventId: string,
  registration: Pick<Registration, '_id' | 'registrant'> | undefined,
  registrant: Registrant,
  at: Date,
  actor: EventActorV1,
) =>
  newEvent(AttendanceCheckedIn, {
    eventId,
    ...(registration && { registrationId: registration._id }),
    registrant: registrantOf(registrant),
    walkIn: registration === undefined,
    checkedInAt: at.toISOString(),
    actor,
  });
