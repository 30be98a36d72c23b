import { ConflictError, NotFoundError, UnprocessableError } from '@technopark/platform';
import type { EventAction, EventStatus } from './domain/event-lifecycle';

export const eventNotFound = (id: string) => new NotFoundError('EVENT.NOT_FOUND', `no event '${id}' on this site`);

export const eventChanged = (id: string) =>
  new ConflictError('EVENT.CHANGED', `event '${id}' was changed by someone else meanwhile; read it again and retry`);

export const illegalMove = (action: EventAction, status: EventStatus) =>
  new ConflictError('EVENT.ILLEGAL_TRANSITION', `an event that is ${status} cannot ${action}`);

export const endsBeforeStart = () =>
  new UnprocessableError('EVENT.ENDS_BEFORE_START', 'endsAt must be after startsAt', { field: 'endsAt' });

export const registrationWindowInverted = () =>
  new UnprocessableError('EVENT.REGISTRATION_WINDOW_INVERTED', 'registration must open before it closes', {
    field: 'registrationClosesAt',
  });

export const registrationClosesAfterStart = () =>
  new UnprocessableError('EVENT.REGISTRATION_CLOSES_AFTER_START', 'registration must close by the start of the event', {
    field: 'registrationClosesAt',
  });

export const noPlace = () =>
  new UnprocessableError('EVENT.NO_PLACE', 'an event needs a roomId or an onlineUrl', { field: 'roomId' });

export const cohortWithoutProgram = () =>
  new UnprocessableError('EVENT.COHORT_NEEDS_PROGRAM', 'eligibility cohort needs the programId of the cohort', {
    field: 'programId',
  });

export const capacityBelowConfirmed = (capacity: number, held: number) =>
  new UnprocessableError(
    'EVENT.CAPACITY_BELOW_CONFIRMED',
    `capacity ${capacity} is below the ${held} seats confirmed registrations already hold`,
    { field: 'capacity' },
  );

export const notEndedYet = (endsAt: Date) =>
  new UnprocessableError('EVENT.NOT_ENDED', `the event ends at ${endsAt.toISOString()}; complete it after that`);

export const postponedIntoPast = () =>
  new UnprocessableError('EVENT.POSTPONED_INTO_PAST', 'an event is postponed to a later date than now', {
    field: 'startsAt',
  });

export const datesThroughPostpone = () =>
  new UnprocessableError('EVENT.DATES_VIA_POSTPONE', 'a published event gets new dates through postpone', {
    field: 'startsAt',
  });
