import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { ActorRecord, ActorRecordSchema } from '@technopark/persistence';

/** An application window of a program, with the size of the cohort it selects. */
@Schema({ collection: 'calls', timestamps: true })
export class Call {
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true, index: true })
  programId!: string;

  @Prop({ required: true })
  title!: string;

  @Prop({ required: true })
  opensAt!: Date;

  @Prop({ required: true, index: true })
  closesAt!: Date;

  @Prop({ required: true })
  cohortCapacity!: number;

  @Prop({ type: ActorRecordSchema, required: true })
  createdBy!: ActorRecord;

  /** Who changed it last. */
  @Prop({ type: ActorRecordSchema })
  updatedBy?: ActorRecord;

  createdAt!: Date;
  updatedAt!: Date;
}

export const CallSchema = SchemaFactory.createForClass(Call);

export function isOpen(call: Pick<Call, 'opensAt' | 'closesAt'>, at: Date): boolean {
  return call.opensAt <= at && at < call.closesAt;
}
