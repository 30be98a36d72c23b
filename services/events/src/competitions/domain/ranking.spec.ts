import { rankTeams, tiesForPrizes } from './ranking';

const team = (teamId: string, score: number) => ({ teamId, score });

describe('rankTeams', () => {
  it('ranks by jury average, best first, tied teams sharing a rank and the next rank skipping past them', () => {
    const ranked = rankTeams([team('c', 70), team('a', 90), team('d', 62.5), team('b', 70)]);
    expect(ranked.map(({ teamId, rank, tiedWith }) => [teamId, rank, tiedWith])).toEqual([
      ['a', 1, []],
      ['b', 2, ['c']],
      ['c', 2, ['b']],
      ['d', 4, []],
    ]);
  });

  it('orders a tie as the jury decided when every tied team is in the order, and marks who broke it', () => {
    const ranked = rankTeams([team('b', 70), team('c', 70), team('a', 90), team('e', 70)], ['e', 'c', 'b']);
    expect(ranked.map(({ teamId, rank, tieBrokenBy }) => [teamId, rank, tieBrokenBy])).toEqual([
      ['a', 1, undefined],
      ['e', 2, 'jury'],
      ['c', 3, 'jury'],
      ['b', 4, 'jury'],
    ]);
  });

  it('leaves a tie shared when the order names only some of its teams', () => {
    const ranked = rankTeams([team('b', 70), team('c', 70)], ['c']);
    expect(ranked.map(({ rank }) => rank)).toEqual([1, 1]);
  });
});

describe('tiesForPrizes', () => {
  const prizes = [{ rank: 1 }, { rank: 2 }, { rank: 3 }];

  it('names a tie that spans a prized place, and ignores one below the prizes', () => {
    const ranked = rankTeams([
      team('a', 90),
      team('b', 80),
      team('c', 80),
      team('d', 80),
      team('e', 50),
      team('f', 50),
    ]);
    expect(tiesForPrizes(ranked, prizes)).toEqual([['b', 'c', 'd']]);
  });

  it('finds a tie whose first place is unprized but whose later places are', () => {
    expect(tiesForPrizes(rankTeams([team('a', 90), team('b', 90), team('c', 40)]), [{ rank: 2 }])).toEqual([
      ['a', 'b'],
    ]);
  });

  it('finds nothing once the jury ordered the tie', () => {
    expect(tiesForPrizes(rankTeams([team('a', 90), team('b', 90)], ['b', 'a']), prizes)).toEqual([]);
  });
});
