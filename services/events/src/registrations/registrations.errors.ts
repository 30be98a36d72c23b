import { ConflictError, NotFoundError, UnprocessableError } from '@technopark/platform';

export const registrationNotFound = (id: string) =>
  new NotFoundError('REGISTRATION.NOT_FOUND', `no registration '${id}' for this event`);

export const alreadyRegistered = (id: string, status: string) =>
  new ConflictError(
    'REGISTRATION.EXISTS',
    `this registrant already holds registration '${id}' (${status}) for the event`,
  );

export const registrationChanged = (id: string) =>
  new ConflictError('REGISTRATION.CHANGED', `registration '${id}' changed meanwhile; read it again and retry`);

export const notOpenForRegistration = (status: string) =>
  new UnprocessableError('REGISTRATION.EVENT_NOT_OPEN', `the event is ${status}: it takes no registrations`);

export const outsideRegistrationWindow = (opensAt: Date, closesAt: Date) =>
  new UnprocessableError(
    'REGISTRATION.WINDOW_CLOSED',
    `registration is open from ${opensAt.toISOString()} to ${closesAt.toISOString()}`,
  );

export const notEligible = (reason: string) => new UnprocessableError('REGISTRATION.NOT_ELIGIBLE', reason);

export const seatsAboveCapacity = (seats: number, capacity: number) =>
  new UnprocessableError('REGISTRATION.TOO_MANY_SEATS', `${seats} seats asked; the event holds ${capacity}`, {
    field: 'seats',
  });

export const registrationAlreadyCancelled = (id: string) =>
  new ConflictError('REGISTRATION.CANCELLED', `registration '${id}' is already cancelled`);

export const startupRequired = () =>
  new UnprocessableError('REGISTRATION.STARTUP_REQUIRED', 'staff register a startup: name its startupId', {
    field: 'startupId',
  });

export const oneSeatForAPerson = () =>
  new UnprocessableError('REGISTRATION.ONE_SEAT', 'a person registers themself: one seat', { field: 'seats' });
