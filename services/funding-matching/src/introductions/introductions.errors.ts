import { ConflictError, NotFoundError, UnprocessableError } from '@technopark/platform';

export const introductionNotFound = (id: string) =>
  new NotFoundError('INTRODUCTION.NOT_FOUND', `no introduction '${id}' on this site`);

export const illegalTransition = (action: string, currentStatus: string, allowedActions: readonly string[]) =>
  new ConflictError('INTRODUCTION.ILLEGAL_TRANSITION', `cannot ${action} an introduction that is ${currentStatus}`, {
    currentStatus,
    allowedActions,
  });

export const introductionExists = (startupId: string, funderId: string) =>
  new ConflictError('INTRODUCTION.EXISTS', `startup '${startupId}' already has an open introduction to '${funderId}'`);

export const notEligible = (funderId: string, failed: readonly { gate: string; reason: string }[]) =>
  new UnprocessableError(
    'INTRODUCTION.NOT_ELIGIBLE',
    `the startup does not pass every gate of '${funderId}': ${failed.map(({ reason }) => reason).join('; ')}`,
    { failedGates: failed },
  );

export const noMatch = (startupId: string, funderId: string) =>
  new UnprocessableError(
    'INTRODUCTION.NO_MATCH',
    `no match of startup '${startupId}' with funder '${funderId}' is computed (unknown startup or funder)`,
  );

export const matchSuppressed = (funderId: string) =>
  new UnprocessableError('INTRODUCTION.MATCH_SUPPRESSED', `staff suppressed this startup's match with '${funderId}'`);

export const introductionChanged = (id: string) =>
  new ConflictError(
    'INTRODUCTION.CHANGED',
    `introduction '${id}' was changed by someone else meanwhile; read it again and retry`,
  );
