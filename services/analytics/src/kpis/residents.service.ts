import { Injectable } from '@nestjs/common';
import { KpiCellsRepository } from './kpi-cells.repository';

export interface ResidentFigures {
  /** Moved in and not ended, as of the end of `to`. */
  readonly residentsNow: number;
  readonly arrivals: number;
  readonly departures: number;
}

/** Residents from arrivals and departures: cells per month, so the answer grows with months, not events. */
@Injectable()
export class ResidentsService {
  constructor(private readonly cells: KpiCellsRepository) {}

  async figures(query: { site?: string; from: string; to: string }): Promise<ResidentFigures> {
    const sum = async (kpi: string, from: string) => (await this.cells.find({ kpis: [kpi], site: query.site, from, to: query.to, dimension: 'all' })).reduce((total, cell) => total + cell.value, 0);
    const [everArrived, everLeft, arrivals, departures] = await Promise.all([
      sum('residency.arrivals', '0000-01'),
      sum('residency.departures', '0000-01'),
      sum('residency.arrivals', query.from),
      sum('residency.departures', query.from),
    ]);
    return { residentsNow: everArrived - everLeft, arrivals, departures };
  }
}
