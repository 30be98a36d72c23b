import { NotFoundError, UnprocessableError } from '@technopark/platform';

export const fundingNotFound = (id: string) =>
  new NotFoundError('FUNDING.NOT_FOUND', `no funding '${id}' on this site`);

export const raisedInFuture = (on: string) =>
  new UnprocessableError('FUNDING.RAISED_IN_FUTURE', `a raise is recorded once it closed; ${on} is after today`, {
    field: 'raisedOn',
  });

export const raisedBeforeIntroduction = (on: string, requestedOn: string) =>
  new UnprocessableError(
    'FUNDING.BEFORE_INTRODUCTION',
    `the introduction was requested on ${requestedOn}; its raise cannot have closed on ${on}`,
    { field: 'raisedOn', requestedOn },
  );

export const introductionMismatch = (introductionId: string) =>
  new UnprocessableError(
    'FUNDING.INTRODUCTION_MISMATCH',
    `introduction '${introductionId}' is of another startup or funder`,
    { field: 'introductionId' },
  );

export const unknownFunder = (funderId: string) =>
  new UnprocessableError('FUNDING.UNKNOWN_FUNDER', `no funder '${funderId}' on this site`, { field: 'funderId' });
