export { MessagingModule, type MessagingModuleAsyncOptions } from './lib/messaging.module';
export { KafkaHealthIndicator } from './lib/kafka-health.indicator';
export { KAFKA_CLIENT, MESSAGING_OPTIONS, parseBrokers, type MessagingOptions } from './lib/messaging-options';
