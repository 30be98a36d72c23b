import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { DeclineReason, FundingActorV1 } from '@technopark/contracts';
import { outboxPlugin } from '@technopark/messaging';
import {
  INTRODUCTION_STATUSES,
  type IntroductionAction,
  type IntroductionStatus,
} from '../domain/introduction-lifecycle';

/** One move of the introduction, for its audit trail; `requestKey` answers a retried move. */
export interface IntroductionHistoryEntry {
  readonly action: IntroductionAction | 'request';
  readonly from?: IntroductionStatus;
  readonly to: IntroductionStatus;
  readonly actor: FundingActorV1;
  readonly at: Date;
  readonly note?: string;
  readonly requestKey?: string;
}

/**
 * A startup's introduction to a funder and the deal that follows. `liveKey` is the pair while the
 * introduction is open and the introduction's own id once it ended, under a unique index: one open
 * introduction per pair, without a transaction.
 */
@Schema({ collection: 'introductions', timestamps: true })
export class Introduction {
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true, index: true })
  startupId!: string;

  @Prop({ required: true, index: true })
  funderId!: string;

  @Prop({ type: String, required: true, enum: INTRODUCTION_STATUSES, index: true })
  status!: IntroductionStatus;

  @Prop({ required: true, unique: true })
  liveKey!: string;

  /** When the startup consented: before that the funder sees only the teaser. */
  @Prop()
  consentedAt?: Date;

  @Prop({ required: true })
  requestedAt!: Date;

  /** The score of the match when asked. */
  @Prop({ required: true })
  scoreAtRequest!: number;

  @Prop()
  note?: string;

  @Prop({ type: String })
  declineReason?: DeclineReason;

  @Prop({ type: String })
  closedReason?: DeclineReason;

  @Prop()
  fundingId?: string;

  @Prop({ type: [Object], default: [] })
  history!: IntroductionHistoryEntry[];

  /** `<subject>:<Idempotency-Key>` of the request that created it, or `none:<id>`. */
  @Prop({ required: true, unique: true })
  idempotencyKey!: string;

  @Prop({ required: true })
  requestHash!: string;

  @Prop({ required: true, default: 0 })
  version!: number;

  createdAt!: Date;
  updatedAt!: Date;
}

export const IntroductionSchema = SchemaFactory.createForClass(Introduction).plugin(outboxPlugin);
IntroductionSchema.index({ funderId: 1, status: 1, _id: -1 });
