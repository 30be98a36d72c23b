import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { outboxPlugin } from '@technopark/messaging';

/** The KPI values last published to the compacted topic, to publish only those that change. */
@Schema({ collection: 'kpi_snapshots', timestamps: true })
export class KpiSnapshot {
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true, default: 0 })
  version!: number;

  /** Pairs rather than an object: KPI names contain dots, which document keys may not. */
  @Prop({ type: [Object], default: [] })
  values!: { kpi: string; value: number | null }[];
}

export const KpiSnapshotSchema = SchemaFactory.createForClass(KpiSnapshot).plugin(outboxPlugin);
