import { Injectable } from '@nestjs/common';
import { UnprocessableError } from '@technopark/platform';
import { FUNNEL_STAGES } from './funnel-stages';
import { KpiCellsRepository } from './kpi-cells.repository';

/** A series covers at most 20 years of months. */
export const MAX_SERIES_MONTHS = 240;

export type MonthFigures = { month: string; arrivals: number; departures: number; residents: number } & Record<
  (typeof FUNNEL_STAGES)[number],
  number
>;

export function monthsBefore(month: string, count: number): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + number - 1 - count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function monthsFrom(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  while (`${year}-${String(month).padStart(2, '0')}` <= to) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    if (months.length > MAX_SERIES_MONTHS)
      throw new UnprocessableError(
        'KPI.SERIES_TOO_LONG',
        `a series covers at most ${MAX_SERIES_MONTHS} months; narrow from/to`,
      );
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return months;
}

/** Monthly series of the funnel and of residents, for charts: one reading of the cells, none of the events. */
@Injectable()
export class SeriesService {
  constructor(private readonly cells: KpiCellsRepository) {}

  async monthly(query: { site?: string; from: string; to: string }): Promise<MonthFigures[]> {
    const months = monthsFrom(query.from, query.to);
    const kpis = [...FUNNEL_STAGES.map((stage) => `funnel.${stage}`), 'residency.arrivals', 'residency.departures'];
    const cells = await this.cells.find({ kpis, site: query.site, from: '0000-01', to: query.to, dimension: 'all' });
    const totals = new Map<string, number>();
    for (const cell of cells)
      totals.set(`${cell.kpi}|${cell.period}`, (totals.get(`${cell.kpi}|${cell.period}`) ?? 0) + cell.value);
    const value = (kpi: string, month: string) => totals.get(`${kpi}|${month}`) ?? 0;
    let residents = cells
      .filter((cell) => cell.period < query.from)
      .reduce(
        (sum, cell) =>
          sum +
          (cell.kpi === 'residency.arrivals' ? cell.value : cell.kpi === 'residency.departures' ? -cell.value : 0),
        0,
      );
    return months.map((month) => {
      const arrivals = value('residency.arrivals', month);
      const departures = value('residency.departures', month);
      residents += arrivals - departures;
      const funnel = Object.fromEntries(
        FUNNEL_STAGES.map((stage) => [stage, value(`funnel.${stage}`, month)]),
      ) as Record<(typeof FUNNEL_STAGES)[number], number>;
      return { month, ...funnel, arrivals, departures, residents };
    });
  }
}
