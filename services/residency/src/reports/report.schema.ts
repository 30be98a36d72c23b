import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { outboxPlugin } from '@technopark/messaging';
import { ActorRecord, ActorRecordSchema } from '@technopark/persistence';

/** A resident's figures for one quarter; one per residency and period (`_id` = `<residencyId>:<period>`). */
@Schema({ collection: 'reports', timestamps: true })
export class ResidentReport {
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true, index: true })
  residencyId!: string;

  @Prop({ required: true, index: true })
  startupId!: string;

  @Prop({ required: true, index: true })
  period!: string;

  @Prop({ required: true })
  headcount!: number;

  @Prop({ required: true })
  revenueMad!: number;

  @Prop({ required: true })
  exporting!: boolean;

  @Prop({ required: true })
  foreignBranch!: boolean;

  @Prop({ type: ActorRecordSchema, required: true })
  submittedBy!: ActorRecord;

  createdAt!: Date;
  updatedAt!: Date;
}

export const ResidentReportSchema = SchemaFactory.createForClass(ResidentReport).plugin(outboxPlugin);
