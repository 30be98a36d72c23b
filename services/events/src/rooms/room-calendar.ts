import type { RoomBooking } from './schemas/room.schema';

/** An event's time in a room, before the setup and teardown buffers are added. */
export interface EventSlot {
  readonly eventId: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

/** The hold an event takes on its room: its time widened by the buffer on both sides. */
export function bookingOf(slot: EventSlot, bufferMinutes: number): RoomBooking {
  const buffer = bufferMinutes * 60_000;
  return {
    eventId: slot.eventId,
    from: new Date(slot.startsAt.getTime() - buffer),
    to: new Date(slot.endsAt.getTime() + buffer),
  };
}

/** The other event a booking would overlap in this calendar (an event never clashes with itself). */
export function clashIn(bookings: readonly RoomBooking[], booking: RoomBooking): RoomBooking | undefined {
  return bookings.find(
    (other) =>
      other.eventId !== booking.eventId &&
      new Date(other.from).getTime() < booking.to.getTime() &&
      booking.from.getTime() < new Date(other.to).getTime(),
  );
}
