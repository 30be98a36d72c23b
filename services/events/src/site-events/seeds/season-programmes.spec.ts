import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seasonProgramme } from './season-programmes';

const SITES = ['casablanca', 'rabat', 'tangier', 'agadir', 'essaouira'];

describe('the season programmes', () => {
  it.each(SITES)('gives %s a valid season of its own, in rooms its starting inventory has', (site) => {
    const programme = seasonProgramme(site);
    expect(programme?.events.length).toBeGreaterThanOrEqual(6);
    const rooms = new Set(programme?.events.map((event) => event.roomId));
    const known = site === 'casablanca' ? ['agora', 'training-a'] : ['agora', 'training', 'gaming'];
    for (const room of rooms) expect(known).toContain(room);
  });

  it('keeps events of one room apart, each with a day of its own', () => {
    for (const site of SITES) {
      const days = (seasonProgramme(site)?.events ?? []).map((event) => `${event.roomId}|${event.startsInDays}`);
      expect(new Set(days).size).toBe(days.length);
    }
  });

  it('has nothing for a site without a season, and refuses an operator file that breaks the rules, naming the site', () => {
    expect(seasonProgramme('fes')).toBeUndefined();
    const file = join(mkdtempSync(join(tmpdir(), 'season-')), 'season.json');
    writeFileSync(file, JSON.stringify({ events: [{ key: 'x', kind: 'party', capacity: 0 }] }));
    expect(() => seasonProgramme('fes', file)).toThrow(/season seed of fes is invalid/);
    const entry = { key: 'talk', kind: 'workshop', title: { fr: 'Atelier' }, startsInDays: 3, startTime: '09:00' };
    const twice = {
      ...entry,
      durationHours: 2,
      onlineUrl: 'https://meet.example.ma/x',
      capacity: 10,
      eligibility: 'public',
      publish: true,
    };
    writeFileSync(file, JSON.stringify({ events: [twice, twice] }));
    expect(() => seasonProgramme('fes', file)).toThrow(/repeats keys: talk/);
  });
});
