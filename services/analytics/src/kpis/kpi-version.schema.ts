import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** How many times the site's KPIs changed: the id of every pushed snapshot, shared by every instance. */
@Schema({ collection: 'kpi_version' })
export class KpiVersion {
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true, default: 0 })
  sequence!: number;
}

export const KpiVersionSchema = SchemaFactory.createForClass(KpiVersion);
