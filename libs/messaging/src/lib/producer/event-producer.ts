import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { CompressionTypes, Partitioners, type Kafka, type Message, type Producer } from 'kafkajs';
import type { OutgoingEvent } from '../envelope/cloud-event';
import { TopicProvisioner } from '../admin/topic-provisioner';
import { KAFKA_CLIENT } from '../messaging-options';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { TransientEventError } from '../errors';

/**
 * The service's one idempotent producer: acks from all in-sync replicas, one request in
 * flight so retries cannot reorder a key's events, records batched per topic.
 */
@Injectable()
export class EventProducer implements OnApplicationShutdown {
  private readonly logger = new Logger(EventProducer.name);
  private readonly producer: Producer;
  private connecting: Promise<void> | undefined;
  private closed = false;

  constructor(
    @Inject(KAFKA_CLIENT) kafka: Kafka,
    private readonly topics: TopicProvisioner,
    private readonly metrics: MessagingMetrics,
  ) {
    // The default (murmur2) partitioner: the same key lands on the same partition as with Java clients.
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.producer.on(this.producer.events.DISCONNECT, () => (this.connecting = undefined));
  }

  /**
   * Resolves once every record is acknowledged; records of one key keep their order. Many records
   * go as several requests, one after the other: a broker refuses a partition's batch over
   * `message.max.bytes` (1 MB by default), and would refuse it again on every retry.
   */
  async send(events: readonly OutgoingEvent[]): Promise<void> {
    for (const chunk of chunksOf(events, MAX_REQUEST_BYTES)) await this.sendRecords(groupByTopic(chunk));
  }

  /** Records as they are, e.g. dead-lettered bytes; the topics are created when missing. */
  async sendRecords(topicMessages: { topic: string; messages: Message[] }[]): Promise<void> {
    await this.topics.ensure(topicMessages.map(({ topic }) => topic));
    await this.connect();
    await this.producer.sendBatch({ acks: -1, compression: CompressionTypes.None, topicMessages });
    for (const { topic, messages } of topicMessages) this.metrics.produced.inc({ topic }, messages.length);
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    if (!this.connecting) return;
    await this.producer
      .disconnect()
      .catch((error: Error) => this.logger.warn({ msg: 'producer disconnect failed', reason: error.message }));
  }

  private connect(): Promise<void> {
    // No connection is opened after shutdown: it would outlive the service.
    if (this.closed)
      return Promise.reject(
        new TransientEventError(
          'the event producer is shut down; the outbox relay publishes these records at the next start',
        ),
      );
    this.connecting ??= this.producer.connect().catch((error: unknown) => {
      this.connecting = undefined;
      throw error;
    });
    return this.connecting;
  }
}

/** What one produce request carries at most: half the broker's default batch limit, for the protocol's own bytes. */
const MAX_REQUEST_BYTES = 512 * 1024;

/** Consecutive runs of records of at most `maxBytes` each (a larger record goes alone). */
export function chunksOf(events: readonly OutgoingEvent[], maxBytes: number): OutgoingEvent[][] {
  const chunks: OutgoingEvent[][] = [];
  let chunk: OutgoingEvent[] = [];
  let bytes = 0;
  for (const event of events) {
    const size = sizeOf(event);
    if (chunk.length > 0 && bytes + size > maxBytes) {
      chunks.push(chunk);
      chunk = [];
      bytes = 0;
    }
    chunk.push(event);
    bytes += size;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

function sizeOf({ key, value, headers }: OutgoingEvent): number {
  const headerBytes = Object.entries(headers).reduce(
    (sum, [name, header]) => sum + Buffer.byteLength(name) + Buffer.byteLength(String(header)),
    0,
  );
  return Buffer.byteLength(key) + Buffer.byteLength(value) + headerBytes;
}

function groupByTopic(events: readonly OutgoingEvent[]) {
  const byTopic = new Map<string, Message[]>();
  for (const { topic, key, value, headers } of events) {
    const messages = byTopic.get(topic) ?? [];
    messages.push({ key, value, headers });
    byTopic.set(topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
