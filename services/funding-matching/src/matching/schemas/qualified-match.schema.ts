import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Contribution } from '../domain/scoring';
import type { Teaser } from '../match';

/**
 * A qualified pair, copied out of its startup's row for the funder's deal flow: what that list
 * shows, in the order it shows it. Written before the row, so a crash between the two leaves the
 * row behind, to be computed again (its funder still marked stale, its profile event redelivered,
 * its request retried), never a copy missing.
 */
@Schema({ collection: 'qualified_matches', timestamps: true })
export class QualifiedMatch {
  /** `<startupId>:<funderId>` */
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true })
  startupId!: string;

  @Prop({ required: true })
  funderId!: string;

  @Prop({ required: true })
  rank!: number;

  @Prop({ required: true })
  score!: number;

  @Prop({ type: [Object], required: true })
  contributions!: Contribution[];

  @Prop({ type: Object, required: true })
  teaser!: Teaser;

  createdAt!: Date;
  updatedAt!: Date;
}

export const QualifiedMatchSchema = SchemaFactory.createForClass(QualifiedMatch);
QualifiedMatchSchema.index({ funderId: 1, rank: -1, _id: -1 });
