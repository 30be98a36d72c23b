import { quarterReachOf } from './quarter-reach';

describe('quarterReachOf', () => {
  const reached = [
    { site: 'agadir', startupId: 'a' },
    { site: 'agadir', startupId: 'b' },
    { site: 'tangier', startupId: 'a' },
  ];

  it('counts the residents of any day of the quarter, and those among them the events reached', () => {
    const spans = [
      { site: 'agadir', startupId: 'a', startedOn: '2026-10-01' },
      { site: 'agadir', startupId: 'c', startedOn: '2027-03-31', endedOn: '2027-05-01' },
      { site: 'agadir', startupId: 'b', startedOn: '2026-01-01', endedOn: '2026-12-31' },
      { site: 'agadir', startupId: 'd', endedOn: '2027-02-01' },
      { site: 'tangier', startupId: 'a', startedOn: '2027-04-01' },
    ];
    expect(quarterReachOf('2027-Q1', reached, spans)).toEqual({
      quarter: '2027-Q1',
      startupsReached: 3,
      residents: 2,
      residentsReached: 1,
    });
  });

  it('counts a startup with two residencies in the quarter once', () => {
    const spans = [
      { site: 'agadir', startupId: 'a', startedOn: '2027-01-01', endedOn: '2027-01-31' },
      { site: 'agadir', startupId: 'a', startedOn: '2027-02-15' },
    ];
    expect(quarterReachOf('2027-Q1', reached, spans)).toMatchObject({ residents: 1, residentsReached: 1 });
  });
});
