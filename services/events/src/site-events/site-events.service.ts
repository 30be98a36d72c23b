import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EventActorV1, EventUpdatedV1 } from '@technopark/contracts';
import type { NewEvent } from '@technopark/messaging';
import { Clock, type Page } from '@technopark/platform';
import { RegistrationsService } from '../registrations/registrations.service';
import { RoomsService } from '../rooms/rooms.service';
import { type EventAction, isLegal } from './domain/event-lifecycle';
import type { CreateEventDto, PostponeEventDto } from './dto/event.dto';
import type { EventsQuery, PublicEventsQuery } from './dto/event-queries.dto';
import type { UpdateEventDto } from './dto/update-event.dto';
import { assertCoherentEvent } from './event-rules';
import type { SiteEvent } from './schemas/site-event.schema';
import { cancelled, completed, postponed, scheduled, updated } from './site-event-events';
import {
  capacityBelowConfirmed,
  datesThroughPostpone,
  eventChanged,
  eventNotFound,
  illegalMove,
  notEndedYet,
  postponedIntoPast,
} from './site-events.errors';
import { SiteEventsRepository } from './site-events.repository';

const ATTEMPTS = 3;
const DATE_FIELDS = ['startsAt', 'endsAt', 'registrationOpensAt', 'registrationClosesAt'] as const;
/** Fields of the published description; a change of any of them is an `event.updated`. */
const PUBLISHED_FIELDS: readonly EventUpdatedV1['changedFields'][number][] = [
  'title',
  'capacity',
  'registrationOpensAt',
  'registrationClosesAt',
  'eligibility',
  'programId',
  'partnerIds',
  'onlineUrl',
  'roomId',
];

/** A site's events from draft to held or called off, with their rooms booked and their registrants told. */
@Injectable()
export class SiteEventsService {
  constructor(
    private readonly events: SiteEventsRepository,
    private readonly rooms: RoomsService,
    private readonly registrations: RegistrationsService,
    private readonly clock: Clock,
  ) {}

  /** A draft; `id` is given only by the season seeder, whose ids derive from the season's keys. */
  async create(body: CreateEventDto, actor: EventActorV1, id: string = randomUUID()): Promise<SiteEvent> {
    const event = {
      _id: id,
      ...withoutUndefined(body),
      ...datesOf(body),
      timezone: body.timezone ?? 'Africa/Casablanca',
      seatsLeft: body.capacity,
      invitees: body.invitees ?? [],
      organizers: body.organizers ?? [],
      speakers: body.speakers ?? [],
      partnerIds: body.partnerIds ?? [],
      claims: [],
      queue: [],
      status: 'draft' as const,
      createdBy: actor,
      version: 0,
    } as unknown as Omit<SiteEvent, 'createdAt' | 'updatedAt'>;
    assertCoherentEvent(event);
    if (event.roomId) await this.rooms.assertUsable(event.roomId, event.capacity);
    return this.events.insert(event, []);
  }

  async exists(id: string): Promise<boolean> {
    return (await this.events.findById(id)) !== null;
  }

  async get(id: string): Promise<SiteEvent> {
    const event = await this.events.findById(id);
    if (!event) throw eventNotFound(id);
    return event;
  }

  /** A published (or postponed, or held) event, for the public listing: drafts do not exist there. */
  async getPublic(id: string): Promise<SiteEvent> {
    const event = await this.events.findById(id);
    if (!event || event.status === 'draft') throw eventNotFound(id);
    return event;
  }

  list(query: EventsQuery): Promise<Page<SiteEvent>> {
    return this.events.list(
      { ...(query.status && { status: query.status }), ...(query.kind && { kind: query.kind }) },
      { limit: query.limit, cursor: query.cursor, sortField: 'startsAt', direction: 1 },
    );
  }

  listPublic(query: PublicEventsQuery): Promise<Page<SiteEvent>> {
    return this.events.list(
      { status: { $in: ['published', 'postponed', 'completed'] }, ...(query.kind && { kind: query.kind }) },
      { limit: query.limit, cursor: query.cursor, sortField: 'startsAt', direction: 1 },
    );
  }

  /** Books the room, then publishes: registrations may open. */
  async publish(id: string, actor: EventActorV1): Promise<SiteEvent> {
    return this.moving(id, 'publish', async (event) => {
      if (event.roomId) await this.rooms.book(event.roomId, slotOf(event), event.capacity);
      return {
        update: { $set: { status: 'published' } },
        events: [scheduled({ ...event, status: 'published' }, actor)],
      };
    });
  }

