import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { EventActorV1 } from '@technopark/contracts';
import { outboxPlugin } from '@technopark/messaging';

/**
 * A funder's interest in a startup that pitched at an investor session. Its id derives from the
 * event, the funder and the startup, so it is recorded once; its event asks funding matching for
 * an introduction, which the startup then consents to (or not).
 */
@Schema({ collection: 'investor_interests', timestamps: true })
export class InvestorInterest {
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true, index: true })
  eventId!: string;

  @Prop({ required: true })
  funderId!: string;

  @Prop({ required: true })
  startupId!: string;

  @Prop()
  note?: string;

  @Prop({ type: Object, required: true })
  recordedBy!: EventActorV1;

  createdAt!: Date;
  updatedAt!: Date;
}

export const InvestorInterestSchema = SchemaFactory.createForClass(InvestorInterest).plugin(outboxPlugin);
