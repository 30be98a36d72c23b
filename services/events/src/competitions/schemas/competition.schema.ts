import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { EventActorV1, JudgedEventKind, TeamResultV1 } from '@technopark/contracts';
import { outboxPlugin } from '@technopark/messaging';

export interface RubricCriterion {
  readonly criterion: string;
  readonly weight: number;
  readonly description?: string;
}

export interface Prize {
  readonly rank: number;
  readonly label: string;
  readonly amountMad?: number;
  readonly sponsorId?: string;
}

/**
 * How a competition or hackathon is judged, kept beside its event (same id): the rubric the jurors
 * mark by, the jurors (token subjects), the prizes per rank; then, once, the published results.
 */
@Schema({ collection: 'competitions', timestamps: true })
export class Competition {
  @Prop({ type: String })
  _id!: string;

  @Prop({ type: String, required: true })
  kind!: JudgedEventKind;

  @Prop({ type: [Object], required: true })
  rubric!: RubricCriterion[];

  @Prop({ type: [String], required: true })
  jurorIds!: string[];

  @Prop({ type: [Object], default: [] })
  prizes!: Prize[];

  /** Absent until published (mongoose would otherwise default an array to empty). */
  @Prop({ type: [Object], default: undefined })
  results?: TeamResultV1[];

  @Prop()
  resultsPublishedAt?: Date;

  @Prop({ type: Object })
  resultsPublishedBy?: EventActorV1;

  @Prop({ type: Object, required: true })
  setUpBy!: EventActorV1;

  @Prop({ required: true, default: 0 })
  version!: number;

  createdAt!: Date;
  updatedAt!: Date;
}

export const CompetitionSchema = SchemaFactory.createForClass(Competition).plugin(outboxPlugin);
