import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { EventOutbox, type NewEvent } from '@technopark/messaging';
import { versionedWrite } from '@technopark/persistence';
import { findPage, type Page, type PageRequest } from '@technopark/platform';
import type { Model, QueryFilter, UpdateQuery } from 'mongoose';
import { OPEN_STATUSES } from './domain/event-lifecycle';
import { SiteEvent } from './schemas/site-event.schema';

/**
 * The only place that touches the site events collection. Staff changes are conditional on the
 * version read; seat changes are conditional on the seats themselves and leave the version alone,
 * so a registration storm never makes a staff edit fail.
 */
@Injectable()
export class SiteEventsRepository {
  constructor(
    @InjectModel(SiteEvent.name) private readonly events: Model<SiteEvent>,
    private readonly outbox: EventOutbox,
  ) {}

  insert(event: Omit<SiteEvent, 'createdAt' | 'updatedAt'>, events: NewEvent[]): Promise<SiteEvent> {
    return this.outbox.insert(this.events, event, events);
  }

  /** Applies a change to the event as it was read, with its events; null when someone changed it first. */
  change(
    read: Pick<SiteEvent, '_id' | 'version'>,
    update: UpdateQuery<SiteEvent>,
    events: NewEvent[],
    condition: QueryFilter<SiteEvent> = {},
  ): Promise<SiteEvent | null> {
    const write = versionedWrite(read, update);
    return this.outbox.update(this.events, { ...write.filter, ...condition }, write.update, events);
  }

  findById(id: string): Promise<SiteEvent | null> {
    return this.events.findById(id).lean<SiteEvent>();
  }

  list(filter: QueryFilter<SiteEvent>, page: PageRequest): Promise<Page<SiteEvent>> {
    return findPage(this.events, filter, page);
  }

  /** Events taking registrations or check-ins. */
  async open(): Promise<SiteEvent[]> {
    const found = await Promise.all(OPEN_STATUSES.map((status) => this.events.find({ status }).lean<SiteEvent[]>()));
    return found.flat();
  }

  /** Events past the draft ending after `since`, by start: what calendars show. */
  async visible(since: Date): Promise<SiteEvent[]> {
    const found = await Promise.all(
      (['published', 'postponed', 'completed', 'cancelled'] as const).map((status) =>
        this.events.find({ status }).lean<SiteEvent[]>(),
      ),
    );
    return found
      .flat()
      .filter((event) => new Date(event.endsAt).getTime() >= since.getTime())
      .sort((a, b) => new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime());
  }

  /** Cancelled events some registrations of which were not yet cancelled with them (a crash meanwhile). */
  cancelledUnfinished(): Promise<SiteEvent[]> {
    return this.events.find({ status: 'cancelled', registrationsClosed: { $ne: true } }).lean<SiteEvent[]>();
  }

  /** Future events booked in a room. */
  inRoom(roomId: string, after: Date): Promise<SiteEvent[]> {
    return this.events.find({ roomId, endsAt: { $gt: after } }).lean<SiteEvent[]>();
  }

  async flagRoomRetired(eventId: string): Promise<void> {
    await this.events.updateOne({ _id: eventId }, { $set: { roomRetired: true } });
  }

  async markRegistrationsClosed(eventId: string): Promise<void> {
    await this.events.updateOne({ _id: eventId }, { $set: { registrationsClosed: true } });
  }

  /** Seats for a registration while enough are left and nobody waits before it; true when it got them. */
  async claimSeats(eventId: string, registrationId: string, seats: number): Promise<boolean> {
    const result = await this.events.updateOne(
      {
        _id: eventId,
        status: { $in: [...OPEN_STATUSES] },
        seatsLeft: { $gte: seats },
        queue: { $size: 0 },
        claims: { $ne: registrationId },
      },
      { $inc: { seatsLeft: -seats }, $push: { claims: registrationId } },
    );
    return result.modifiedCount === 1;
  }

  /** A place at the end of the waiting list (once). */
  async joinQueue(eventId: string, registrationId: string): Promise<void> {
    await this.events.updateOne(
      { _id: eventId, queue: { $ne: registrationId }, claims: { $ne: registrationId } },
      { $push: { queue: registrationId } },
    );
  }

  /** The head of the waiting list gets its seats, if enough are left; true when it did. */
  async promoteHead(eventId: string, registrationId: string, seats: number): Promise<boolean> {
    const result = await this.events.updateOne(
      {
        _id: eventId,
        status: { $in: [...OPEN_STATUSES] },
        'queue.0': registrationId,
        seatsLeft: { $gte: seats },
      },
      { $pull: { queue: registrationId }, $push: { claims: registrationId }, $inc: { seatsLeft: -seats } },
    );
    return result.modifiedCount === 1;
  }

  /** Gives a registration's seats back (once). */
  async releaseSeats(eventId: string, registrationId: string, seats: number): Promise<void> {
    await this.events.updateOne(
      { _id: eventId, claims: registrationId },
      { $pull: { claims: registrationId }, $inc: { seatsLeft: seats } },
    );
  }

  async leaveQueue(eventId: string, registrationId: string): Promise<void> {
    await this.events.updateOne({ _id: eventId }, { $pull: { queue: registrationId } });
  }
}
