import { Injectable, Logger } from '@nestjs/common';
import type { AttendanceSummaryV1, EventActorV1, RegistrationCancelReason } from '@technopark/contracts';
import { Clock, type Page, type PageQuery, replayOf, requestHashOf, scopedIdempotencyKey } from '@technopark/platform';
import { EVENTS_SYSTEM_ACTOR } from '../common/system-actors';
import { OPEN_STATUSES } from '../site-events/domain/event-lifecycle';
import type { SiteEvent } from '../site-events/schemas/site-event.schema';
import { eventNotFound } from '../site-events/site-events.errors';
import { SiteEventsRepository } from '../site-events/site-events.repository';
import { StandingRepository } from '../standing/standing.repository';
import { ineligibilityOf } from './domain/eligibility';
import { registrantKeyOf, registrationIdOf } from './domain/registration-id';
import { cancelledRegistration, confirmed, promoted, waitlisted } from './registration-events';
import {
  alreadyRegistered,
  notEligible,
  notOpenForRegistration,
  outsideRegistrationWindow,
  registrationAlreadyCancelled,
  registrationChanged,
  registrationNotFound,
  seatsAboveCapacity,
} from './registrations.errors';
import { RegistrationsRepository } from './registrations.repository';
import type { Registrant, Registration } from './schemas/registration.schema';

const ATTEMPTS = 5;
/** Promotions one cancellation may cause in one go (each head of the waiting list, in order). */
const MAX_PROMOTIONS = 1_000;
/** A pending registration older than this was interrupted: the sweeper settles it. */
export const PENDING_GRACE_MS = 30_000;
const ACTIVE = ['pending', 'confirmed', 'waitlisted'] as const;

export interface RegistrationRequest {
  readonly registrant: Registrant;
  readonly seats: number;
  readonly actor: EventActorV1;
  readonly idempotencyKey?: string;
  readonly body: object;
}

/**
 * Registrations within capacity, first come first served. The event's own document decides each
 * one (its seats, its claims, its waiting list), so no number of concurrent requests confirms more
 * than the capacity or a registration twice; a cancellation promotes the head of the waiting list.
 */
@Injectable()
export class RegistrationsService {
  private readonly logger = new Logger('registrations');

  constructor(
    private readonly registrations: RegistrationsRepository,
    private readonly events: SiteEventsRepository,
    private readonly standings: StandingRepository,
    private readonly clock: Clock,
  ) {}

