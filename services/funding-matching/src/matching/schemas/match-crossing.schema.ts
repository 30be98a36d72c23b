import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { outboxPlugin } from '@technopark/messaging';

/**
 * A match crossing into qualified, carrying its `match.qualified` event. Kept apart from the matches
 * so that the outbox relay's sweep reads this small collection, not every match of the site (FerretDB
 * answers only `_id` lookups without scanning). Its `_id` names the crossing, so the crossing a
 * retried recomputation finds again is published once.
 */
@Schema({ collection: 'match_crossings', timestamps: true })
export class MatchCrossing {
  /** `<matchId>|<digest of the computation>` or `<matchId>|pin|<match version>` */
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true })
  matchId!: string;
}

export const MatchCrossingSchema = SchemaFactory.createForClass(MatchCrossing).plugin(outboxPlugin);
