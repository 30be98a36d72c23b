import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { ActorV1, Sector, Stage } from '@technopark/contracts';

/** What a subscription receives; an empty list does not narrow. */
export interface SubscriptionFilters {
  readonly eventTypes: string[];
  readonly sites: string[];
  readonly sectors: Sector[];
  readonly stages: Stage[];
  readonly programs: string[];
}

export const DELIVERY_KINDS = ['webhook', 'kafka'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

export interface WebhookDelivery {
  readonly kind: 'webhook';
  readonly url: string;
}

/** Records on the partner's own topic (`technopark.partners.<partner>`), keyed by startup. */
export interface KafkaDelivery {
  readonly kind: 'kafka';
  readonly topic: string;
}

/** A signing secret, sealed (see webhook-secrets.ts); a rotated-out one signs until `until`. */
export interface StoredSecret {
  readonly sealed: string;
  readonly since: Date;
  readonly until?: Date;
}

export const SUBSCRIPTION_STATUSES = ['active', 'suspended', 'ended'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/** One partner's feed: filters, a webhook (and its secrets) or its Kafka topic, and whether it is delivering. */
@Schema({ collection: 'subscriptions', timestamps: true })
export class Subscription {
  @Prop({ type: String })
  _id!: string;

  @Prop({ required: true, index: true })
  partnerId!: string;

  @Prop()
  description?: string;

  @Prop({ type: Object, required: true })
  filters!: SubscriptionFilters;

  @Prop({ type: Object, required: true })
  delivery!: WebhookDelivery | KafkaDelivery;

  /** Webhooks' signing secrets; none for Kafka, whose reader authenticates with its SCRAM user. */
  @Prop({ type: [Object], required: true })
  secrets!: StoredSecret[];

  @Prop({ type: String, required: true, index: true })
  status!: SubscriptionStatus;

  /** Why it is suspended or ended. */
  @Prop()
  statusReason?: string;

  /** The first failure since the last success: a subscription failing too long is suspended. */
  @Prop()
  failingSince?: Date;

  /** Why the latest delivery failed, while failing: the suspension's reason quotes it. */
  @Prop()
  lastFailure?: string;

  @Prop()
  lastSuccessAt?: Date;

  @Prop({ type: Object, required: true })
  createdBy!: ActorV1;

  @Prop({ required: true, default: 0 })
  version!: number;

  createdAt!: Date;
  updatedAt!: Date;
}

export const SubscriptionSchema = SchemaFactory.createForClass(Subscription);
