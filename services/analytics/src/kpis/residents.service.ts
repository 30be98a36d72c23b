import { Injectable } from '@nestjs/common';
import { WAITLIST_WAIT_DAYS_KPI, quantileOfHistogram } from './day-histogram';
import { KpiCellsRepository } from './kpi-cells.repository';

export interface ResidentFigures {
  /** Moved in and not ended, as of the end of `to`. */
  readonly residentsNow: number;
  readonly arrivals: number;
  readonly departures: number;
  /** Departures in the 12 months up to `to` over the average number of residents at those months' ends; null with no residents. */
  readonly annualTurnoverRate: number | null;
  /** Days from joining the waitlist to an allocation, for allocations in the range. */
  readonly waitlistDays: { readonly median: number | null; readonly allocations: number };
}

/** Previous month of a `YYYY-MM`. */
export function previousMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, '0')}`;
}

/** Residents from arrivals and departures: cells per month, so the answer grows with months, not events. */
@Injectable()
export class ResidentsService {
  constructor(private readonly cells: KpiCellsRepository) {}

  async figures(query: { site?: string; from: string; to: string }): Promise<ResidentFigures> {
    const [found, waitCells] = await Promise.all([
      this.cells.find({
        kpis: ['residency.arrivals', 'residency.departures'],
        site: query.site,
        from: '0000-01',
        to: query.to,
        dimension: 'all',
      }),
      this.cells.findByDimensionPrefix({
        kpi: WAITLIST_WAIT_DAYS_KPI,
        site: query.site,
        from: query.from,
        to: query.to,
        prefix: 'days:',
      }),
    ]);
    const net = new Map<string, number>();
    let arrivals = 0;
    let departures = 0;
    for (const cell of found) {
      const sign = cell.kpi === 'residency.arrivals' ? 1 : -1;
      net.set(cell.period, (net.get(cell.period) ?? 0) + sign * cell.value);
      if (cell.period < query.from) continue;
      if (sign > 0) arrivals += cell.value;
      else departures += cell.value;
    }
    const residentsAt = (month: string) =>
      [...net].filter(([period]) => period <= month).reduce((sum, [, change]) => sum + change, 0);
    const lastTwelve: string[] = [];
    for (let month = query.to; lastTwelve.length < 12; month = previousMonth(month)) lastTwelve.push(month);
    const averageResidents = lastTwelve.reduce((sum, month) => sum + residentsAt(month), 0) / 12;
    const departuresInYear = found
      .filter((cell) => cell.kpi === 'residency.departures' && lastTwelve.includes(cell.period))
      .reduce((sum, cell) => sum + cell.value, 0);
    const waits = new Map<number, number>();
    for (const cell of waitCells) {
      const days = Number(cell.dimension.slice('days:'.length));
      waits.set(days, (waits.get(days) ?? 0) + cell.value);
    }
    return {
      waitlistDays: {
        median: quantileOfHistogram(waits, 0.5),
        allocations: [...waits.values()].reduce((sum, count) => sum + count, 0),
      },
      residentsNow: residentsAt(query.to),
      arrivals,
      departures,
      annualTurnoverRate:
        averageResidents === 0 ? null : Math.round((departuresInYear / averageResidents) * 1000) / 1000,
    };
  }
}
