import {
  EventCancelled,
  EventCompleted,
  type EventActorV1,
  EventPostponed,
  EventScheduled,
  type EventScheduledV1,
  EventUpdated,
  type EventUpdatedV1,
  type AttendanceSummaryV1,
} from '@technopark/contracts';
import { newEvent } from '@technopark/messaging';
import type { SiteEvent } from './schemas/site-event.schema';

/** What partners may know of an event: no organizers, no invitees, no speakers' details. */
export function publishedShapeOf(event: SiteEvent, actor: EventActorV1): EventScheduledV1 {
  return {
    eventId: event._id,
    kind: event.kind,
    title: { ...event.title },
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    timezone: event.timezone,
    ...(event.roomId && { roomId: event.roomId }),
    ...(event.onlineUrl && { onlineUrl: event.onlineUrl }),
    capacity: event.capacity,
    registrationOpensAt: event.registrationOpensAt.toISOString(),
    registrationClosesAt: event.registrationClosesAt.toISOString(),
    eligibility: event.eligibility,
    ...(event.programId && { programId: event.programId }),
    partnerIds: [...event.partnerIds],
    actor,
  };
}

export const scheduled = (event: SiteEvent, actor: EventActorV1) =>
  newEvent(EventScheduled, publishedShapeOf(event, actor));

export const updated = (event: SiteEvent, changedFields: EventUpdatedV1['changedFields'], actor: EventActorV1) =>
  newEvent(EventUpdated, { ...publishedShapeOf(event, actor), changedFields });

export const postponed = (event: SiteEvent, previousStartsAt: Date, reason: string, actor: EventActorV1) =>
  newEvent(EventPostponed, {
    eventId: event._id,
    previousStartsAt: previousStartsAt.toISOString(),
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    reason,
    actor,
  });

export const cancelled = (eventId: string, reason: string, registrationsCancelled: number, actor: EventActorV1) =>
  newEvent(EventCancelled, { eventId, reason, registrationsCancelled, actor });

export const completed = (event: SiteEvent, attendance: AttendanceSummaryV1, actor: EventActorV1) =>
  newEvent(EventCompleted, {
    eventId: event._id,
    kind: event.kind,
    startsAt: event.startsAt.toISOString(),
    attendance,
    actor,
  });
