import { ConflictError, NotFoundError } from '@technopark/platform';

export const partnerNotFound = (partnerId: string) =>
  new NotFoundError('PARTNER.NOT_FOUND', `no partner program '${partnerId}' is registered`, { partnerId });

export const partnerExists = (partnerId: string) =>
  new ConflictError('PARTNER.EXISTS', `partner program '${partnerId}' is already registered`, { partnerId });
