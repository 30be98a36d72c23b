export { MessagingModule, type MessagingModuleAsyncOptions } from './lib/messaging.module';
export { KafkaHealthIndicator } from './lib/kafka-health.indicator';
export {
  consumerGroupOf,
  KAFKA_CLIENT,
  MESSAGING_OPTIONS,
  parseBrokers,
  type MessagingOptions,
} from './lib/messaging-options';
export {
  ContractViolationError,
  declaresRetriable,
  MessagingError,
  POISON_REASONS,
  PoisonMessageError,
  TransientEventError,
  type PoisonReason,
  type TransientErrorClassifier,
} from './lib/errors';
export { CE_HEADERS, type EventHeaders, type OutgoingEvent, type ReceivedEvent } from './lib/envelope/cloud-event';
export { encodeEvent, newTraceparent, type EncodeOptions, type EventOrigin } from './lib/envelope/encode-event';
export { decodeEvent } from './lib/envelope/decode-event';
export { EventProducer } from './lib/producer/event-producer';
export { TopicProvisioner } from './lib/admin/topic-provisioner';
export {
  EventOutbox,
  newEvent,
  type NewEvent,
  type OutboxBulkResult,
  type OutboxWrite,
} from './lib/outbox/event-outbox';
export { outboxPlugin, OUTBOX_FIELDS, withoutOutbox } from './lib/outbox/outbox-fields';
export { OutboxPublisher } from './lib/outbox/outbox-publisher';
export { OutboxRelay } from './lib/outbox/outbox-relay';
export { EventConsumerTransport } from './lib/consumer/event-consumer.transport';
export { HandleEvent, type EventHandlerMethod, type PayloadOf } from './lib/consumer/handle-event.decorator';
export {
  applyEachOnce,
  applyOnce,
  collidedOnKey,
  insertOnce,
  APPLIED_EVENTS_FIELD,
  type EffectOutcome,
} from './lib/consumer/idempotent-effects';
export { EffectBatch, EventEffects, type StoredEffects } from './lib/consumer/effect-batch';
export { EventContext } from './lib/consumer/event-context';
export { DEAD_LETTER_HEADERS } from './lib/consumer/dead-letter';
export { MessagingMetrics } from './lib/metrics/messaging-metrics';
export { rewindConsumerGroup } from './lib/admin/consumer-group-admin';
export { replayDeadLetters, type DeadLetterEntry, type ReplayReport } from './lib/admin/dead-letter-replayer';
export { createKafkaClient } from './lib/kafka-client.factory';