  async update(id: string, body: UpdateEventDto, actor: EventActorV1): Promise<SiteEvent> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const current = await this.get(id);
      if (!isLegal(current.status, 'update')) throw illegalMove('update', current.status);
      const patch = { ...body, ...datesOf(body) } as Record<string, unknown>;
      const next = { ...current } as Record<string, unknown>;
      for (const [field, value] of Object.entries(patch)) {
        if (value === null) delete next[field];
        else if (value !== undefined) next[field] = value;
      }
      const proposed = next as unknown as SiteEvent;
      const isPublished = current.status !== 'draft';
      if (isPublished && (['startsAt', 'endsAt'] as const).some((field) => changed(current[field], proposed[field])))
        throw datesThroughPostpone();
      assertCoherentEvent(proposed);
      const changedFields = Object.keys(patch).filter(
        (field) => patch[field] !== undefined && changed((current as never)[field], next[field]),
      );
      if (changedFields.length === 0) return current;
      const held = current.capacity - current.seatsLeft;
      const capacityDelta = proposed.capacity - current.capacity;
      if (proposed.capacity < held) throw capacityBelowConfirmed(proposed.capacity, held);
      if (proposed.roomId && (changed(current.roomId, proposed.roomId) || capacityDelta > 0)) {
        if (isPublished) await this.rooms.book(proposed.roomId, slotOf(proposed), proposed.capacity);
        else await this.rooms.assertUsable(proposed.roomId, proposed.capacity);
      }
      const set = Object.fromEntries(
        changedFields.filter((field) => next[field] !== undefined).map((field) => [field, next[field]]),
      );
      const unset = Object.fromEntries(
        changedFields.filter((field) => next[field] === undefined).map((field) => [field, '']),
      );
      const publishedChanges = PUBLISHED_FIELDS.filter((field) => changedFields.includes(field));
      const written = await this.events.change(
        current,
        {
          $set: { ...set, ...(changed(current.roomId, proposed.roomId) && { roomRetired: false }) },
          ...(Object.keys(unset).length > 0 && { $unset: unset }),
          ...(capacityDelta !== 0 && { $inc: { seatsLeft: capacityDelta } }),
        },
        isPublished && publishedChanges.length > 0 ? [updated(proposed, publishedChanges, actor)] : [],
        capacityDelta < 0 ? { seatsLeft: { $gte: -capacityDelta } } : {},
      );
      if (written) {
        if (isPublished && current.roomId && changed(current.roomId, proposed.roomId))
          await this.rooms.release(current.roomId, id);
        if (capacityDelta > 0) await this.registrations.promote(id);
        return written;
      }
    }
    throw eventChanged(id);
  }

  /** New dates, the room booked again for them; registrations stand. */
  async postpone(id: string, body: PostponeEventDto, actor: EventActorV1): Promise<SiteEvent> {
    return this.moving(id, 'postpone', async (event) => {
      const startsAt = new Date(body.startsAt);
      const endsAt = new Date(body.endsAt);
      if (startsAt.getTime() <= this.clock.now().getTime()) throw postponedIntoPast();
      const moved = { ...event, startsAt, endsAt, status: 'postponed' as const };
      assertCoherentEvent({ ...moved, registrationClosesAt: minDate(event.registrationClosesAt, startsAt) });
      if (event.roomId) await this.rooms.book(event.roomId, slotOf(moved), event.capacity);
      return {
        update: {
          $set: {
            status: 'postponed',
            startsAt,
            endsAt,
            registrationClosesAt: minDate(event.registrationClosesAt, startsAt),
          },
        },
        events: [postponed(moved, event.startsAt, body.reason, actor)],
      };
    });
  }

  /** Calls the event off, frees its room, and cancels every registration, telling each registrant. */
  async cancel(id: string, reason: string, actor: EventActorV1): Promise<SiteEvent> {
    const event = await this.moving(id, 'cancel', async (current) => ({
      update: { $set: { status: 'cancelled', cancelReason: reason } },
      events: [cancelled(current._id, reason, await this.registrations.activeCount(current._id), actor)],
    }));
    await this.finishCancellation(event);
    return (await this.events.findById(id)) ?? event;
  }

  /** What a cancellation leaves to do after its own write: the room, then each registration. */
  async finishCancellation(event: SiteEvent): Promise<void> {
    if (event.roomId) await this.rooms.release(event.roomId, event._id);
    await this.registrations.cancelAllOf(event._id);
    await this.events.markRegistrationsClosed(event._id);
  }

  /** After the event: no-shows derived, and the attendance summary published. */
  async complete(id: string, actor: EventActorV1): Promise<SiteEvent> {
    return this.moving(id, 'complete', async (event) => {
      if (event.endsAt.getTime() > this.clock.now().getTime()) throw notEndedYet(event.endsAt);
      const attendance = await this.registrations.attendanceOf(event._id);
      return { update: { $set: { status: 'completed', attendance } }, events: [completed(event, attendance, actor)] };
    });
  }

  /** Residency retired a room: the events still to come in it are flagged for staff to move. */
  async flagRoomRetired(roomId: string): Promise<void> {
    for (const event of await this.events.inRoom(roomId, this.clock.now()))
      if (event.status !== 'cancelled' && event.status !== 'completed') await this.events.flagRoomRetired(event._id);
  }

  private async moving(
    id: string,
    action: EventAction,
    plan: (event: SiteEvent) => Promise<{ update: Record<string, unknown>; events: NewEvent[] }>,
  ): Promise<SiteEvent> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const event = await this.get(id);
      if (!isLegal(event.status, action)) throw illegalMove(action, event.status);
      const { update, events } = await plan(event);
      const written = await this.events.change(event, update, events);
      if (written) return written;
    }
    throw eventChanged(id);
  }
}

function slotOf(event: Pick<SiteEvent, '_id' | 'startsAt' | 'endsAt'>) {
  return { eventId: event._id, startsAt: new Date(event.startsAt), endsAt: new Date(event.endsAt) };
}

/** The body's date fields as dates (null kept: it removes an optional field). */
function datesOf(body: Partial<Record<(typeof DATE_FIELDS)[number], string | null>>): Record<string, Date> {
  return Object.fromEntries(
    DATE_FIELDS.filter((field) => typeof body[field] === 'string').map((field) => [
      field,
      new Date(body[field] as string),
    ]),
  );
}

function changed(before: unknown, after: unknown): boolean {
  return JSON.stringify(before) !== JSON.stringify(after);
}

function minDate(a: Date, b: Date): Date {
  return new Date(Math.min(new Date(a).getTime(), b.getTime()));
}

function withoutUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
