import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { readFileSync } from 'node:fs';
import { type SeasonEntry, SeasonProgramme } from './season-entry';

type Entry = Omit<SeasonEntry, 'title'> & { title: { fr: string; en: string; ar?: string } };

/** What every site holds in a season (DOMAIN: workshops, trainings, networking, investors, demo days). */
const COMMON: Entry[] = [
  {
    key: 'fundraising-workshop',
    kind: 'workshop',
    title: { fr: 'Atelier : préparer sa levée de fonds', en: 'Workshop: preparing your fundraise' },
    startsInDays: 9,
    startTime: '09:30',
    durationHours: 3,
    roomId: 'training',
    capacity: 25,
    eligibility: 'residents',
    publish: true,
  },
  {
    key: 'ip-training',
    kind: 'training',
    title: { fr: 'Formation propriété intellectuelle (OMPIC)', en: 'Intellectual property training (OMPIC)' },
    startsInDays: 16,
    startTime: '14:00',
    durationHours: 3,
    roomId: 'training',
    capacity: 25,
    eligibility: 'public',
    publish: true,
  },
  {
    key: 'networking-night',
    kind: 'networking',
    title: { fr: 'Soirée networking mentors et résidents', en: 'Mentors and residents networking night' },
    startsInDays: 23,
    startTime: '18:30',
    durationHours: 3,
    roomId: 'agora',
    capacity: 100,
    eligibility: 'public',
    publish: true,
  },
  {
    key: 'investor-session',
    kind: 'investor-session',
    title: { fr: 'Session investisseurs', en: 'Investor session' },
    startsInDays: 37,
    startTime: '15:00',
    durationHours: 3,
    roomId: 'agora',
    capacity: 80,
    eligibility: 'residents',
    partnerIds: ['plug-and-play-morocco'],
    publish: true,
  },
  {
    key: 'demo-day',
    kind: 'demo-day',
    title: { fr: 'Demo day Plug and Play', en: 'Plug and Play demo day' },
    startsInDays: 58,
    startTime: '10:00',
    durationHours: 6,
    roomId: 'agora',
    capacity: 100,
    eligibility: 'public',
    partnerIds: ['plug-and-play-morocco'],
    publish: false,
  },
];

/** Each site's own flavour (DOMAIN: the sites' focus), around the common season. */
const FLAVOUR: Record<string, Entry[]> = {
  casablanca: [
    hackathon('greentech-hackathon', { fr: 'Hackathon greentech', en: 'Greentech hackathon' }, 30, 'agora', 120),
    competition('fintech-challenge', { fr: 'Challenge fintech', en: 'Fintech challenge' }, 44, 'agora', 80),
  ],
  rabat: [hackathon('govtech-hackathon', { fr: 'Hackathon govtech', en: 'Govtech hackathon' }, 30, 'agora', 100)],
  tangier: [
    hackathon(
      'logistics-hackathon',
      { fr: 'Hackathon logistique 4.0', en: 'Logistics 4.0 hackathon' },
      30,
      'agora',
      90,
    ),
  ],
  agadir: [
    competition(
      'agritech-challenge',
      { fr: 'Challenge agritech Souss-Massa', en: 'Souss-Massa agritech challenge' },
      30,
      'agora',
      90,
    ),
  ],
  essaouira: [
    hackathon('game-jam', { fr: 'Game jam d’Essaouira', en: 'Essaouira game jam' }, 30, 'gaming', 20),
    {
      key: 'open-day',
      kind: 'open-day',
      title: { fr: 'Journée portes ouvertes nomades digitaux', en: 'Digital nomads open day' },
      startsInDays: 12,
      startTime: '10:00',
      durationHours: 6,
      roomId: 'agora',
      capacity: 150,
      eligibility: 'public',
      publish: true,
    },
  ],
};

/** Casablanca's trainings are held in its first training room. */
const ROOM_OF_SITE: Record<string, Record<string, string>> = { casablanca: { training: 'training-a' } };

/** The operator's file when given, else the bundled season of the site (none for a new site). */
export function seasonProgramme(site: string, seedFile?: string): SeasonProgramme | undefined {
  const raw = seedFile ? JSON.parse(readFileSync(seedFile, 'utf8')) : bundled(site);
  if (raw === undefined) return undefined;
  const programme = plainToInstance(SeasonProgramme, raw);
  const errors = validateSync(programme, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0)
    throw new Error(
      `the season seed of ${site} is invalid: ${JSON.stringify(errors.map((error) => error.toString()))}`,
    );
  const keys = programme.events.map((event) => event.key);
  const repeated = keys.filter((key, index) => keys.indexOf(key) !== index);
  if (repeated.length > 0)
    throw new Error(`the season seed of ${site} repeats keys: ${[...new Set(repeated)].join(', ')}`);
  return programme;
}

function bundled(site: string): { events: Entry[] } | undefined {
  const flavour = FLAVOUR[site];
  if (!flavour) return undefined;
  const rooms = ROOM_OF_SITE[site] ?? {};
  const events = [...COMMON, ...flavour].map((entry) => ({
    ...entry,
    ...(entry.roomId && { roomId: rooms[entry.roomId] ?? entry.roomId }),
  }));
  return { events };
}

function hackathon(key: string, title: Entry['title'], startsInDays: number, roomId: string, capacity: number): Entry {
  return {
    key,
    kind: 'hackathon',
    title,
    startsInDays,
    startTime: '09:00',
    durationHours: 32,
    roomId,
    capacity,
    eligibility: 'public',
    partnerIds: [],
    publish: true,
  };
}

function competition(
  key: string,
  title: Entry['title'],
  startsInDays: number,
  roomId: string,
  capacity: number,
): Entry {
  return {
    key,
    kind: 'competition',
    title,
    startsInDays,
    startTime: '14:00',
    durationHours: 4,
    roomId,
    capacity,
    eligibility: 'residents',
    partnerIds: ['plug-and-play-morocco'],
    publish: true,
  };
}
