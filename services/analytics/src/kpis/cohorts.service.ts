import { Injectable } from '@nestjs/common';
import { Clock } from '@technopark/platform';
import { COHORT_MARKS } from './cohort-marks';
import { KpiCellsRepository } from './kpi-cells.repository';

export interface CohortFigures {
  /** Start month of the cohort. */
  readonly cohort: string;
  readonly size: number;
  /** Share still active or graduated 18 months after start; null until every member has reached the mark. */
  readonly successRate: number | null;
  /** Share still active or graduated 5 years after start; null until then. */
  readonly survivalRate: number | null;
}

function monthsLater(month: string, months: number): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + number - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Cohorts by residency start month, with the size shown so small cohorts are not over-read. */
@Injectable()
export class CohortsService {
  constructor(
    private readonly cells: KpiCellsRepository,
    private readonly clock: Clock,
  ) {}

  async figures(query: { site?: string; from: string; to: string }): Promise<CohortFigures[]> {
    const found = await this.cells.find({
      kpis: ['cohort.size', 'cohort.lost-before-success', 'cohort.lost-before-survival'],
      site: query.site,
      from: query.from,
      to: query.to,
      dimension: 'all',
    });
    const byCohort = new Map<string, Record<string, number>>();
    for (const cell of found) {
      const figures = byCohort.get(cell.period) ?? {};
      figures[cell.kpi] = (figures[cell.kpi] ?? 0) + cell.value;
      byCohort.set(cell.period, figures);
    }
    // A cohort is measured at a mark once its last possible member (started on the month's last day) has reached it.
    const thisMonth = this.clock.today().slice(0, 7);
    const rate = (cohort: string, size: number, lost: number, months: number) =>
      monthsLater(cohort, months) < thisMonth && size > 0 ? Math.round(((size - lost) / size) * 1000) / 1000 : null;
    return [...byCohort.entries()]
      .filter(([, figures]) => (figures['cohort.size'] ?? 0) > 0)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([cohort, figures]) => {
        const size = figures['cohort.size'] ?? 0;
        return {
          cohort,
          size,
          successRate: rate(cohort, size, figures['cohort.lost-before-success'] ?? 0, COHORT_MARKS.success),
          survivalRate: rate(cohort, size, figures['cohort.lost-before-survival'] ?? 0, COHORT_MARKS.survival),
        };
      });
  }
}
