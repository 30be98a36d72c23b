import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A resident that had a qualified match: counted once, however many matches qualify after. */
@Schema({ collection: 'matched_residents', timestamps: true })
export class MatchedResident {
  /** `<site>|<startupId>` */
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true })
  firstMatchEventId!: string;
}

export const MatchedResidentSchema = SchemaFactory.createForClass(MatchedResident);
