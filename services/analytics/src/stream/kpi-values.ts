import type { KpisView } from '../kpis/kpi.views';

/** The figures of a KPI set, flattened to the `kpi → value` pairs the compacted topic carries. */
export function flattenKpis(
  kpis: Pick<KpisView, 'funnel' | 'residents' | 'occupancy' | 'economy' | 'cohorts'>,
): Record<string, number | null> {
  const sum = (pick: (site: (typeof kpis.occupancy)[number]) => number) =>
    kpis.occupancy.reduce((total, site) => total + pick(site), 0);
  return {
    ...Object.fromEntries(Object.entries(kpis.funnel.counts).map(([stage, count]) => [`funnel.${stage}`, count])),
    'funnel.acceptance-rate': kpis.funnel.acceptanceRate,
    'funnel.days-to-decision.median': kpis.funnel.daysToDecision.median,
    'funnel.days-to-decision.p90': kpis.funnel.daysToDecision.p90,
    'residents.now': kpis.residents.residentsNow,
    'residents.annual-turnover-rate': kpis.residents.annualTurnoverRate,
    'occupancy.offices-used': sum((site) => site.offices.used),
    'occupancy.offices-total': sum((site) => site.offices.total),
    'occupancy.positions-used': sum((site) => site.coworkingPositions.used),
    'occupancy.positions-total': sum((site) => site.coworkingPositions.total),
    'occupancy.waitlist': sum((site) => site.waitlist),
    'economy.jobs': kpis.economy.jobs,
    'economy.revenue-mad': kpis.economy.revenueMad,
    'economy.exporting-reports': kpis.economy.exportingReports,
    'economy.foreign-branch-reports': kpis.economy.foreignBranchReports,
    ...Object.fromEntries(
      kpis.cohorts.flatMap((cohort) => [
        [`cohort.${cohort.cohort}.size`, cohort.size],
        [`cohort.${cohort.cohort}.success-rate`, cohort.successRate],
        [`cohort.${cohort.cohort}.survival-rate`, cohort.survivalRate],
      ]),
    ),
  };
}
