import type { ResidencyEndedV1, ResidencyStartedV1 } from '@technopark/contracts';
import type { CellIncrement } from '../../kpis/kpi-cell';

/**
 * Arrivals count in the month of the move-in, departures in the month of the end (domain dates,
 * so a rebuild lands them in the same cells). Ends without a move-in (declined, no-show,
 * withdrawn) are not departures: those startups were never residents.
 */
export function arrivalIncrements(site: string, started: ResidencyStartedV1): CellIncrement[] {
  const period = started.startedOn.slice(0, 7);
  return [
    { kpi: 'residency.arrivals', site, period, dimension: 'all', by: 1 },
    { kpi: 'residency.arrivals', site, period, dimension: `program:${started.programId}`, by: 1 },
  ];
}

export function departureIncrements(site: string, ended: ResidencyEndedV1): CellIncrement[] {
  if (!ended.startedOn) return [];
  const period = ended.endedOn.slice(0, 7);
  return [
    { kpi: 'residency.departures', site, period, dimension: 'all', by: 1 },
    { kpi: 'residency.departures', site, period, dimension: `outcome:${ended.outcome}`, by: 1 },
  ];
}
