import { quarterDays, quarterOf, quartersBetween } from './quarter';

describe('quarters', () => {
  it('places dates and months in their quarter', () => {
    expect(['2027-01', '2027-03-31T23:59:00Z', '2027-04-01', '2027-12'].map(quarterOf)).toEqual([
      '2027-Q1',
      '2027-Q1',
      '2027-Q2',
      '2027-Q4',
    ]);
  });

  it("gives a quarter's first and last days, leap years included", () => {
    expect(quarterDays('2028-Q1')).toEqual({ first: '2028-01-01', last: '2028-03-31' });
    expect(quarterDays('2027-Q2')).toEqual({ first: '2027-04-01', last: '2027-06-30' });
    expect(quarterDays('2027-Q4')).toEqual({ first: '2027-10-01', last: '2027-12-31' });
  });

  it('lists the quarters between two dates, across years, and one for dates of the same quarter', () => {
    expect(quartersBetween('2025-11-03', '2026-04-30')).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']);
    expect(quartersBetween('2026-02-01', '2026-03-31')).toEqual(['2026-Q1']);
    expect(quartersBetween('2026-05-01', '2026-02-01')).toEqual([]);
  });
});
