import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { outboxPlugin } from '@technopark/messaging';

/** The site's occupancy as last published: compared with a fresh count to publish changes only. */
@Schema({ collection: 'occupancy', timestamps: true })
export class OccupancySnapshot {
  @Prop({ type: String })
  _id!: string;

  /** Grows with every published change; guards concurrent publishers. */
  @Prop({ required: true, default: 0 })
  version!: number;

  /** The figures of the last `occupancy.changed` (absent before the first). */
  @Prop({ type: Object })
  figures?: Record<string, unknown>;

  updatedAt!: Date;
}

export const OccupancySnapshotSchema = SchemaFactory.createForClass(OccupancySnapshot).plugin(outboxPlugin);
