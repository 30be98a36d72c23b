import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { applyOnce, type ReceivedEvent } from '@technopark/messaging';
import type { Model } from 'mongoose';
import type { CellIncrement } from '../projections/funnel.projection';
import { cellId, KpiCell } from './kpi-cell.schema';

/** The only place that touches the KPI cells. */
@Injectable()
export class KpiCellsRepository {
  constructor(@InjectModel(KpiCell.name) private readonly cells: Model<KpiCell>) {}

  /** Adds each increment once per event, whatever the number of deliveries; true when a cell changed. */
  async apply(increments: readonly CellIncrement[], event: Pick<ReceivedEvent, 'id'>): Promise<boolean> {
    let changed = false;
    for (const { kpi, site, period, dimension, by } of increments) {
      const outcome = await applyOnce(this.cells, cellId(site, kpi, period, dimension), { $inc: { value: by }, $setOnInsert: { site, kpi, period, dimension } }, event);
      changed ||= outcome === 'applied';
    }
    return changed;
  }

  /** The cells of some KPIs over a range of months, for one site or every site. */
  find(filter: { kpis: readonly string[]; site?: string; from: string; to: string; dimension: string }): Promise<KpiCell[]> {
    return this.cells
      .find({ kpi: { $in: [...filter.kpis] }, period: { $gte: filter.from, $lte: filter.to }, dimension: filter.dimension, ...(filter.site ? { site: filter.site } : {}) }, { _appliedEvents: 0 })
      .lean<KpiCell[]>();
  }

  /** Cells of one KPI whose dimension starts with `prefix` (histogram buckets). */
  findByDimensionPrefix(filter: { kpi: string; site?: string; from: string; to: string; prefix: string }): Promise<KpiCell[]> {
    const escaped = filter.prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.cells
      .find({ kpi: filter.kpi, period: { $gte: filter.from, $lte: filter.to }, dimension: { $regex: `^${escaped}\\d+$` }, ...(filter.site ? { site: filter.site } : {}) }, { _appliedEvents: 0 })
      .lean<KpiCell[]>();
  }
}
