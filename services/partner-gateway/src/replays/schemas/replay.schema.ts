import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { ActorV1 } from '@technopark/contracts';

export const REPLAY_STATES = ['running', 'done', 'failed'] as const;
export type ReplayState = (typeof REPLAY_STATES)[number];

/** One replay of a subscription's feed, read in batches from the feed log; it resumes where it was after a restart. */
@Schema({ collection: 'replays', timestamps: true })
export class Replay {
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true, index: true })
  partnerId!: string;

  @Prop({ required: true })
  subscriptionId!: string;

  /** Where it starts: a time (records that happened then or later), or after one site event. */
  @Prop()
  from?: Date;

  @Prop()
  afterEventId?: string;

  @Prop({ type: String, required: true, index: true })
  state!: ReplayState;

  /** The feed log's sequence read up to. */
  @Prop({ required: true })
  position!: number;

  @Prop({ required: true })
  scanned!: number;

  @Prop({ required: true })
  queued!: number;

  @Prop({ type: Object, required: true })
  requestedBy!: ActorV1;

  @Prop()
  finishedAt?: Date;

  /** Why it failed. */
  @Prop()
  reason?: string;

  createdAt!: Date;
  updatedAt!: Date;
}

export const ReplaySchema = SchemaFactory.createForClass(Replay);
