import { type DynamicModule, type InjectionToken, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TopicProvisioner } from './admin/topic-provisioner';
import { EventConsumerTransport } from './consumer/event-consumer.transport';
import { createKafkaClient } from './kafka-client.factory';
import { KafkaHealthIndicator } from './kafka-health.indicator';
import { KAFKA_CLIENT, MESSAGING_OPTIONS, type MessagingOptions } from './messaging-options';
import { MessagingMetrics } from './metrics/messaging-metrics';
import { EventOutbox } from './outbox/event-outbox';
import { OutboxPublisher } from './outbox/outbox-publisher';
import { OutboxRelay } from './outbox/outbox-relay';
import { EventProducer } from './producer/event-producer';

export interface MessagingModuleAsyncOptions {
  inject?: InjectionToken[];
  useFactory: (...args: never[]) => MessagingOptions;
}

const EXPORTED = [
  KafkaHealthIndicator,
  MessagingMetrics,
  TopicProvisioner,
  EventProducer,
  EventOutbox,
  OutboxPublisher,
  OutboxRelay,
  EventConsumerTransport,
];

/**
 * The service's event backbone: Kafka client and readiness, topic provisioning, the
 * idempotent producer, the outbox with its relay, and the consumer transport.
 * Needs the service's mongoose connection (the outbox lives in its documents).
 */
@Module({})
export class MessagingModule {
  static forRootAsync(options: MessagingModuleAsyncOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [TerminusModule],
      providers: [
        { provide: MESSAGING_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory },
        {
          provide: KAFKA_CLIENT,
          inject: [MESSAGING_OPTIONS],
          useFactory: (resolved: MessagingOptions) => createKafkaClient(resolved),
        },
        {
          provide: MessagingMetrics,
          inject: [MESSAGING_OPTIONS],
          useFactory: (resolved: MessagingOptions) => new MessagingMetrics(resolved.metricsRegistry),
        },
        ...EXPORTED.filter((provider) => provider !== MessagingMetrics),
      ],
      exports: [MESSAGING_OPTIONS, KAFKA_CLIENT, ...EXPORTED],
    };
  }
}
