import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';

/** When this instance last heard from a site: the newest event's own time, and when it was read. */
export interface SiteFreshness {
  readonly lastEventAt: Date;
  readonly lastReadAt: Date;
}

/**
 * How many times the KPIs changed (the id of every pushed snapshot, shared by every instance) and
 * each site's freshness, in one document: reading an event costs one write for both.
 */
@Schema({ collection: 'kpi_version' })
export class KpiVersion {
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true, default: 0 })
  sequence!: number;

  @Prop({ type: MongooseSchema.Types.Mixed, default: {} })
  sites!: Record<string, SiteFreshness>;
}

export const KpiVersionSchema = SchemaFactory.createForClass(KpiVersion);
