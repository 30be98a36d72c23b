import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** One juror's marks for one team (id `<teamId>|<jurorId>`): scoring again replaces them. */
@Schema({ collection: 'jury_scores', timestamps: true })
export class JuryScore {
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true, index: true })
  eventId!: string;

  @Prop({ required: true })
  teamId!: string;

  @Prop({ required: true })
  jurorId!: string;

  @Prop({ type: Object, required: true })
  marks!: Record<string, number>;

  /** Out of 100, the marks weighted by the rubric. */
  @Prop({ required: true })
  score!: number;

  @Prop()
  comment?: string;

  createdAt!: Date;
  updatedAt!: Date;
}

export const JuryScoreSchema = SchemaFactory.createForClass(JuryScore);

export const juryScoreIdOf = (teamId: string, jurorId: string): string => `${teamId}|${jurorId}`;
