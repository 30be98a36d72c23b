import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { PartnerScope } from '@technopark/contracts';

/** One try to deliver: what the receiver answered, or why there was no answer. */
export interface DeliveryAttempt {
  readonly at: Date;
  /** The receiver's HTTP status; absent when it did not answer. */
  readonly status?: number;
  /** Kafka: the partner topic whose broker acknowledged the record. */
  readonly writtenTo?: string;
  readonly latencyMs: number;
  readonly error?: string;
}

export const DELIVERY_STATES = ['pending', 'delivered', 'dead', 'withheld'] as const;
/**
 * `pending` waits for its turn or its next retry; `dead` failed every retry (the subscription's
 * dead-letter store, re-deliverable); `withheld` was queued but the startup revoked its consent before it went.
 */
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** One partner-facing event for one subscription: its body as signed, its state and every attempt. */
@Schema({ collection: 'deliveries', timestamps: true })
export class Delivery {
  /** `<subscriptionId>:<source event id>:<item>`: a redelivered source event queues nothing twice. */
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true })
  subscriptionId!: string;

  @Prop({ required: true })
  partnerId!: string;

  @Prop({ required: true })
  startupId!: string;

  @Prop({ type: String, required: true })
  scope!: PartnerScope;

  @Prop({ required: true })
  type!: string;

  @Prop({ required: true })
  site!: string;

  /** The source event at the site, and when it happened there. */
  @Prop({ required: true })
  sourceEventId!: string;

  @Prop({ required: true })
  occurredAt!: Date;

  /** The JSON body sent, byte for byte, so every retry is signed over the same bytes. */
  @Prop({ required: true })
  body!: string;

  /** Order of queuing: a subscription delivers one startup's events in this order. */
  @Prop({ required: true })
  sequence!: number;

  @Prop({ type: String, required: true })
  state!: DeliveryState;

  @Prop({ required: true })
  nextAttemptAt!: Date;

  @Prop({ type: [Object], required: true })
  attempts!: DeliveryAttempt[];

  /** The replay that queued it again: sent with `technopark-replay: true`. */
  @Prop()
  replayId?: string;

  @Prop()
  deliveredAt?: Date;

  /** Why it is dead or withheld. */
  @Prop()
  reason?: string;

  createdAt!: Date;
  updatedAt!: Date;
}

export const DeliverySchema = SchemaFactory.createForClass(Delivery);
// Each write updates every index: two serve the lanes (a subscription's pending ones in order) and the log.
DeliverySchema.index({ subscriptionId: 1, state: 1, sequence: 1 });
DeliverySchema.index({ partnerId: 1, sequence: -1 });
