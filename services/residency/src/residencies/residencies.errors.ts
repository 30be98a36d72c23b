import { ConflictError, NotFoundError, UnprocessableError } from '@technopark/platform';
import type { ResidencyOutcome } from '@technopark/contracts';

export const residencyNotFound = (id: string) =>
  new NotFoundError('RESIDENCY.NOT_FOUND', `no residency '${id}' on this site`);

export const moveInInFuture = (on: string) =>
  new UnprocessableError('RESIDENCY.MOVE_IN_IN_FUTURE', `a move-in is recorded once it happened; ${on} is after today`);

export const moveInBeforeAcceptance = (on: string, acceptedOn: string) =>
  new UnprocessableError(
    'RESIDENCY.MOVE_IN_BEFORE_ACCEPTANCE',
    `the startup was accepted on ${acceptedOn}; it cannot have moved in on ${on}`,
    { acceptedOn },
  );

export const sameSpace = (id: string, spaceId: string) =>
  new ConflictError('RESIDENCY.SAME_SPACE', `residency '${id}' is already in '${spaceId}'`);

export const endBeforeStart = (startedOn: string | undefined, endedOn: string) =>
  new UnprocessableError(
    'RESIDENCY.END_BEFORE_START',
    `the residency started on ${startedOn}; it cannot end on ${endedOn}`,
  );

export const notWaitlisted = (id: string, currentStatus: string) =>
  new ConflictError('RESIDENCY.NOT_WAITLISTED', `residency '${id}' is ${currentStatus}, not on the waitlist`, {
    currentStatus,
  });

export const noSpaceFits = (seats: number, desks: number) =>
  new ConflictError('RESIDENCY.NO_SPACE_FITS', `no free office or coworking area fits ${seats} desk(s) now`, { desks });

export const residencyChanged = (id: string) =>
  new ConflictError(
    'RESIDENCY.CHANGED',
    `residency '${id}' was changed by someone else meanwhile; read it again and retry`,
  );

export const illegalTransition = (action: string, currentStatus: string, allowedActions: readonly string[]) =>
  new ConflictError('RESIDENCY.ILLEGAL_TRANSITION', `cannot ${action} a residency that is ${currentStatus}`, {
    currentStatus,
    allowedActions,
  });

export const outcomeNotAllowed = (
  currentStatus: string,
  outcome: ResidencyOutcome,
  allowedOutcomes: readonly ResidencyOutcome[],
) =>
  new UnprocessableError(
    'RESIDENCY.OUTCOME_NOT_ALLOWED',
    `a residency that is ${currentStatus} cannot end as ${outcome}`,
    {
      currentStatus,
      allowedOutcomes,
    },
  );
