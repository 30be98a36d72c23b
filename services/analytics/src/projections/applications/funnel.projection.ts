import type { FunnelStage } from '../../kpis/funnel-stages';
import type { CellIncrement } from '../../kpis/kpi-cell';

/** The funnel counters an application event adds to: its stage, in total and for its program, in the event's month. */
export function funnelIncrements(stage: FunnelStage, site: string, time: string, programId: string): CellIncrement[] {
  const period = time.slice(0, 7);
  const kpi = `funnel.${stage}`;
  return [
    { kpi, site, period, dimension: 'all', by: 1 },
    { kpi, site, period, dimension: `program:${programId}`, by: 1 },
  ];
}
