import { Injectable } from '@nestjs/common';
import type { Subscription } from '../subscriptions/schemas/subscription.schema';
import { KafkaTopicSender } from './kafka-topic-sender';
import type { Delivery, DeliveryAttempt } from './schemas/delivery.schema';
import { WebhookSender } from './webhook-sender';

/** Sends a delivery the way its subscription receives: a signed webhook, or a record on the partner's topic. */
@Injectable()
export class DeliverySender {
  constructor(
    private readonly webhooks: WebhookSender,
    private readonly kafka: KafkaTopicSender,
  ) {}

  send(subscription: Subscription, delivery: Delivery): Promise<DeliveryAttempt> {
    const route = subscription.delivery;
    return route.kind === 'kafka'
      ? this.kafka.send(delivery, route)
      : this.webhooks.send(route.url, subscription, delivery);
  }
}

/** A 2xx answer from a webhook, or a record the broker acknowledged. */
export const succeeded = (attempt: DeliveryAttempt): boolean =>
  attempt.writtenTo !== undefined || (attempt.status !== undefined && attempt.status >= 200 && attempt.status < 300);
