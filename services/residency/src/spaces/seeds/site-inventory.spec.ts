import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { siteInventory } from './site-inventory';

describe('bundled site inventories', () => {
  it.each(['agadir', 'casablanca', 'essaouira', 'rabat', 'tangier'])(
    '%s has offices, coworking positions and rooms, all valid',
    (site) => {
      const inventory = siteInventory(site);
      const kinds = new Set(inventory?.spaces.map((space) => space.kind));
      expect([...kinds].sort()).toEqual(['coworking', 'office', 'room']);
    },
  );

  it('gives Essaouira its published capacity: 35 coworking positions, 40 startups, an agora, a training room and a gaming space', () => {
    const spaces = siteInventory('essaouira')?.spaces ?? [];
    const positions = spaces.filter((space) => space.kind === 'coworking').reduce((sum, area) => sum + area.seats, 0);
    const offices = spaces.filter((space) => space.kind === 'office').length;
    expect(positions).toBe(35);
    expect(positions + offices).toBe(40);
    expect(spaces.filter((space) => space.kind === 'room').map((room) => room.roomType)).toEqual(
      expect.arrayContaining(['agora', 'training', 'gaming']),
    );
    expect(spaces.reduce((sum, space) => sum + space.areaM2, 0)).toBeLessThanOrEqual(2350);
  });

  it('has none for a new site, and refuses an operator file with a bad or repeated space', () => {
    expect(siteInventory('fes')).toBeUndefined();
    const file = join(mkdtempSync(join(tmpdir(), 'inventory-')), 'seed.json');
    writeFileSync(
      file,
      JSON.stringify({ spaces: [{ id: 'office-1', kind: 'office', name: 'A', areaM2: 10, seats: 0 }] }),
    );
    expect(() => siteInventory('fes', file)).toThrow(/inventory seed of fes is invalid.*seats/);
    const office = { id: 'office-1', kind: 'office', name: 'A', areaM2: 10, seats: 2 };
    writeFileSync(file, JSON.stringify({ spaces: [office, office] }));
    expect(() => siteInventory('fes', file)).toThrow('repeats space ids: office-1');
  });
});
