import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * One materialized counter: a KPI of a site for a month and a dimension. Events add to it with
 * `$inc` and record their id in it (`applyOnce`), so a redelivery adds nothing. Reads touch a few
 * cells per site and month, never the event history.
 */
@Schema({ collection: 'kpi_cells', timestamps: true })
export class KpiCell {
  /** `<site>|<kpi>|<period>|<dimension>` */
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true, index: true })
  site!: string;

  @Prop({ required: true, index: true })
  kpi!: string;

  @Prop({ required: true, index: true })
  period!: string;

  @Prop({ required: true })
  dimension!: string;

  @Prop({ required: true, default: 0 })
  value!: number;
}

export const KpiCellSchema = SchemaFactory.createForClass(KpiCell);

export function cellId(site: string, kpi: string, period: string, dimension: string): string {
  return `${site}|${kpi}|${period}|${dimension}`;
}
