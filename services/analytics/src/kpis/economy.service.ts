import { Injectable } from '@nestjs/common';
import { JOBS_CELL } from '../economy/jobs.repository';
import { KpiCellsRepository } from './kpi-cells.repository';

export interface EconomyFigures {
  /** Sum of every startup's latest reported headcount, residents and alumni. */
  readonly jobs: number;
  readonly jobsBySite: { site: string; jobs: number }[];
  /** Over the quarters of the range: */
  readonly revenueMad: number;
  readonly reports: number;
  /** Reports saying the startup exports / has a foreign branch. */
  readonly exportingReports: number;
  readonly foreignBranchReports: number;
}

/** `YYYY-MM` → its calendar quarter `YYYY-Qn`. */
export function quarterOf(month: string): string {
  return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

@Injectable()
export class EconomyService {
  constructor(private readonly cells: KpiCellsRepository) {}

  async figures(query: { site?: string; from: string; to: string }): Promise<EconomyFigures> {
    const [jobs, quarters] = await Promise.all([
      this.cells.find({ kpis: [JOBS_CELL.kpi], site: query.site, from: JOBS_CELL.period, to: JOBS_CELL.period, dimension: 'all' }),
      this.cells.find({ kpis: ['economy.revenue-mad', 'economy.reports', 'economy.exporting', 'economy.foreign-branch'], site: query.site, from: quarterOf(query.from), to: quarterOf(query.to), dimension: 'all' }),
    ]);
    const total = (kpi: string) => quarters.filter((cell) => cell.kpi === kpi).reduce((sum, cell) => sum + cell.value, 0);
    return {
      jobs: jobs.reduce((sum, cell) => sum + cell.value, 0),
      jobsBySite: jobs.map(({ site, value }) => ({ site, jobs: value })).sort((a, b) => a.site.localeCompare(b.site)),
      revenueMad: Math.round(total('economy.revenue-mad') * 100) / 100,
      reports: total('economy.reports'),
      exportingReports: total('economy.exporting'),
      foreignBranchReports: total('economy.foreign-branch'),
    };
  }
}
