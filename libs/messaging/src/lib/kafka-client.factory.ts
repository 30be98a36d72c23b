import { Logger } from '@nestjs/common';
import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import type { MessagingOptions } from './messaging-options';

const CONNECTION_TIMEOUT_MS = 3_000;

/**
 * A kafkajs client whose own logs go through the service's logger. `failFast` clients
 * (health probes) do not retry, so a refused connection is reported at once.
 */
export function createKafkaClient(options: Pick<MessagingOptions, 'brokers' | 'clientId'>, { failFast = false } = {}): Kafka {
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    logLevel: failFast ? logLevel.NOTHING : logLevel.WARN,
    logCreator: () => forwardToNestLogger,
    ...(failFast && { retry: { retries: 0 } }),
  });
}

const kafkaLogger = new Logger('kafkajs');

function forwardToNestLogger({ level, namespace, log }: LogEntry): void {
  const { message, ...fields } = log;
  const line = { msg: message, namespace, ...fields };
  if (level === logLevel.ERROR) kafkaLogger.error(line);
  else if (level === logLevel.WARN) kafkaLogger.warn(line);
  else kafkaLogger.debug(line);
}
