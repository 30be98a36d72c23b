import type { DealStageChangedV1, FundingRaisedV1 } from '@technopark/contracts';
import { dayHistogramIncrements } from '../../kpis/day-histogram';
import type { CellIncrement } from '../../kpis/kpi-cell';
import { FUNDING_KPIS } from '../../kpis/funding-kpis';

/**
 * A raise counts in the month it closed: its amount and one deal, in total, per sector (the
 * startup's sectors when it raised) and per instrument; in its cohort's month (the residency's
 * start) for the cohort figures; and, when it came from an introduction, as a funded introduction
 * and in the histogram of days from the introduction to the money.
 */
export function raisedIncrements(site: string, raised: FundingRaisedV1): CellIncrement[] {
  const period = raised.raisedOn.slice(0, 7);
  const dimensions = ['all', ...raised.sectors.map((sector) => `sector:${sector}`), `instrument:${raised.instrument}`];
  const cell = (kpi: string, by: number, dimension: string, at = period): CellIncrement => ({
    kpi,
    site,
    period: at,
    dimension,
    by,
  });
  return [
    ...dimensions.flatMap((dimension) => [
      cell(FUNDING_KPIS.raisedMad, raised.amount, dimension),
      cell(FUNDING_KPIS.deals, 1, dimension),
    ]),
    ...(raised.cohort
      ? [
          cell(FUNDING_KPIS.cohortRaisedMad, raised.amount, 'all', raised.cohort),
          cell(FUNDING_KPIS.cohortDeals, 1, 'all', raised.cohort),
        ]
      : []),
    ...(raised.introductionId
      ? [
          cell(FUNDING_KPIS.introductionsFunded, 1, 'all'),
          ...dayHistogramIncrements(
            FUNDING_KPIS.daysToFunding,
            site,
            raised.introducedOn ?? raised.raisedOn,
            raised.raisedOn,
          ),
        ]
      : []),
  ];
}

/** Introductions requested or accepted, in the month they were. */
export function introductionIncrements(site: string, kpi: string, time: string): CellIncrement[] {
  return [{ kpi, site, period: time.slice(0, 7), dimension: 'all', by: 1 }];
}

/** A deal closing without money counts as closed; the other stages are the pipeline's own. */
export function dealIncrements(site: string, changed: DealStageChangedV1, time: string): CellIncrement[] {
  return changed.stage === 'closed' ? introductionIncrements(site, FUNDING_KPIS.dealsClosed, time) : [];
}
