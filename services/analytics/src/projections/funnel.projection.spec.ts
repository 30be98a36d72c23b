import { funnelIncrements } from './funnel.projection';

describe('the funnel projection', () => {
  it('counts a stage by event month, in total and for the program', () => {
    expect(funnelIncrements('ma.technopark.application.accepted.v1', 'rabat', '2026-03-31T23:59:59Z', { programId: 'incubation' })).toEqual([
      { kpi: 'funnel.accepted', site: 'rabat', period: '2026-03', dimension: 'all', by: 1 },
      { kpi: 'funnel.accepted', site: 'rabat', period: '2026-03', dimension: 'program:incubation', by: 1 },
    ]);
  });

  it('ignores events that are not funnel stages', () => {
    expect(funnelIncrements('ma.technopark.application.scored.v1', 'rabat', '2026-03-01T00:00:00Z', { programId: 'incubation' })).toEqual([]);
  });
});
