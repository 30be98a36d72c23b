import { Injectable } from '@nestjs/common';
import { EventProducer } from '@technopark/messaging';
import { Clock } from '@technopark/platform';
import type { KafkaDelivery } from '../subscriptions/schemas/subscription.schema';
import type { Delivery, DeliveryAttempt } from './schemas/delivery.schema';
import { REPLAY_HEADER } from './webhook-sender';

/** The delivery's id, as `webhook-id` carries it: the partner drops a record it already has by it. */
export const DELIVERY_ID_HEADER = 'technopark-delivery-id';
export const EVENT_TYPE_HEADER = 'technopark-event-type';

/**
 * One record on the partner's topic, keyed by startup (one startup's records stay in order on one
 * partition), with the body a webhook would carry. Delivered once the broker acknowledged it.
 */
@Injectable()
export class KafkaTopicSender {
  constructor(
    private readonly producer: EventProducer,
    private readonly clock: Clock,
  ) {}

  async send(delivery: Delivery, to: KafkaDelivery): Promise<DeliveryAttempt> {
    const at = this.clock.now();
    const started = performance.now();
    const headers: Record<string, string> = {
      [DELIVERY_ID_HEADER]: delivery._id,
      [EVENT_TYPE_HEADER]: delivery.type,
      'content-type': 'application/json',
      ...(delivery.replayId && { [REPLAY_HEADER]: 'true' }),
    };
    try {
      await this.producer.sendRecords([
        { topic: to.topic, messages: [{ key: delivery.startupId, value: delivery.body, headers }] },
      ]);
      return { at, latencyMs: Math.round(performance.now() - started), writtenTo: to.topic };
    } catch (error) {
      return { at, latencyMs: Math.round(performance.now() - started), error: `Kafka: ${(error as Error).message}` };
    }
  }
}
