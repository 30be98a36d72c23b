/** DI token of the resolved MessagingOptions. */
export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
/** DI token of the shared Kafka client; only this library knows its type. */
export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');

export interface MessagingOptions {
  /** Bootstrap brokers, e.g. `['127.0.0.1:9092']`. */
  readonly brokers: string[];
  /** Identifies this service instance to the brokers, e.g. `applications-casablanca`. */
  readonly clientId: string;
}

export function parseBrokers(list: string): string[] {
  return list.split(',').map((broker) => broker.trim()).filter((broker) => broker.length > 0);
}
