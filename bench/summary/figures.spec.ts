import { type Figure, isMet, tableOf } from './figures';

const backbone: Figure = {
  name: 'backbone at saturation',
  measured: 400,
  unit: 'events/s',
  against: { name: 'database, 1 KB writes/s', value: 1000 },
  goal: { kind: 'ratio at least', value: 0.8 },
};
const rss: Figure = {
  name: 'idle RSS, largest service',
  measured: 110,
  unit: 'MB',
  goal: { kind: 'at most', value: 120 },
};

describe('summary figures', () => {
  it('judges a ratio against its peer and a bound against the figure', () => {
    expect([
      isMet(backbone),
      isMet({ ...backbone, measured: 800 }),
      isMet(rss),
      isMet({ ...rss, measured: 121 }),
    ]).toEqual([false, true, true, false]);
  });

  it('prints one Markdown row per figure, with its ratio when it has a peer', () => {
    expect(tableOf([backbone, rss]).split('\n').slice(2)).toEqual([
      '| backbone at saturation | 400 events/s | database, 1 KB writes/s: 1000 | 0.40× | ratio ≥ 0.8 | **no** |',
      '| idle RSS, largest service | 110 MB |  |  | ≤ 120 MB | yes |',
    ]);
  });
});
