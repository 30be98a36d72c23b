import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** One event in a startup's life, from any service: the platform's single view of a startup. */
@Schema({ collection: 'timeline', timestamps: { createdAt: 'recordedAt', updatedAt: false } })
export class TimelineEntry {
  /** The CloudEvents id: a redelivery collides with it. */
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true, index: true })
  startupId!: string;

  @Prop({ required: true })
  site!: string;

  @Prop({ required: true })
  type!: string;

  /** The aggregate the event is about (application, residency…). */
  @Prop({ required: true, index: true })
  subject!: string;

  @Prop({ required: true, index: true })
  time!: string;

  @Prop({ type: Object, required: true })
  data!: Record<string, unknown>;

  /** The KPI cells this event counts in: how a figure lists the records behind it. */
  @Prop({ type: [String], default: [], index: true })
  cells!: string[];
}

export const TimelineEntrySchema = SchemaFactory.createForClass(TimelineEntry);
