import type { IHeaders, KafkaMessage } from 'kafkajs';
import type { MessagingError } from '../errors';

/** Headers a dead-lettered record gains; the original headers and bytes are kept as they were. */
export const DEAD_LETTER_HEADERS = {
  reasonCode: 'dlq-reason-code',
  reason: 'dlq-reason',
  topic: 'dlq-original-topic',
  partition: 'dlq-original-partition',
  offset: 'dlq-original-offset',
  group: 'dlq-consumer-group',
  failedAt: 'dlq-failed-at',
} as const;

export interface FailedRecord {
  readonly topic: string;
  readonly partition: number;
  readonly message: KafkaMessage;
}

/** The record to write to the dead-letter topic: original key, value and headers, plus why. */
export function deadLetterRecordOf(
  failed: FailedRecord,
  error: Pick<MessagingError, 'code' | 'message'>,
  consumerGroup: string,
) {
  const headers: IHeaders = {
    ...failed.message.headers,
    [DEAD_LETTER_HEADERS.reasonCode]: error.code,
    [DEAD_LETTER_HEADERS.reason]: error.message.slice(0, 2_000),
    [DEAD_LETTER_HEADERS.topic]: failed.topic,
    [DEAD_LETTER_HEADERS.partition]: String(failed.partition),
    [DEAD_LETTER_HEADERS.offset]: failed.message.offset,
    [DEAD_LETTER_HEADERS.group]: consumerGroup,
    [DEAD_LETTER_HEADERS.failedAt]: new Date().toISOString(),
  };
  return { key: failed.message.key, value: failed.message.value, headers };
}

/** The original record back from a dead-lettered one, for re-publishing once the cause is fixed. */
export function originalRecordOf(message: KafkaMessage): {
  topic: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: IHeaders;
} {
  const headers = { ...message.headers };
  const topic = headers[DEAD_LETTER_HEADERS.topic]?.toString();
  if (!topic) throw new Error(`record at offset ${message.offset} has no ${DEAD_LETTER_HEADERS.topic} header`);
  for (const name of Object.values(DEAD_LETTER_HEADERS)) delete headers[name];
  return { topic, key: message.key, value: message.value, headers };
}

/** kafkajs hands headers over as Buffers (or arrays of them); the envelope reads strings. */
export function stringHeaders(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) result[name] = first.toString();
  }
  return result;
}
