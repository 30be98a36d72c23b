import { ConflictError, NotFoundError, UnprocessableError } from '@technopark/platform';
import type { Call } from '../catalogue/schemas/call.schema';

export const applicationNotFound = (id: string) =>
  new NotFoundError('APPLICATION.NOT_FOUND', `no application ${id} on this site`);

export const alreadyApplied = (existingId: string, callId: string) =>
  new ConflictError('APPLICATION.ALREADY_APPLIED', `the startup already has a live application to call ${callId}`, {
    existingApplicationId: existingId,
  });

export const outsideWindow = (call: Call, at: Date) =>
  new UnprocessableError('APPLICATION.CALL_NOT_OPEN', `call ${call._id} is not open at ${at.toISOString()}`, {
    window: { opensAt: call.opensAt.toISOString(), closesAt: call.closesAt.toISOString() },
  });

export const notEnoughScores = (scores: number, required: number) =>
  new UnprocessableError(
    'APPLICATION.NOT_ENOUGH_SCORES',
    `a decision needs ${required} committee scores; the application has ${scores}`,
    { scores, required },
  );

export const cohortFull = (call: Call, acceptedCount: number) =>
  new ConflictError(
    'APPLICATION.COHORT_FULL',
    `call ${call._id} has accepted its ${call.cohortCapacity} startups; waitlist instead`,
    { cohortCapacity: call.cohortCapacity, accepted: acceptedCount },
  );

export const changedMeanwhile = (id: string) =>
  new ConflictError(
    'APPLICATION.CHANGED_MEANWHILE',
    `application ${id} kept changing while this request was applied; retry`,
  );
