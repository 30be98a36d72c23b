import type { ResidencyEndedV1, ResidencyStartedV1 } from '@technopark/contracts';
import { COHORT_MARKS } from '../../kpis/cohort-marks';
import type { CellIncrement } from '../../kpis/kpi-cell';

/** Whole months from one calendar date to another (a stay that ends on its 18-month anniversary lasted 18 months). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/** A cohort is the residencies that started in one month; its size grows with each move-in. */
export function cohortJoinIncrements(site: string, started: ResidencyStartedV1): CellIncrement[] {
  return [{ kpi: 'cohort.size', site, period: started.startedOn.slice(0, 7), dimension: 'all', by: 1 }];
}

/**
 * A residency counts as lost at a mark when it ended before the mark other than by graduating
 * (graduates count as successes whenever they leave). Counted in its cohort's month.
 */
export function cohortLossIncrements(site: string, ended: ResidencyEndedV1): CellIncrement[] {
  if (!ended.startedOn || ended.outcome === 'graduated') return [];
  const lasted = monthsBetween(ended.startedOn, ended.endedOn);
  const period = ended.startedOn.slice(0, 7);
  return (Object.entries(COHORT_MARKS) as [keyof typeof COHORT_MARKS, number][])
    .filter(([, months]) => lasted < months)
    .map(([mark]) => ({ kpi: `cohort.lost-before-${mark}`, site, period, dimension: 'all', by: 1 }));
}
