import { Logger } from '@nestjs/common';
import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import type { MessagingOptions } from './messaging-options';

const CONNECTION_TIMEOUT_MS = 3_000;

/**
 * A kafkajs client whose own logs go through the service's logger. `failFast` clients
 * (health probes) do not retry, so a refused connection is reported at once.
 */
export function createKafkaClient(
  options: Pick<MessagingOptions, 'brokers' | 'clientId'>,
  { failFast = false } = {},
): Kafka {
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

/**
 * kafkajs logs at ERROR what it is about to retry (a coordinator still loading, a topic's leader
 * not elected yet) and every protocol error answer, which the caller receives as an exception and
 * handles. Those are expected, mostly at start-up: debug. What kafkajs gives up on stays an error.
 */
function forwardToNestLogger({ level, namespace, log }: LogEntry): void {
  const { message, ...fields } = log;
  kafkaLogger[serviceLogLevelOf(level, message, fields)]({ msg: message, namespace, ...fields });
}

/** The level a kafkajs log line is written at in the service's log. */
export function serviceLogLevelOf(level: logLevel, message: string, fields: object): 'error' | 'warn' | 'debug' {
  const transient = 'retryCount' in fields || 'retryTime' in fields || message.startsWith('Response ');
  if (level === logLevel.ERROR && !transient) return 'error';
  if (level === logLevel.WARN && !transient) return 'warn';
  return 'debug';
}
