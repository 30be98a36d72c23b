import { NotFoundError } from '@technopark/platform';

export const profileNotFound = (startupId: string) =>
  new NotFoundError(
    'STARTUP.NOT_FOUND',
    `no startup '${startupId}' is known to funding matching on this site (it learns of startups from their registration)`,
  );
