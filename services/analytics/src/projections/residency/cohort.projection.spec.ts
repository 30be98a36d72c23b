import { cohortLossIncrements, monthsBetween } from './cohort.projection';

const reference = {
  residencyId: 'r',
  startupId: 's',
  programId: 'incubation',
  programKind: 'incubation' as const,
  actor: { id: 'staff', role: 'site-staff' as const },
};
const ended = (
  outcome: 'graduated' | 'failed' | 'left' | 'no-show',
  startedOn: string | undefined,
  endedOn: string,
) => ({ ...reference, outcome, startedOn, endedOn });

describe('cohorts', () => {
  it('counts whole months between dates', () => {
    expect(monthsBetween('2024-01-15', '2025-07-15')).toBe(18);
    expect(monthsBetween('2024-01-15', '2025-07-14')).toBe(17);
    expect(monthsBetween('2024-01-31', '2024-02-29')).toBe(0);
  });

  it('loses a startup that failed before 18 months at both marks, one that left after 2 years at the 5-year mark only', () => {
    expect(
      cohortLossIncrements('rabat', ended('failed', '2024-01-15', '2025-01-01')).map((cell) => [cell.kpi, cell.period]),
    ).toEqual([
      ['cohort.lost-before-success', '2024-01'],
      ['cohort.lost-before-survival', '2024-01'],
    ]);
    expect(cohortLossIncrements('rabat', ended('left', '2024-01-15', '2026-02-01')).map((cell) => cell.kpi)).toEqual([
      'cohort.lost-before-survival',
    ]);
    expect(cohortLossIncrements('rabat', ended('left', '2024-01-15', '2029-01-15'))).toEqual([]);
  });

  it('never loses a graduate, nor a startup that never moved in', () => {
    expect(cohortLossIncrements('rabat', ended('graduated', '2024-01-15', '2024-06-01'))).toEqual([]);
    expect(cohortLossIncrements('rabat', ended('no-show', undefined, '2024-02-01'))).toEqual([]);
  });
});
