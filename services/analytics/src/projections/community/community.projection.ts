import type { CompetitionResultsPublishedV1, EventCompletedV1, TeamResultV1 } from '@technopark/contracts';
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

/**
 * Published results count in the month they were published: the competition (in all and per kind),
 * the prizes won and their cash in MAD.
 */
export function resultsIncrements(site: string, time: string, results: CompetitionResultsPublishedV1): CellIncrement[] {
  const period = time.slice(0, 7);
  const cell = (kpi: string, by: number, dimension = 'all'): CellIncrement => ({ kpi, site, period, dimension, by });
  const prized = results.results.filter((team) => team.prize);
  return [
    cell(COMMUNITY_KPIS.competitionsJudged, 1),
    cell(COMMUNITY_KPIS.competitionsJudged, 1, `kind:${results.kind}`),
    cell(COMMUNITY_KPIS.prizesWon, prized.length),
    cell(
      COMMUNITY_KPIS.prizeMoneyMad,
      prized.reduce((total, team) => total + (team.prize?.amountMad ?? 0), 0),
    ),
  ].filter((increment) => increment.by > 0);
}

/** A startup's place in published results, for its timeline ("won" when it took a prize), with the prize cells it counts in. */
export interface StartupPlacement {
  readonly startupId: string;
  readonly data: {
    readonly eventId: string;
    readonly kind: CompetitionResultsPublishedV1['kind'];
    readonly teams: number;
    readonly won: boolean;
  } & Omit<TeamResultV1, 'startupId'>;
  readonly cells: CellIncrement[];
}

export function startupPlacements(
  site: string,
  time: string,
  results: CompetitionResultsPublishedV1,
): StartupPlacement[] {
  const period = time.slice(0, 7);
  return results.results.flatMap(({ startupId, ...result }) =>
    startupId
      ? [
          {
            startupId,
            data: {
              eventId: results.eventId,
              kind: results.kind,
              teams: results.results.length,
              won: Boolean(result.prize),
              ...result,
            },
            cells: result.prize ? [{ kpi: COMMUNITY_KPIS.prizesWon, site, period, dimension: 'all', by: 1 }] : [],
          },
        ]
      : [],
  );
}
