import { EventCompleted } from '@technopark/contracts';
import { completedIncrements, registrationIncrements } from './community.projection';

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
});
