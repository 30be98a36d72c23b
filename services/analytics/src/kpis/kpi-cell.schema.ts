import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * A year of one KPI of a site, for one dimension: every period's value in one document, so a read
 * fetches a few documents by `_id` (the only lookup FerretDB answers without scanning the
 * collection) and never touches the event history. Histogram buckets (`days:12`) are kept in the
 * document of their dimension, keyed `<period>|<bucket>`. Events add with `$inc` guarded by their
 * record's offset (`applyByOffset`: one offset per partition, not an id per event), so a redelivery
 * adds nothing and the document does not grow with history (changes decided from other state,
 * such as a startup's sector counts, are added by their own event's record, for the same reason).
 */
@Schema({ collection: 'kpi_years', timestamps: true })
export class KpiYear {
  /** `<site>|<kpi>|<dimension>|<year>` */
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true })
  site!: string;

  @Prop({ required: true })
  kpi!: string;

  @Prop({ required: true })
  dimension!: string;

  /** `YYYY`, or `latest` for figures that have no period. */
  @Prop({ required: true })
  year!: string;

  /** Period (or `<period>|<bucket>`) → value. */
  @Prop({ type: Object, default: {} })
  values!: Record<string, number>;
}

export const KpiYearSchema = SchemaFactory.createForClass(KpiYear);

/** The sites this instance has counted something for, and the first year of each: reads enumerate documents from these. */
@Schema({ collection: 'kpi_sites', timestamps: true })
export class KpiSite {
  @Prop({ type: String })
  _id!: string;

  @Prop()
  firstYear?: string;
}

export const KpiSiteSchema = SchemaFactory.createForClass(KpiSite);
