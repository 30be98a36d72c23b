import { Injectable } from '@nestjs/common';
import { KpiCellsRepository } from './kpi-cells.repository';
import { FUNNEL_STAGES, type FunnelStage } from '../projections/funnel.projection';

export interface FunnelFigures {
  readonly counts: Record<FunnelStage, number>;
  /** accepted / (accepted + rejected), null before any decision. */
  readonly acceptanceRate: number | null;
}

export interface FunnelQuery {
  readonly site?: string;
  readonly from: string;
  readonly to: string;
  readonly programId?: string;
}

/** The application funnel over a range of months, for one site or the whole network. */
@Injectable()
export class FunnelService {
  constructor(private readonly cells: KpiCellsRepository) {}

  async figures(query: FunnelQuery): Promise<FunnelFigures> {
    const found = await this.cells.find({ kpis: FUNNEL_STAGES.map((stage) => `funnel.${stage}`), site: query.site, from: query.from, to: query.to, dimension: query.programId ? `program:${query.programId}` : 'all' });
    const counts = Object.fromEntries(FUNNEL_STAGES.map((stage) => [stage, 0])) as Record<FunnelStage, number>;
    for (const cell of found) counts[cell.kpi.slice('funnel.'.length) as FunnelStage] += cell.value;
    const decided = counts.accepted + counts.rejected;
    return { counts, acceptanceRate: decided === 0 ? null : Math.round((counts.accepted / decided) * 1000) / 1000 };
  }
}
