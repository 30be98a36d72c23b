import type { CellIncrement } from '../kpis/kpi-cell';
import { sectorDimension } from '../kpis/sector-dimension';

/**
 * What one application event counted in the funnel (a stage, or a day of the decision-time
 * histogram), remembered per startup so that it can be counted under the startup's sectors, and
 * moved when they change.
 */
export interface SectorContribution {
  readonly eventId: string;
  readonly kpi: string;
  readonly period: string;
  readonly programId?: string;
  /** The histogram bucket (`days:12`) for decision time; absent for a stage count. */
  readonly bucket?: string;
}

/** The funnel increments of an event that also count per sector: the network-wide ones of its site. */
export function sectorContributionsOf(
  eventId: string,
  increments: readonly CellIncrement[],
  programId?: string,
): SectorContribution[] {
  return increments
    .filter(({ kpi, dimension }) => kpi.startsWith('funnel.') && (dimension === 'all' || /^days:\d+$/.test(dimension)))
    .map(({ kpi, period, dimension }) => ({
      eventId,
      kpi,
      period,
      ...(programId ? { programId } : {}),
      ...(dimension === 'all' ? {} : { bucket: dimension }),
    }));
}

/** The sector cells that contributions add `by` to, for each of the sectors, merged per cell. */
export function sectorIncrements(
  site: string,
  contributions: readonly SectorContribution[],
  sectors: readonly string[],
  by: number,
): CellIncrement[] {
  const merged = new Map<string, CellIncrement>();
  for (const { kpi, period, programId, bucket } of contributions) {
    for (const sector of sectors) {
      for (const dimension of [
        sectorDimension(sector, undefined, bucket),
        ...(programId ? [sectorDimension(sector, programId, bucket)] : []),
      ]) {
        const key = `${kpi}|${period}|${dimension}`;
        merged.set(key, { kpi, site, period, dimension, by: (merged.get(key)?.by ?? 0) + by });
      }
    }
  }
  return [...merged.values()];
}

/** What a change of a startup's sectors does to the cells its contributions are counted in. */
export function sectorMoveIncrements(
  site: string,
  contributions: readonly SectorContribution[],
  before: readonly string[],
  after: readonly string[],
): CellIncrement[] {
  const left = before.filter((sector) => !after.includes(sector));
  const joined = after.filter((sector) => !before.includes(sector));
  return [...sectorIncrements(site, contributions, left, -1), ...sectorIncrements(site, contributions, joined, 1)];
}
