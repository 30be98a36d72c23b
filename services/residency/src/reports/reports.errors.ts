import { ConflictError, UnprocessableError } from '@technopark/platform';

export const notAResident = (residencyId: string, currentStatus: string) =>
  new ConflictError(
    'REPORT.NOT_A_RESIDENT',
    `residency '${residencyId}' is ${currentStatus}; reports start once the startup has moved in`,
    { currentStatus },
  );

export const periodInFuture = (period: string) =>
  new UnprocessableError('REPORT.PERIOD_IN_FUTURE', `${period} has not started yet`);

export const reportExists = (residencyId: string, period: string) =>
  new ConflictError('REPORT.EXISTS', `the report of ${period} for residency '${residencyId}' was already submitted`, {
    period,
  });
