import { Injectable } from '@nestjs/common';
import { KpiCellsRepository } from './kpi-cells.repository';
import { DECISION_DAYS_KPI, quantileOfHistogram } from './day-histogram';
import { sectorDimension } from './sector-dimension';
import { FUNNEL_STAGES, type FunnelStage } from './funnel-stages';

export interface FunnelFigures {
  readonly counts: Record<FunnelStage, number>;
  /** accepted / (accepted + rejected), null before any decision. */
  readonly acceptanceRate: number | null;
  /** Whole days from submission to decision (accepted, rejected or waitlisted), decided in the range. */
  readonly daysToDecision: { readonly median: number | null; readonly p90: number | null; readonly decisions: number };
}

export interface FunnelQuery {
  readonly site?: string;
  readonly from: string;
  readonly to: string;
  readonly programId?: string;
  readonly sector?: string;
}

/** The cells' dimension for a query: `all`, `program:<id>`, `sector:<s>` or `program:<id>:sector:<s>`. */
export function funnelDimensionOf(query: Pick<FunnelQuery, 'programId' | 'sector'>): string {
  if (query.sector) return sectorDimension(query.sector, query.programId);
  return query.programId ? `program:${query.programId}` : 'all';
}

/** The application funnel over a range of months, for one site or the whole network. */
@Injectable()
export class FunnelService {
  constructor(private readonly cells: KpiCellsRepository) {}

  async figures(query: FunnelQuery): Promise<FunnelFigures> {
    const [found, histogram] = await Promise.all([
      this.cells.find({
        kpis: FUNNEL_STAGES.map((stage) => `funnel.${stage}`),
        site: query.site,
        from: query.from,
        to: query.to,
        dimension: funnelDimensionOf(query),
      }),
      this.decisionDays(query),
    ]);
    const counts = Object.fromEntries(FUNNEL_STAGES.map((stage) => [stage, 0])) as Record<FunnelStage, number>;
    for (const cell of found) counts[cell.kpi.slice('funnel.'.length) as FunnelStage] += cell.value;
    const decided = counts.accepted + counts.rejected;
    return {
      counts,
      acceptanceRate: decided === 0 ? null : Math.round((counts.accepted / decided) * 1000) / 1000,
      daysToDecision: {
        median: quantileOfHistogram(histogram, 0.5),
        p90: quantileOfHistogram(histogram, 0.9),
        decisions: [...histogram.values()].reduce((sum, count) => sum + count, 0),
      },
    };
  }

  /** Days to decision → decisions, from the histogram cells (at most 366 per site and month). */
  private async decisionDays(query: FunnelQuery): Promise<Map<number, number>> {
    const dimension = funnelDimensionOf(query);
    const prefix = dimension === 'all' ? 'days:' : `${dimension}:days:`;
    const cells = await this.cells.findByDimensionPrefix({
      kpi: DECISION_DAYS_KPI,
      site: query.site,
      from: query.from,
      to: query.to,
      prefix,
    });
    const histogram = new Map<number, number>();
    for (const cell of cells) {
      const days = Number(cell.dimension.slice(prefix.length));
      histogram.set(days, (histogram.get(days) ?? 0) + cell.value);
    }
    return histogram;
  }
}
