import { funnelIncrements } from './funnel.projection';

describe('the funnel projection', () => {
  it('counts a stage by event month, in total and for the program', () => {
    expect(funnelIncrements('accepted', 'rabat', '2026-03-31T23:59:59Z', 'incubation')).toEqual([
      { kpi: 'funnel.accepted', site: 'rabat', period: '2026-03', dimension: 'all', by: 1 },
      { kpi: 'funnel.accepted', site: 'rabat', period: '2026-03', dimension: 'program:incubation', by: 1 },
    ]);
  });
});
