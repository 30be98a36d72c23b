import { monthsBefore, monthsFrom } from './series.service';

describe('months of a series', () => {
  it('counts months across years, and refuses more than 240', () => {
    expect(monthsFrom('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBefore('2026-11', 23)).toBe('2024-12');
    expect(monthsBefore('2026-01', 1)).toBe('2025-12');
    expect(() => monthsFrom('2000-01', '2030-12')).toThrow('at most 240 months');
  });
});
