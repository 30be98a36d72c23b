import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { EventRegistry, PUBLISHED_EVENTS, topicFor } from '@technopark/contracts';
import type { Admin, Kafka } from 'kafkajs';
import { createKafkaClient } from '../kafka-client.factory';
import { ShutdownSignal } from '../lifecycle/shutdown-signal';
import { KAFKA_CLIENT, MESSAGING_OPTIONS, type MessagingOptions } from '../messaging-options';

/**
 * Creates the topics a service writes to or reads from, with the configured partitions and
 * replication. Idempotent: existing topics are left as they are, and a topic created by
 * another service at the same moment counts as done.
 */
@Injectable()
export class TopicProvisioner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TopicProvisioner.name);
  private readonly known = new Set<string>();
  private readonly shutdown = new ShutdownSignal();

  /** For the start-up attempts: fails fast and quietly, the loop retries and stops at shutdown. */
  private readonly startupKafka: Kafka;

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {
    this.startupKafka = createKafkaClient(options, { failFast: true });
  }

  /** The topics this service publishes to, created in the background so start-up never waits on Kafka. */
  onApplicationBootstrap(): void {
    const streams = new Set(this.ownContracts().map((contract) => contract.stream));
    const topics = [...streams].map((stream) => topicFor(this.options.site, stream));
    if (topics.length > 0) void this.shutdown.track(this.ensureWithRetries(topics));
  }

  private ownContracts() {
    const registry = new EventRegistry([...PUBLISHED_EVENTS, ...(this.options.extraContracts ?? [])]);
    return registry.all().filter((contract) => contract.producer === this.options.service);
  }

  /** Topics whose streams keep only the latest event per key. */
  private compactedTopics(): Set<string> {
    return new Set(
      this.ownContracts()
        .filter((contract) => contract.compacted)
        .map((contract) => topicFor(this.options.site, contract.stream)),
    );
  }

  /** No new attempt starts, and the one in flight (bounded by the connection timeout) is awaited. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.shutdown.stop();
  }

  async ensure(topics: readonly string[], kafka = this.kafka): Promise<void> {
    const unknown = [...new Set(topics)].filter((topic) => !this.known.has(topic));
    if (unknown.length === 0) return;
    const admin = kafka.admin();
    await admin.connect();
    try {
      await this.createMissing(admin, unknown);
      for (const topic of unknown) this.known.add(topic);
    } finally {
      await admin.disconnect();
    }
  }

  /** One attempt that fails at once when the broker does not answer: for callers that retry themselves. */
  ensureOnce(topics: readonly string[]): Promise<void> {
    return this.ensure(topics, this.startupKafka);
  }

  private async ensureWithRetries(topics: string[]): Promise<void> {
    for (let delay = 1_000; !this.shutdown.stopped; delay = Math.min(delay * 2, 30_000)) {
      try {
        return await this.ensureOnce(topics);
      } catch (error) {
        if (this.shutdown.stopped) return;
        // Kafka may come up after the service: expected, so not a warning until it lasts.
        const log = delay >= 30_000 ? 'warn' : 'log';
        this.logger[log]({
          msg: 'could not provision topics yet; retrying',
          topics,
          reason: (error as Error).message,
          retryInMs: delay,
        });
        await this.shutdown.wait(delay);
      }
    }
  }

  private async createMissing(admin: Admin, topics: string[]): Promise<void> {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length === 0) return;
    const { topicPartitions: numPartitions, replicationFactor } = this.options;
    try {
      const compacted = this.compactedTopics();
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions,
          replicationFactor,
          ...(compacted.has(topic) ? { configEntries: [{ name: 'cleanup.policy', value: 'compact' }] } : {}),
        })),
      });
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
    }
    this.logger.log({ msg: 'topics provisioned', topics: missing, partitions: numPartitions, replicationFactor });
  }
}

function isAlreadyExists(error: unknown): boolean {
  const { type, errors } = error as { type?: string; errors?: { type?: string }[] };
  return (
    type === 'TOPIC_ALREADY_EXISTS' ||
    (Array.isArray(errors) && errors.every((each) => each.type === 'TOPIC_ALREADY_EXISTS'))
  );
}
