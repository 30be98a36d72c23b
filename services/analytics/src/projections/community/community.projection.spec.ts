import { CompetitionResultsPublished, EventCompleted } from '@technopark/contracts';
import {
  completedIncrements,
  registrationIncrements,
  resultsIncrements,
  startupPlacements,
} from './community.projection';

describe('the community projection', () => {
  it('counts a held event in its month, in all and for its kind, with its attendance', () => {
    const increments = completedIncrements('casablanca', {
      ...EventCompleted.example,
      startsAt: '2027-03-18T13:00:00.000Z',
      attendance: { confirmed: 110, checkedIn: 92, walkIns: 0, noShows: 18, startupsReached: 31 },
    });
    expect(increments.map(({ kpi, period, dimension, by }) => [kpi, period, dimension, by])).toEqual([
      ['community.events-held', '2027-03', 'all', 1],
      ['community.events-held', '2027-03', 'kind:investor-session', 1],
      ['community.confirmed-at-held', '2027-03', 'all', 110],
      ['community.checked-in-at-held', '2027-03', 'all', 92],
    ]);
  });

  it('counts a registration’s seats in the month it was confirmed', () => {
    expect(registrationIncrements('rabat', 3, '2027-02-27T10:00:00Z')).toEqual([
      { kpi: 'community.registrations', site: 'rabat', period: '2027-02', dimension: 'all', by: 3 },
    ]);
  });

  it('counts published results in their month: the competition per kind, the prizes won and their cash', () => {
    const increments = resultsIncrements('agadir', '2027-04-02T18:00:00Z', CompetitionResultsPublished.example);
    expect(increments.map(({ kpi, period, dimension, by }) => [kpi, period, dimension, by])).toEqual([
      ['community.competitions-judged', '2027-04', 'all', 1],
      ['community.competitions-judged', '2027-04', 'kind:competition', 1],
      ['community.prizes-won', '2027-04', 'all', 2],
      ['community.prize-money-mad', '2027-04', 'all', 100_000],
    ]);
  });

  it("puts each startup's place on its timeline, won when it took a prize, and leaves groups of people out", () => {
    const example = CompetitionResultsPublished.example;
    const placements = startupPlacements('agadir', '2027-04-02T18:00:00Z', {
      ...example,
      results: [
        ...example.results,
        {
          teamId: 'c3b2a190-8f7e-4d6c-9b5a-4f3e2d1c0b9a',
          teamName: 'Dunes',
          startupId: 'startup-3',
          memberCount: 1,
          rank: 3,
          score: 60,
        },
      ],
    });
    expect(
      placements.map(({ startupId, data, cells }) => [startupId, data.rank, data.won, data.teams, cells.length]),
    ).toEqual([
      ['6f1c1c2e-5a43-4b7e-9a53-0b1c2d3e4f50', 1, true, 3, 1],
      ['startup-3', 3, false, 3, 0],
    ]);
  });
});
