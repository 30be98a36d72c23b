import { Inject, Injectable } from '@nestjs/common';
import type { EventLanguage } from '@technopark/contracts';
import { NotFoundError, SERVICE_ENVIRONMENT } from '@technopark/platform';
import type { EventsEnvironment } from '../config/events.environment';
import { SigningSecret } from '../config/signing-secret';
import { RegistrationsRepository } from '../registrations/registrations.repository';
import { RoomsRepository } from '../rooms/rooms.repository';
import { SiteEventsRepository } from '../site-events/site-events.repository';
import type { SiteEvent } from '../site-events/schemas/site-event.schema';
import { CalendarLinks } from './calendar-links';
import { icsOf } from './ics-feed';

/** How far back a feed keeps events: a calendar shows the recent past too. */
const PAST_DAYS = 90;
const ACTIVE = new Set(['confirmed', 'waitlisted', 'walk-in']);

/** The site's programme as iCalendar feeds: a public one, and a private one per registrant. */
@Injectable()
export class CalendarsService {
  readonly links: CalendarLinks;
  private readonly site: string;

  constructor(
    private readonly events: SiteEventsRepository,
    private readonly registrations: RegistrationsRepository,
    private readonly rooms: RoomsRepository,
    secret: SigningSecret,
    @Inject(SERVICE_ENVIRONMENT) environment: EventsEnvironment,
  ) {
    this.links = new CalendarLinks(secret.value);
    this.site = environment.SITE_ID;
  }

  /** Published events anyone may see (invited-only ones are not advertised), cancellations included. */
  async publicFeed(language?: EventLanguage): Promise<string> {
    const events = (await this.events.visible(this.since())).filter((event) => event.eligibility !== 'invited');
    return this.feed(`Technopark ${this.site}`, events, language);
  }

  /** The events one registrant is registered for, from the token of their private link. */
  async privateFeed(token: string, language?: EventLanguage): Promise<string> {
    const registrantKey = this.links.read(token);
    if (!registrantKey) throw new NotFoundError('CALENDAR.NOT_FOUND', 'no calendar at this link');
    const registrations = await this.registrations.ofRegistrant(registrantKey);
    const wanted = new Set(registrations.filter((each) => ACTIVE.has(each.status)).map((each) => each.eventId));
    const events = (await this.events.visible(this.since())).filter((event) => wanted.has(event._id));
    return this.feed(`Technopark ${this.site}: my events`, events, language);
  }

  private async feed(name: string, events: SiteEvent[], language?: EventLanguage): Promise<string> {
    const roomIds = [...new Set(events.map((event) => event.roomId).filter((id): id is string => Boolean(id)))];
    const rooms = await Promise.all(roomIds.map((id) => this.rooms.findById(id)));
    const roomNames = new Map(rooms.filter((room) => room !== null).map((room) => [room._id, room.name]));
    return icsOf(events, { name, roomNames, ...(language && { language }) });
  }

  private since(): Date {
    return new Date(Date.now() - PAST_DAYS * 86_400_000);
  }
}
