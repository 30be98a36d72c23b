import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** When an application was submitted, kept until its decision arrives (to time the decision). */
@Schema({ collection: 'submissions' })
export class Submission {
  /** `<site>|<applicationId>` */
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true })
  submittedAt!: string;
}

export const SubmissionSchema = SchemaFactory.createForClass(Submission);
