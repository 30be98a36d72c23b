import { ConflictError, UnprocessableError } from '@technopark/platform';

export const notAnInvestorSession = (kind: string) =>
  new UnprocessableError('INTEREST.NOT_AN_INVESTOR_SESSION', `this event is a ${kind}, not an investor session`);

export const sessionNotHeld = (status: string) =>
  new UnprocessableError('INTEREST.SESSION_NOT_OPEN', `the session is ${status}: no interest is recorded at it`);

export const funderNotInvited = (funderId: string) =>
  new UnprocessableError('INTEREST.FUNDER_NOT_INVITED', `funder '${funderId}' is not among the session's partners`, {
    field: 'funderId',
  });

export const startupNotPitching = (startupId: string) =>
  new UnprocessableError(
    'INTEREST.STARTUP_NOT_PITCHING',
    `startup '${startupId}' holds no confirmed place at the session`,
    {
      field: 'startupId',
    },
  );

export const interestExists = () =>
  new ConflictError('INTEREST.EXISTS', 'this funder already recorded its interest in this startup at this session');
