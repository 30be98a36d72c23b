import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** When a wait began (an application submitted, a startup waitlisted), kept to time its end (the decision, the allocation). */
@Schema({ collection: 'submissions' })
export class WaitStart {
  /** `<site>|<applicationId>` or `<site>|waitlist|<residencyId>` */
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true })
  submittedAt!: string;
}

export const WaitStartSchema = SchemaFactory.createForClass(WaitStart);
