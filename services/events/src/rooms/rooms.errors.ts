import { ConflictError, NotFoundError, UnprocessableError } from '@technopark/platform';

export const roomNotFound = (id: string) =>
  new NotFoundError('ROOM.NOT_FOUND', `no room '${id}' on this site (rooms come from residency's inventory)`);

export const roomRetired = (id: string) =>
  new UnprocessableError('ROOM.RETIRED', `room '${id}' was retired from the inventory`, { field: 'roomId' });

export const roomTooSmall = (id: string, seats: number, capacity: number) =>
  new UnprocessableError('ROOM.TOO_SMALL', `room '${id}' holds ${seats} people; the event's capacity is ${capacity}`, {
    field: 'capacity',
  });

export const roomBooked = (id: string, eventId: string) =>
  new ConflictError('ROOM.BOOKED', `room '${id}' is booked for event '${eventId}' then (setup and teardown included)`);
