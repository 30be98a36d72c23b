import { Inject, Injectable } from '@nestjs/common';
import { BackgroundTask, Clock, SERVICE_ENVIRONMENT } from '@technopark/platform';
import { isDuplicateKeyError } from '@technopark/persistence';
import { SEASON_SEED_ACTOR } from '../common/system-actors';
import type { EventsEnvironment } from '../config/events.environment';
import { derivedIdOf } from '../registrations/domain/registration-id';
import type { CreateEventDto } from './dto/event.dto';
import { atLocalTime } from './seeds/local-time';
import type { SeasonEntry, SeasonProgramme } from './seeds/season-entry';
import { seasonProgramme } from './seeds/season-programmes';
import { SiteEventsService } from './site-events.service';

const TIMEZONE = 'Africa/Casablanca';
const DAY_MS = 86_400_000;
/** Codes meaning the room is not known yet: residency's space events have not arrived. */
const ROOM_NOT_YET = new Set(['ROOM.NOT_FOUND']);

/**
 * Loads the site's season programme once: each event is created as a draft with an id derived from
 * its key (so a restart or a second instance finds it), and those marked so are published, their
 * rooms booked. An event whose room residency has not announced yet is tried again at the next pass.
 */
@Injectable()
export class SeasonSeeder extends BackgroundTask {
  private readonly programme: SeasonProgramme | undefined;
  private readonly site: string;

  constructor(
    private readonly events: SiteEventsService,
    private readonly clock: Clock,
    @Inject(SERVICE_ENVIRONMENT) environment: EventsEnvironment,
  ) {
    super({ name: 'season-seed', intervalMs: 10_000, mode: 'once' });
    this.site = environment.SITE_ID;
    this.programme = seasonProgramme(environment.SITE_ID, environment.SEASON_SEED_FILE);
  }

  protected override enabled(): boolean {
    if (!this.programme) this.logger.log({ msg: 'no season programme for this site; staff draft events over the API' });
    return this.programme !== undefined;
  }

  protected async run(): Promise<void> {
    const today = new Date(`${this.clock.today()}T00:00:00Z`);
    let created = 0;
    const waiting: string[] = [];
    for (const entry of (this.programme as SeasonProgramme).events) {
      const outcome = await this.seed(entry, today);
      if (outcome === 'created') created++;
      if (outcome === 'room-not-yet') waiting.push(entry.key);
    }
    this.logger.log({ msg: 'season programme loaded', eventsCreated: created, waitingForRooms: waiting });
    if (waiting.length > 0) throw new Error(`rooms not announced by residency yet for: ${waiting.join(', ')}`);
  }

  private async seed(entry: SeasonEntry, today: Date): Promise<'created' | 'exists' | 'room-not-yet'> {
    const id = derivedIdOf(`season|${this.site}|${entry.key}`);
    if (await this.events.exists(id)) return 'exists';
    try {
      await this.events.create(draftOf(entry, today, this.clock.now()), SEASON_SEED_ACTOR, id);
      if (entry.publish) await this.events.publish(id, SEASON_SEED_ACTOR);
      return 'created';
    } catch (error) {
      if (isDuplicateKeyError(error)) return 'exists';
      if (ROOM_NOT_YET.has((error as { code?: string }).code ?? '')) return 'room-not-yet';
      throw error;
    }
  }
}

function draftOf(entry: SeasonEntry, today: Date, now: Date): CreateEventDto {
  const day = new Date(today.getTime() + entry.startsInDays * DAY_MS);
  const startsAt = atLocalTime(day, entry.startTime, TIMEZONE);
  const endsAt = new Date(startsAt.getTime() + entry.durationHours * 3_600_000);
  return {
    kind: entry.kind,
    title: entry.title,
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    timezone: TIMEZONE,
    ...(entry.roomId && { roomId: entry.roomId }),
    ...(entry.onlineUrl && { onlineUrl: entry.onlineUrl }),
    capacity: entry.capacity,
    registrationOpensAt: now.toISOString(),
    registrationClosesAt: new Date(startsAt.getTime() - DAY_MS).toISOString(),
    eligibility: entry.eligibility,
    partnerIds: entry.partnerIds ?? [],
  } as CreateEventDto;
}
