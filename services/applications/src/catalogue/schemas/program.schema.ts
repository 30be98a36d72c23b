import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { PROGRAM_KINDS, type ProgramKind, type Sector } from '@technopark/contracts';
import { ActorRecord, ActorRecordSchema } from '@technopark/persistence';

@Schema({ _id: false })
export class RubricCriterion {
  @Prop({ required: true })
  criterion!: string;

  /** Share of the total score, in percent; a rubric's weights add up to 100. */
  @Prop({ required: true })
  weight!: number;

  @Prop()
  description?: string;
}

/** A program of the site; its id is a readable slug chosen by staff (`incubation`). */
@Schema({ collection: 'programs', timestamps: true })
export class Program {
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true })
  name!: string;

  @Prop({ type: String, required: true, enum: PROGRAM_KINDS })
  kind!: ProgramKind;

  @Prop({ default: '' })
  description!: string;

  @Prop({ type: [String], default: [] })
  targetSectors!: Sector[];

  @Prop({ required: true })
  durationMonths!: number;

  @Prop({ required: true })
  includesWorkspace!: boolean;

  @Prop()
  partnerId?: string;

  @Prop({ type: [SchemaFactory.createForClass(RubricCriterion)], required: true })
  rubric!: RubricCriterion[];

  @Prop({ type: ActorRecordSchema, required: true })
  createdBy!: ActorRecord;

  /** Who changed it last. */
  @Prop({ type: ActorRecordSchema })
  updatedBy?: ActorRecord;

  createdAt!: Date;
  updatedAt!: Date;
}

export const ProgramSchema = SchemaFactory.createForClass(Program);
