import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SpaceRegistered } from '@technopark/contracts';
import { type EventsSite, startEventsSite, until } from './support/events-site';

const season = {
  events: [
    {
      key: 'pitch-training',
      kind: 'training',
      title: { fr: 'Formation pitch', en: 'Pitch training' },
      startsInDays: 10,
      startTime: '09:30',
      durationHours: 3,
      roomId: 'hall-s',
      capacity: 30,
      eligibility: 'public',
      publish: true,
    },
    {
      key: 'demo-day',
      kind: 'demo-day',
      title: { fr: 'Demo day', en: 'Demo day' },
      startsInDays: 40,
      startTime: '10:00',
      durationHours: 6,
      onlineUrl: 'https://meet.example.ma/demo-day',
      capacity: 200,
      eligibility: 'public',
      publish: false,
    },
  ],
};

interface Listed {
  readonly id: string;
  readonly kind: string;
  readonly status: string;
  readonly startsAt: string;
  readonly roomId?: string;
}

/** The site's events as staff list them, drafts included. */
async function staffList(site: EventsSite): Promise<Listed[]> {
  return (await site.http().get('/v1/events?limit=50').set(site.staff)).body.items;
}

describe("a site's season programme, loaded once", () => {
  let restarted: EventsSite | undefined;
  afterEach(() => restarted?.close());

  it('publishes the season once residency announces its room, leaves drafts to staff, and creates nothing twice', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'season-')), 'season.json');
    writeFileSync(file, JSON.stringify(season));
    const site = await startEventsSite({ SEASON_SEED_FILE: file });
    await until(async () => (await staffList(site)).length === 1, 'the online draft, while the room is unknown');
    const [draft] = await staffList(site);
    expect(draft).toMatchObject({ kind: 'demo-day', status: 'draft' });

    await site.publish(SpaceRegistered, {
      spaceId: 'hall-s',
      kind: 'room',
      name: 'Hall S',
      roomType: 'training',
      areaM2: 80,
      seats: 40,
      actor: { id: 'staff-1', role: 'site-staff' },
    });
    await until(async () => (await staffList(site)).length === 2, 'the training, once its room is known');
    const training = (await staffList(site)).find((event) => event.kind === 'training') as Listed;
    expect(training).toMatchObject({ status: 'published', roomId: 'hall-s' });
    await until(async () => (await site.eventsAbout('site-events', training.id)).length === 1, 'event.scheduled');
    expect((await site.eventsAbout('site-events', training.id))[0]?.data).toMatchObject({
      kind: 'training',
      actor: { id: 'season-seed', role: 'system' },
    });
    const localTime = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Africa/Casablanca',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    expect(localTime.format(new Date(training.startsAt))).toBe('09:30');
    const publicIds = (await site.http().get('/v1/public/events').expect(200)).body.items.map(
      (event: { id: string }) => event.id,
    );
    expect(publicIds).toEqual([training.id]);
    const room = await site.http().get('/v1/rooms/hall-s').set(site.staff).expect(200);
    expect(room.body.bookings.map((booking: { eventId: string }) => booking.eventId)).toEqual([training.id]);

    await site.close();
    restarted = await startEventsSite({ SEASON_SEED_FILE: file, SITE_ID: site.site });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect((await staffList(restarted)).map((event) => event.id).sort()).toEqual([training.id, draft?.id].sort());
  });
});
