import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { EventActorV1 } from '@technopark/contracts';

/**
 * A team entered in a competition: a startup (for the members it registered), or a group of people
 * each registered themself. Its id derives from the event and the startup, or the event and the
 * team's name, so a startup enters once and two teams cannot share a name.
 */
@Schema({ collection: 'competition_teams', timestamps: true })
export class Team {
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true, index: true })
  eventId!: string;

  @Prop({ required: true })
  name!: string;

  @Prop()
  startupId?: string;

  /** The people of a group (token subjects); empty for a startup's team. */
  @Prop({ type: [String], default: [] })
  memberIds!: string[];

  @Prop({ required: true })
  memberCount!: number;

  @Prop({ type: Object, required: true })
  enteredBy!: EventActorV1;

  createdAt!: Date;
  updatedAt!: Date;
}

export const TeamSchema = SchemaFactory.createForClass(Team);
