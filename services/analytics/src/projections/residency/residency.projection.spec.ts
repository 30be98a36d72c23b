import { arrivalIncrements, departureIncrements } from './residency.projection';

const reference = {
  residencyId: 'r',
  startupId: 's',
  programId: 'incubation',
  programKind: 'incubation' as const,
  actor: { id: 'staff', role: 'site-staff' as const },
};

describe('the residency projection', () => {
  it('counts an arrival in the month of the move-in', () => {
    expect(
      arrivalIncrements('agadir', {
        ...reference,
        spaceId: 'office-1',
        startedOn: '2026-01-31',
        plannedEndOn: '2027-07-31',
      }).map((cell) => [cell.kpi, cell.period, cell.dimension]),
    ).toEqual([
      ['residency.arrivals', '2026-01', 'all'],
      ['residency.arrivals', '2026-01', 'program:incubation'],
    ]);
  });

  it('counts a departure by its outcome, and no departure for a startup that never moved in', () => {
    expect(
      departureIncrements('agadir', {
        ...reference,
        outcome: 'graduated',
        endedOn: '2027-07-01',
        startedOn: '2026-01-31',
      }).map((cell) => [cell.kpi, cell.period, cell.dimension]),
    ).toEqual([
      ['residency.departures', '2027-07', 'all'],
      ['residency.departures', '2027-07', 'outcome:graduated'],
    ]);
    expect(departureIncrements('agadir', { ...reference, outcome: 'no-show', endedOn: '2026-02-01' })).toEqual([]);
  });
});
