import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { FundingActorV1, FundingEvidenceKind, Instrument } from '@technopark/contracts';
import { outboxPlugin } from '@technopark/messaging';

/** What proves the raise: its kind is published, the reference (a document number or link) stays here. */
export interface FundingEvidence {
  readonly kind: FundingEvidenceKind;
  readonly reference: string;
}

/** Money a startup raised. One per introduction (a unique index), so a raise is never counted twice. */
@Schema({ collection: 'fundings', timestamps: true })
export class Funding {
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true, index: true })
  startupId!: string;

  @Prop({ required: true, index: true })
  funderId!: string;

  @Prop({ index: { unique: true, partialFilterExpression: { introductionId: { $type: 'string' } } } })
  introductionId?: string;

  @Prop({ required: true })
  amountMad!: number;

  @Prop({ type: String, required: true })
  instrument!: Instrument;

  @Prop({ required: true })
  raisedOn!: string;

  @Prop({ type: Object, required: true })
  evidence!: FundingEvidence;

  @Prop({ type: Object, required: true })
  recordedBy!: FundingActorV1;

  /** Set once the introduction it came from shows it (funded): a sweep finishes what a crash interrupted. */
  @Prop({ required: true, default: false, index: true })
  introductionFunded!: boolean;

  @Prop({ required: true, unique: true })
  idempotencyKey!: string;

  @Prop({ required: true })
  requestHash!: string;

  createdAt!: Date;
  updatedAt!: Date;
}

export const FundingSchema = SchemaFactory.createForClass(Funding).plugin(outboxPlugin);
