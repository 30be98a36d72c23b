import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { outboxPlugin } from '@technopark/messaging';
import type { Teaser } from '../match';

/**
 * A startup's row: its match with every funder of the site, explained, in one document (see
 * match-row-codec for why one compressed value). A recomputation rewrites the row it changes, and
 * publishes the crossings into qualified through the row's outbox, in the same write.
 */
@Schema({ collection: 'match_rows', timestamps: true })
export class MatchRow {
  /** The startup's id. */
  @Prop({ type: String })
  _id!: string;

  @Prop({ type: Object, required: true })
  teaser!: Teaser;

  /** The pairs, encoded by `encodeRow`. */
  @Prop({ type: Buffer, required: true })
  pairs!: Buffer;

  @Prop({ required: true })
  pairCount!: number;

  /** The earliest day a gate of one of its pairs passes with time (residency months): the row is computed again then. */
  @Prop({ index: true, sparse: true })
  recheckOn?: string;

  @Prop({ required: true, default: 0 })
  version!: number;

  createdAt!: Date;
  updatedAt!: Date;
}

export const MatchRowSchema = SchemaFactory.createForClass(MatchRow).plugin(outboxPlugin);
