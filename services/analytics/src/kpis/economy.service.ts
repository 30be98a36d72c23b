import { Injectable } from '@nestjs/common';
import { JOBS_KPI } from './economy-kpis';
import type { CountedCell } from './kpi-cell';
import { KpiCellsRepository } from './kpi-cells.repository';

export interface EconomyFigures {
  /** Sum of every startup's latest reported headcount, residents and alumni, as of the end of the range. */
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

function jobsBySite(cells: readonly CountedCell[]): { site: string; jobs: number }[] {
  const bySite = new Map<string, number>();
  for (const { site, value } of cells) bySite.set(site, (bySite.get(site) ?? 0) + value);
  return [...bySite].map(([site, jobs]) => ({ site, jobs })).sort((a, b) => a.site.localeCompare(b.site));
}

@Injectable()
export class EconomyService {
  constructor(private readonly cells: KpiCellsRepository) {}

  async figures(query: { site?: string; from: string; to: string }): Promise<EconomyFigures> {
    const [jobs, quarters] = await Promise.all([
      this.cells.find({
        kpis: [JOBS_KPI],
        site: query.site,
        from: '0000-Q1',
        to: quarterOf(query.to),
        dimension: 'all',
      }),
      this.cells.find({
        kpis: ['economy.revenue-mad', 'economy.reports', 'economy.exporting', 'economy.foreign-branch'],
        site: query.site,
        from: quarterOf(query.from),
        to: quarterOf(query.to),
        dimension: 'all',
      }),
    ]);
    const total = (kpi: string) =>
      quarters.filter((cell) => cell.kpi === kpi).reduce((sum, cell) => sum + cell.value, 0);
    return {
      jobs: jobs.reduce((sum, cell) => sum + cell.value, 0),
      jobsBySite: jobsBySite(jobs),
      revenueMad: Math.round(total('economy.revenue-mad') * 100) / 100,
      reports: total('economy.reports'),
      exportingReports: total('economy.exporting'),
      foreignBranchReports: total('economy.foreign-branch'),
    };
  }
}
