import { Inject, Injectable } from '@nestjs/common';
import { type Page, type PageQuery, SERVICE_ENVIRONMENT } from '@technopark/platform';
import type { EventsEnvironment } from '../config/events.environment';
import { bookingOf, clashIn, type EventSlot } from './room-calendar';
import { roomBooked, roomNotFound, roomRetired, roomTooSmall } from './rooms.errors';
import { RoomsRepository } from './rooms.repository';
import type { Room } from './schemas/room.schema';

/** Enough for any realistic burst of publications on one room; each retry reads the calendar again. */
const ATTEMPTS = 20;

/** The rooms residency lists, and their booking calendars, which this service owns. */
@Injectable()
export class RoomsService {
  private readonly bufferMinutes: number;

  constructor(
    private readonly rooms: RoomsRepository,
    @Inject(SERVICE_ENVIRONMENT) environment: EventsEnvironment,
  ) {
    this.bufferMinutes = environment.ROOM_BUFFER_MINUTES;
  }

  async get(id: string): Promise<Room> {
    const room = await this.rooms.findById(id);
    if (!room) throw roomNotFound(id);
    return room;
  }

  list(query: PageQuery): Promise<Page<Room>> {
    return this.rooms.list({}, { limit: query.limit, cursor: query.cursor, sortField: '_id', direction: 1 });
  }

  /** A room fit for an event: known, in the inventory, and big enough. */
  async assertUsable(roomId: string, capacity: number): Promise<Room> {
    const room = await this.get(roomId);
    if (room.retired) throw roomRetired(roomId);
    if (room.seats < capacity) throw roomTooSmall(roomId, room.seats, capacity);
    return room;
  }

  /**
   * Holds the room for the event's slot (replacing the event's earlier hold, if any), or refuses
   * with the event it would overlap. Conditional on the calendar's version, so concurrent bookings
   * of one room are decided one after the other.
   */
  async book(roomId: string, slot: EventSlot, capacity: number): Promise<void> {
    const booking = bookingOf(slot, this.bufferMinutes);
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const room = await this.assertUsable(roomId, capacity);
      const bookings = room.bookings ?? [];
      const clash = clashIn(bookings, booking);
      if (clash) throw roomBooked(roomId, clash.eventId);
      const others = bookings.filter((each) => each.eventId !== slot.eventId);
      if (await this.rooms.replaceBooking(room, [...others, booking])) return;
    }
    throw roomBooked(roomId, 'another event booked at the same moment; try again');
  }

  /** Lets the room go (an event cancelled or moved elsewhere); nothing happens when it was not held. */
  async release(roomId: string, eventId: string): Promise<void> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const room = await this.rooms.findById(roomId);
      const bookings = room?.bookings ?? [];
      if (!room || !bookings.some((each) => each.eventId === eventId)) return;
      if (
        await this.rooms.replaceBooking(
          room,
          bookings.filter((each) => each.eventId !== eventId),
        )
      )
        return;
    }
  }
}
