import type { EventCompletedV1 } from '@technopark/contracts';
import { COMMUNITY_KPIS } from '../../kpis/community-kpis';
import type { CellIncrement } from '../../kpis/kpi-cell';

/**
 * A held event counts in the month it started (UTC), in all and per kind, with its attendance:
 * the registrations confirmed, those checked in and the walk-ins. The attendance rate is checked in
 * ÷ confirmed over the events held in a range.
 */
export function completedIncrements(site: string, completed: EventCompletedV1): CellIncrement[] {
  const period = completed.startsAt.slice(0, 7);
  const cell = (kpi: string, by: number, dimension = 'all'): CellIncrement => ({ kpi, site, period, dimension, by });
  const { confirmed, checkedIn, walkIns } = completed.attendance;
  return [
    cell(COMMUNITY_KPIS.eventsHeld, 1),
    cell(COMMUNITY_KPIS.eventsHeld, 1, `kind:${completed.kind}`),
    cell(COMMUNITY_KPIS.confirmedAtHeld, confirmed),
    cell(COMMUNITY_KPIS.checkedInAtHeld, checkedIn),
    cell(COMMUNITY_KPIS.walkInsAtHeld, walkIns),
  ].filter((increment) => increment.by > 0);
}

/** A registration confirmed or promoted counts its seats in the month it was. */
export function registrationIncrements(site: string, seats: number, time: string): CellIncrement[] {
  return [{ kpi: COMMUNITY_KPIS.registrations, site, period: time.slice(0, 7), dimension: 'all', by: seats }];
}
