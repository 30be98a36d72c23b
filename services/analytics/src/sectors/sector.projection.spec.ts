import { sectorDimension } from '../kpis/sector-dimension';
import { sectorContributionsOf, sectorIncrements, sectorMoveIncrements } from './sector.projection';

const submitted = { eventId: 'e1', kpi: 'funnel.submitted', period: '2026-02', programId: 'incubation' };
const accepted = { eventId: 'e2', kpi: 'funnel.accepted', period: '2026-03', programId: 'incubation' };

describe('the funnel per sector', () => {
  it('remembers the network-wide funnel counts and decision days of an event, not its program cells nor other KPIs', () => {
    const increments = [
      { kpi: 'funnel.accepted', site: 'rabat', period: '2026-03', dimension: 'all', by: 1 },
      { kpi: 'funnel.accepted', site: 'rabat', period: '2026-03', dimension: 'program:incubation', by: 1 },
      { kpi: 'funnel.decision-days', site: 'rabat', period: '2026-03', dimension: 'days:37', by: 1 },
      { kpi: 'funnel.decision-days', site: 'rabat', period: '2026-03', dimension: 'program:incubation:days:37', by: 1 },
      { kpi: 'residency.arrivals', site: 'rabat', period: '2026-03', dimension: 'all', by: 1 },
    ];
    expect(sectorContributionsOf('e2', increments, 'incubation')).toEqual([
      { eventId: 'e2', kpi: 'funnel.accepted', period: '2026-03', programId: 'incubation' },
      { eventId: 'e2', kpi: 'funnel.decision-days', period: '2026-03', programId: 'incubation', bucket: 'days:37' },
    ]);
  });

  it('names sector cells alone and within a program, with the histogram bucket last', () => {
    expect(sectorDimension('ai')).toBe('sector:ai');
    expect(sectorDimension('ai', 'incubation')).toBe('program:incubation:sector:ai');
    expect(sectorDimension('ai', 'incubation', 'days:12')).toBe('program:incubation:sector:ai:days:12');
  });

  it('counts each contribution under every sector of the startup, merging contributions to the same cell', () => {
    const again = { ...submitted, eventId: 'e3' };
    expect(sectorIncrements('rabat', [submitted, again], ['ai', 'fintech'], 1)).toEqual([
      { kpi: 'funnel.submitted', site: 'rabat', period: '2026-02', dimension: 'sector:ai', by: 2 },
      { kpi: 'funnel.submitted', site: 'rabat', period: '2026-02', dimension: 'program:incubation:sector:ai', by: 2 },
      { kpi: 'funnel.submitted', site: 'rabat', period: '2026-02', dimension: 'sector:fintech', by: 2 },
      {
        kpi: 'funnel.submitted',
        site: 'rabat',
        period: '2026-02',
        dimension: 'program:incubation:sector:fintech',
        by: 2,
      },
    ]);
  });

  it('moves contributions out of the sectors a startup left and into those it joined, leaving the kept ones alone', () => {
    const moved = sectorMoveIncrements('rabat', [submitted, accepted], ['ai', 'fintech'], ['ai', 'edtech']);
    expect(moved.filter((cell) => !cell.dimension.startsWith('program:'))).toEqual([
      { kpi: 'funnel.submitted', site: 'rabat', period: '2026-02', dimension: 'sector:fintech', by: -1 },
      { kpi: 'funnel.accepted', site: 'rabat', period: '2026-03', dimension: 'sector:fintech', by: -1 },
      { kpi: 'funnel.submitted', site: 'rabat', period: '2026-02', dimension: 'sector:edtech', by: 1 },
      { kpi: 'funnel.accepted', site: 'rabat', period: '2026-03', dimension: 'sector:edtech', by: 1 },
    ]);
    expect(sectorMoveIncrements('rabat', [submitted], ['ai'], ['ai'])).toEqual([]);
  });
});
