import type { ResidentReportSubmittedV1 } from '@technopark/contracts';
import type { CellIncrement } from '../../kpis/kpi-cell';

/** Per-quarter sums of residents' reports: revenue, exporting startups, startups with a foreign branch, reports. */
export function quarterIncrements(site: string, report: ResidentReportSubmittedV1): CellIncrement[] {
  const cell = (kpi: string, by: number): CellIncrement => ({ kpi, site, period: report.period, dimension: 'all', by });
  return [
    cell('economy.reports', 1),
    cell('economy.revenue-mad', report.revenueMad),
    ...(report.exporting ? [cell('economy.exporting', 1)] : []),
    ...(report.foreignBranch ? [cell('economy.foreign-branch', 1)] : []),
  ];
}
