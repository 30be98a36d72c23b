import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { FundingActorV1, MatchCriterion } from '@technopark/contracts';

/** One version of the site's weights; the highest is in force. Versions are never changed, so a match names the one it came from. */
@Schema({ collection: 'match_weights', timestamps: true })
export class MatchWeightsVersion {
  /** The version number. */
  @Prop({ type: Number })
  _id!: number;

  @Prop({ required: true })
  threshold!: number;

  @Prop({ type: Object, required: true })
  weights!: Record<MatchCriterion, number>;

  @Prop({ required: true })
  note!: string;

  @Prop({ type: Object, required: true })
  setBy!: FundingActorV1;

  /** Cleared once every match is computed with this version. */
  @Prop({ required: true, default: true })
  matchesStale!: boolean;

  createdAt!: Date;
}

export const MatchWeightsVersionSchema = SchemaFactory.createForClass(MatchWeightsVersion);
