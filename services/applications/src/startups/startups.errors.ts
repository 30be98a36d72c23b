import { ConflictError, NotFoundError, UnprocessableError } from '@technopark/platform';

export const startupNotFound = (id: string) => new NotFoundError('STARTUP.NOT_FOUND', `no startup ${id} on this site`);
export const startupExists = (id: string) =>
  new ConflictError('STARTUP.ALREADY_REGISTERED', `startup ${id} is already registered on this site`, {
    startupId: id,
  });
export const startupIdNotUuid = () =>
  new UnprocessableError(
    'STARTUP.ID_NOT_UUID',
    "the token's startup_id must be a UUID to register the startup under it",
  );
export const changedMeanwhile = (id: string) =>
  new ConflictError(
    'STARTUP.CHANGED_MEANWHILE',
    `startup ${id} was changed by someone else meanwhile; read it again and retry`,
  );
