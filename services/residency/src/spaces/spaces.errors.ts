import { ConflictError, NotFoundError, UnprocessableError } from '@technopark/platform';
import { ROOM_TYPES } from '@technopark/contracts';

export const spaceNotFound = (id: string) => new NotFoundError('SPACE.NOT_FOUND', `no space '${id}' on this site`);

export const spaceExists = (id: string) => new ConflictError('SPACE.EXISTS', `a space with id '${id}' already exists`);

export const spaceRetired = (id: string) => new ConflictError('SPACE.RETIRED', `space '${id}' is retired`);

export const spaceAlreadyRetired = (id: string) =>
  new ConflictError('SPACE.RETIRED', `space '${id}' is already retired`);

export const cannotShrink = (id: string, held: number, seats: number) =>
  new ConflictError('SPACE.IN_USE', `${held} position(s) of '${id}' are held; it cannot shrink to ${seats}`, { held });

export const spaceAllocated = (id: string) =>
  new ConflictError('SPACE.IN_USE', `space '${id}' is allocated to a startup; move or end its residency first`);

export const spaceChanged = (id: string) =>
  new ConflictError(
    'SPACE.CHANGED',
    `space '${id}' changed meanwhile (a claim or another edit); read it again and retry`,
  );

export const roomTypeNotAllowed = (kind: string) =>
  new UnprocessableError('SPACE.ROOM_TYPE_NOT_ALLOWED', `roomType describes rooms; a ${kind} has none`);

export const roomTypeRequired = () =>
  new UnprocessableError('SPACE.ROOM_TYPE_REQUIRED', `a room needs a roomType: ${ROOM_TYPES.join(', ')}`);

export const notAllocatable = (spaceId: string, status: string) =>
  new UnprocessableError(
    'SPACE.NOT_ALLOCATABLE',
    `space '${spaceId}' is ${status === 'active' ? 'a room' : 'retired'}; only active offices and coworking areas are allocated`,
  );

export const tooSmall = (spaceId: string, seats: number, needed: number) =>
  new UnprocessableError('SPACE.TOO_SMALL', `office '${spaceId}' has ${seats} desk(s); the team needs ${needed}`, {
    seats,
    needed,
  });

export const spaceTaken = (spaceId: string, kind: string, seats: number) =>
  new ConflictError(
    'SPACE.TAKEN',
    kind === 'office'
      ? `office '${spaceId}' is occupied`
      : `coworking area '${spaceId}' has fewer than ${seats} free position(s)`,
    { spaceId },
  );
