import { quantileOfHistogram } from '../../kpis/day-histogram';
import { decisionTimeIncrements } from './decision-time.projection';

describe('time from submission to decision', () => {
  it('counts whole days in the month of the decision', () => {
    expect(
      decisionTimeIncrements('rabat', '2026-03-10T09:00:00Z', '2026-02-28T10:00:00Z', 'incubation').map((cell) => [
        cell.period,
        cell.dimension,
      ]),
    ).toEqual([
      ['2026-03', 'days:9'],
      ['2026-03', 'program:incubation:days:9'],
    ]);
  });

  it('reads the median and p90 off the histogram', () => {
    const histogram = new Map([
      [3, 2],
      [10, 5],
      [40, 2],
      [90, 1],
    ]);
    expect(quantileOfHistogram(histogram, 0.5)).toBe(10);
    expect(quantileOfHistogram(histogram, 0.9)).toBe(40);
    expect(quantileOfHistogram(new Map(), 0.5)).toBeNull();
  });

  it('counts a wait longer than a year in the last bucket', () => {
    expect(
      decisionTimeIncrements('rabat', '2028-03-10T09:00:00Z', '2026-02-28T10:00:00Z', 'incubation')[0]?.dimension,
    ).toBe('days:365');
  });
});