  /** Registers, or answers the first result of a retried request with the same Idempotency-Key. */
  async register(
    eventId: string,
    request: RegistrationRequest,
  ): Promise<{ registration: Registration; replayed: boolean }> {
    const event = await this.openEvent(eventId);
    const id = registrationIdOf(eventId, request.registrant);
    const key = request.idempotencyKey && scopedIdempotencyKey(request.actor.id, request.idempotencyKey, id);
    const requestHash = requestHashOf({ eventId, ...request.body });
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const existing = await this.registrations.findById(id);
      if (existing && existing.status !== 'cancelled') {
        if (key && existing.idempotencyKey === key)
          return {
            registration: replayOf(existing as Registration & { requestHash: string }, requestHash),
            replayed: true,
          };
        throw alreadyRegistered(id, existing.status);
      }
      await this.assertMayRegister(event, request);
      const fields = {
        registrant: request.registrant,
        registrantKey: registrantKeyOf(request.registrant),
        seats: request.seats,
        status: 'pending' as const,
        registeredBy: request.actor,
        ...(key && { idempotencyKey: key }),
        requestHash,
      };
      const written = existing
        ? await this.registrations.change(
            existing,
            {
              $set: { ...fields, round: existing.round + 1 },
              $unset: { checkedInAt: '', checkedInBy: '', cancelReason: '' },
            },
            [],
          )
        : await this.registrations
            .insert({ _id: id, eventId, round: 1, version: 0, ...fields }, [])
            .catch((error: { code?: number }) => {
              if (error.code === 11000) return null;
              throw error;
            });
      if (written) return { registration: await this.settle(written, true), replayed: false };
    }
    throw registrationChanged(id);
  }

  async get(eventId: string, id: string): Promise<Registration> {
    const registration = await this.registrations.findById(id);
    if (!registration || registration.eventId !== eventId) throw registrationNotFound(id);
    return registration;
  }

  list(eventId: string, query: PageQuery): Promise<Page<Registration>> {
    return this.registrations.list(
      { eventId },
      { limit: query.limit, cursor: query.cursor, sortField: '_id', direction: 1 },
    );
  }

  /** Position on the waiting list (1 is next), for a waitlisted registration. */
  async positionOf(registration: Registration): Promise<number | undefined> {
    if (registration.status !== 'waitlisted') return undefined;
    const event = await this.events.findById(registration.eventId);
    const index = event?.queue.indexOf(registration._id) ?? -1;
    return index >= 0 ? index + 1 : undefined;
  }

  /** Ends a registration before the event; its seats go to the head of the waiting list. */
  async cancel(
    registration: Registration,
    reason: RegistrationCancelReason,
    actor: EventActorV1,
  ): Promise<Registration> {
    let current = registration;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (current.status === 'cancelled') throw registrationAlreadyCancelled(current._id);
      const wasConfirmed = current.status === 'confirmed';
      const written = await this.registrations.change(
        current,
        { $set: { status: 'cancelled', cancelReason: reason } },
        [cancelledRegistration(current, reason, wasConfirmed, actor)],
      );
      if (written) {
        await this.events.releaseSeats(current.eventId, current._id, current.seats);
        await this.events.leaveQueue(current.eventId, current._id);
        await this.promote(current.eventId);
        return written;
      }
      current = (await this.registrations.findById(current._id)) ?? current;
    }
    throw registrationChanged(registration._id);
  }

  /** Cancels what a cancelled event still has: each registrant is told. */
  async cancelAllOf(eventId: string): Promise<number> {
    let count = 0;
    for (const registration of await this.registrations.ofEvent(eventId, ACTIVE)) {
      await this.cancel(registration, 'event-cancelled', EVENTS_SYSTEM_ACTOR).catch((error: { code?: string }) => {
        if (error.code !== 'REGISTRATION.CANCELLED') throw error;
      });
      count++;
    }
    return count;
  }

  async activeCount(eventId: string): Promise<number> {
    return (await this.registrations.ofEvent(eventId, ACTIVE)).length;
  }

  /** Seats freed (a cancellation, more capacity) go to the waiting list's head, in order, while they suffice. */
  async promote(eventId: string): Promise<number> {
    let promotedCount = 0;
    for (let step = 0; step < MAX_PROMOTIONS; step++) {
      const event = await this.events.findById(eventId);
      const head = event?.queue[0];
      if (!event || !head) break;
      const registration = await this.registrations.findById(head);
      if (!registration || registration.status === 'cancelled') {
        await this.events.leaveQueue(eventId, head);
        continue;
      }
      if (event.seatsLeft < registration.seats) break;
      if (!(await this.events.promoteHead(eventId, head, registration.seats))) continue;
      await this.markHeld(registration);
      promotedCount++;
    }
    return promotedCount;
  }

  /** Settles what a crash left between a registration's write and its seats, and promotes after it. */
  async reconcile(event: SiteEvent): Promise<number> {
    let settled = 0;
    const cutoff = this.clock.now().getTime() - PENDING_GRACE_MS;
    for (const registration of await this.registrations.ofEvent(event._id)) {
      const inClaims = event.claims.includes(registration._id);
      const inQueue = event.queue.includes(registration._id);
      if (registration.status === 'pending' && new Date(registration.updatedAt).getTime() < cutoff) {
        await this.settle(registration);
        settled++;
      } else if (registration.status === 'cancelled' && (inClaims || inQueue)) {
        await this.events.releaseSeats(event._id, registration._id, registration.seats);
        await this.events.leaveQueue(event._id, registration._id);
        settled++;
      } else if (registration.status === 'waitlisted' && inClaims) {
        await this.markHeld(registration);
        settled++;
      }
    }
    return settled + (await this.promote(event._id));
  }

  /** Who came, counted from the registrations once the event is over. */
  async attendanceOf(eventId: string): Promise<AttendanceSummaryV1> {
    const all = await this.registrations.ofEvent(eventId);
    const held = all.filter((registration) => registration.status === 'confirmed');
    const checkedIn = held.filter((registration) => registration.checkedInAt);
    const walkIns = all.filter((registration) => registration.status === 'walk-in');
    const startups = new Set(
      [...checkedIn, ...walkIns].map((registration) => registration.registrant.startupId).filter(Boolean),
    );
    return {
      confirmed: held.length,
      checkedIn: checkedIn.length,
      walkIns: walkIns.length,
      noShows: held.length - checkedIn.length,
      startupsReached: startups.size,
    };
  }

  /**
   * A pending registration gets its seats, or a place on the waiting list, from the event's document.
   * One just written (`fresh`) holds neither yet; one found by the sweep may, after a crash.
   */
  private async settle(registration: Registration, fresh = false): Promise<Registration> {
    const { eventId, _id: id, seats } = registration;
    let event = fresh ? undefined : await this.events.findById(eventId);
    if (!fresh && !event) throw eventNotFound(eventId);
    if (!event || (!event.claims.includes(id) && !event.queue.includes(id))) {
      if (!(await this.events.claimSeats(eventId, id, seats))) await this.events.joinQueue(eventId, id);
      event = await this.events.findById(eventId);
      if (!event) throw eventNotFound(eventId);
    }
    const held = event.claims.includes(id);
    const settled = held
      ? await this.registrations.change(registration, { $set: { status: 'confirmed' } }, [
          confirmed(registration, registration.registeredBy),
        ])
      : await this.registrations.change(registration, { $set: { status: 'waitlisted' } }, [
          waitlisted(registration, Math.max(event.queue.indexOf(id) + 1, 1), registration.registeredBy),
        ]);
    // Seats freed while this one joined the list go to the list's head.
    if (!held && event.seatsLeft > 0) await this.promote(eventId);
    if (!settled) this.logger.debug({ msg: 'registration settled elsewhere meanwhile', registrationId: id });
    return settled && (held || event.seatsLeft === 0)
      ? settled
      : ((await this.registrations.findById(id)) ?? registration);
  }

  /** A registration whose seats the event holds for it: confirmed (or promoted, when it was waiting). */
  private async markHeld(registration: Registration): Promise<void> {
    if (registration.status === 'waitlisted')
      await this.registrations.change(registration, { $set: { status: 'confirmed' } }, [
        promoted(registration, EVENTS_SYSTEM_ACTOR),
      ]);
    else if (registration.status === 'pending')
      await this.registrations.change(registration, { $set: { status: 'confirmed' } }, [
        confirmed(registration, registration.registeredBy),
      ]);
  }

  private async openEvent(eventId: string): Promise<SiteEvent> {
    const event = await this.events.findById(eventId);
    if (!event || event.status === 'draft') throw eventNotFound(eventId);
    if (!OPEN_STATUSES.includes(event.status)) throw notOpenForRegistration(event.status);
    return event;
  }

  private async assertMayRegister(event: SiteEvent, request: RegistrationRequest): Promise<void> {
    const now = this.clock.now().getTime();
    if (now < new Date(event.registrationOpensAt).getTime() || now > new Date(event.registrationClosesAt).getTime())
      throw outsideRegistrationWindow(new Date(event.registrationOpensAt), new Date(event.registrationClosesAt));
    if (request.seats > event.capacity) throw seatsAboveCapacity(request.seats, event.capacity);
    const standing = request.registrant.startupId ? await this.standings.findById(request.registrant.startupId) : null;
    const reason = ineligibilityOf(event, request.registrant, standing);
    if (reason) throw notEligible(reason);
  }
}
