import { ConflictError, NotFoundError } from '@technopark/platform';

export const matchNotFound = (id: string) =>
  new NotFoundError('MATCH.NOT_FOUND', `no match '${id}' on this site (matches are named <startupId>:<funderId>)`);

export const matchChanged = (id: string) =>
  new ConflictError('MATCH.CHANGED', `match '${id}' kept changing while we wrote it; read it again and retry`);

export const alreadyCurated = (id: string, state: 'pinned' | 'suppressed') =>
  new ConflictError('MATCH.ALREADY_CURATED', `match '${id}' is already ${state}`, { state });

export const notCurated = (id: string, state: 'pinned' | 'suppressed') =>
  new ConflictError('MATCH.NOT_CURATED', `match '${id}' is not ${state}`, { state });
