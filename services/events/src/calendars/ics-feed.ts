import { EVENT_LANGUAGES, type EventLanguage } from '@technopark/contracts';
import ical, { ICalEventStatus } from 'ical-generator';
import type { LocalizedText, SiteEvent } from '../site-events/schemas/site-event.schema';

/** What a feed needs besides its events: its name, the language to prefer, and the rooms' names. */
export interface FeedContext {
  readonly name: string;
  readonly language?: EventLanguage;
  readonly roomNames: ReadonlyMap<string, string>;
}

/**
 * An iCalendar document (RFC 5545) of events. Times are written in UTC: every calendar shows them in
 * its own zone, and no time-zone definition has to travel. A cancelled event stays in the feed as
 * CANCELLED, so a subscriber's calendar drops it; each change raises its SEQUENCE.
 */
export function icsOf(events: readonly SiteEvent[], context: FeedContext): string {
  const calendar = ical({
    name: context.name,
    prodId: { company: 'MITC', product: 'Technopark events', language: 'FR' },
  });
  for (const event of events) {
    calendar.createEvent({
      id: `${event._id}@events.technopark.ma`,
      start: new Date(event.startsAt),
      end: new Date(event.endsAt),
      summary: textIn(event.title, context.language) ?? event.kind,
      ...(event.description && { description: textIn(event.description, context.language) ?? null }),
      location: event.roomId ? (context.roomNames.get(event.roomId) ?? event.roomId) : (event.onlineUrl ?? null),
      ...(event.onlineUrl && { url: event.onlineUrl }),
      status: event.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      sequence: event.version,
      stamp: new Date(event.updatedAt ?? event.createdAt ?? Date.now()),
    });
  }
  return calendar.toString();
}

/** The text in the language asked for, else the first the event has, in the site's order (fr, en, ar). */
function textIn(text: LocalizedText, language?: EventLanguage): string | undefined {
  if (language && text[language]) return text[language];
  return EVENT_LANGUAGES.map((each) => text[each]).find((value) => value !== undefined);
}
