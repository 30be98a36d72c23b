import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { PartnerScope } from '@technopark/contracts';

/**
 * Every partner-facing item the gateway made of a site event, whoever received it: what a replay
 * reads again, applying the consent and filters of the day it runs.
 */
@Schema({ collection: 'feed_log', timestamps: { createdAt: true, updatedAt: false } })
export class FeedRecord {
  /** `<source event id>:<item>` */
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true, index: true })
  sourceEventId!: string;

  @Prop({ required: true, index: true })
  sequence!: number;

  @Prop({ required: true })
  type!: string;

  @Prop({ type: String, required: true })
  scope!: PartnerScope;

  @Prop({ type: Object, required: true })
  payload!: { startupId: string; site: string };

  @Prop()
  programId?: string;

  @Prop()
  programPartnerId?: string;

  @Prop({ required: true })
  occurredAt!: Date;

  createdAt!: Date;
}

export const FeedRecordSchema = SchemaFactory.createForClass(FeedRecord);
