/** CloudEvents 1.0 attributes as they travel in Kafka headers (binary content mode). */
export const CE_HEADERS = {
  specversion: 'ce_specversion',
  id: 'ce_id',
  source: 'ce_source',
  type: 'ce_type',
  time: 'ce_time',
  subject: 'ce_subject',
  site: 'ce_site',
  contentType: 'content-type',
  traceparent: 'traceparent',
} as const;

export const SPEC_VERSION = '1.0';
export const JSON_CONTENT_TYPE = 'application/json';

/** Kafka headers as strings; kafkajs hands them to us as Buffers. */
export type EventHeaders = Record<string, string>;

/** A record ready for Kafka: the bytes never change between retries, so the id stays the same. */
export interface OutgoingEvent {
  readonly topic: string;
  readonly key: string;
  readonly value: string;
  readonly headers: EventHeaders;
}

/** What a handler receives: the validated payload with its envelope and its place in the log. */
export interface ReceivedEvent<T = unknown> {
  readonly id: string;
  readonly type: string;
  readonly source: string;
  readonly subject: string;
  readonly site: string;
  readonly time: string;
  readonly traceparent?: string;
  readonly data: T;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}
