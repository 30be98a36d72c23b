import { ConflictError, UnprocessableError } from '@technopark/platform';

export const codeNotGenuine = () =>
  new UnprocessableError('CHECK_IN.CODE_INVALID', 'this is not a check-in code of this site', { field: 'code' });

export const codeOfAnotherEvent = () =>
  new UnprocessableError('CHECK_IN.OTHER_EVENT', "this code is another event's", { field: 'code' });

export const codeVoided = () =>
  new UnprocessableError('CHECK_IN.CODE_VOID', 'this code was voided: the registration was cancelled or made again', {
    field: 'code',
  });

export const registrationNotConfirmed = (status: string) =>
  new UnprocessableError('CHECK_IN.NOT_CONFIRMED', `the registration is ${status}, not confirmed`, { field: 'code' });

export const codeAlreadyUsed = (at: Date) =>
  new ConflictError('CHECK_IN.ALREADY_USED', `this code was already used, at ${at.toISOString()}`);

export const eventNotRunning = (status: string) =>
  new UnprocessableError('CHECK_IN.EVENT_NOT_OPEN', `the event is ${status}: nobody checks in`);

export const walkInWithoutWho = () =>
  new UnprocessableError('CHECK_IN.WALK_IN_NEEDS_SOMEONE', 'a walk-in names a startupId or a personId', {
    field: 'startupId',
  });
