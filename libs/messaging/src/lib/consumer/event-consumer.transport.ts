import { Inject, Injectable } from '@nestjs/common';
import { Server, type CustomTransportStrategy } from '@nestjs/microservices';
import {
  deadLetterTopicFor,
  EventRegistry,
  PUBLISHED_EVENTS,
  topicFor,
  topicPatternFor,
  type EventContract,
} from '@technopark/contracts';
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import type { ReceivedEvent } from '../envelope/cloud-event';
import { declaresRetriable } from '../errors';
import { consumerGroupOf, KAFKA_CLIENT, MESSAGING_OPTIONS, type MessagingOptions } from '../messaging-options';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { EventProducer } from '../producer/event-producer';
import { TopicProvisioner } from '../admin/topic-provisioner';
import { EffectBatch, type EventEffects } from './effect-batch';
import { EventContext } from './event-context';
import { PartitionPauses } from './partition-pauses';
import { RecordProcessor, type EventHandler } from './record-processor';
import { DEFAULT_RETRY_POLICY, backoffDelay } from './retry-policy';
import { settlesWithin, ShutdownSignal } from '../lifecycle/shutdown-signal';

const PARTITIONS_IN_PARALLEL = 3;
const NEW_TOPICS_CHECK_MS = 30_000;
/** How long close() waits for the consumer to stop, within SHUTDOWN_TIMEOUT_MS: a group join can take a crashed member's session timeout. */
const CLOSE_GRACE_MS = 10_000;

/**
 * A Nest microservice transport for `@HandleEvent` handlers: batch consumption, one
 * partition's records in order, offsets committed only after the handlers' effects are
 * stored, dead-lettering of what cannot be processed, and pausing on outages.
 */
@Injectable()
export class EventConsumerTransport extends Server implements CustomTransportStrategy {
  override readonly propagatesEventHandlerErrors = true;
  readonly consumerGroup: string;
  private readonly registry: EventRegistry;
  private readonly pauses = new PartitionPauses(DEFAULT_RETRY_POLICY);
  private consumer: Consumer | undefined;
  private readonly shutdown = new ShutdownSignal();
  private newTopicsCheck: NodeJS.Timeout | undefined;

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly producer: EventProducer,
    private readonly topics: TopicProvisioner,
    private readonly metrics: MessagingMetrics,
  ) {
    super();
    this.consumerGroup = consumerGroupOf(options);
    this.registry = new EventRegistry([...PUBLISHED_EVENTS, ...(options.extraContracts ?? [])]);
  }

  /** Starts consuming in the background, so the service starts (not ready) while Kafka is away. */
  listen(callback: () => void): void {
    if (this.handledContracts().length > 0) void this.shutdown.track(this.startWithRetries());
    callback();
  }

  /**
   * Stops fetching, lets the running batches finish and commit, then leaves the group. A consumer
   * still joining its group (which can take a session timeout after a crash) is disconnected at
   * once; the start-up attempt in flight is then awaited, so that no consumer is created,
   * connected or restarted after the app has closed.
   */
  async close(): Promise<void> {
    clearTimeout(this.newTopicsCheck);
    this.pauses.cancelAll();
    const stopping = Promise.all([this.shutdown.stop(), this.consumer?.disconnect().catch(() => undefined)]);
    if (!(await settlesWithin(stopping, CLOSE_GRACE_MS))) {
      this.logger.warn({
        msg: 'consumer did not stop in time (still joining its group, or a batch still running); its uncommitted records will be read again',
        group: this.consumerGroup,
        graceMs: CLOSE_GRACE_MS,
      });
      return;
    }
    await this.consumer?.disconnect();
  }

  private get closed(): boolean {
    return this.shutdown.stopped;
  }

  on(): never {
    throw new Error('EventConsumerTransport has no events to subscribe to');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  private handledContracts(): EventContract[] {
    return [...this.messageHandlers.keys()].map((type) => {
      const contract = this.registry.find(type);
      if (!contract) throw new Error(`@HandleEvent('${type}'): no contract with this type is registered`);
      return contract;
    });
  }

  private async startWithRetries(): Promise<void> {
    for (let attempt = 0; !this.closed; attempt += 1) {
      try {
        await this.start();
        return;
      } catch (error) {
        await this.consumer?.disconnect().catch(() => undefined);
        if (this.closed) return;
        // The broker being away at start-up is expected (it may start after us): not an error.
        this.logger.log({
          msg: 'event consumer waiting for Kafka; retrying',
          group: this.consumerGroup,
          reason: (error as Error).message,
          attempt: attempt + 1,
        });
        await this.shutdown.wait(backoffDelay(attempt, 500, 15_000));
      }
    }
  }

  private async start(): Promise<void> {
    const streams = [...new Set(this.handledContracts().map((contract) => contract.stream))];
    const deadLetterTopic = deadLetterTopicFor(this.options.site, this.consumerGroup);
    const national = this.options.scope === 'national';
    // A national instance reads the sites' topics and creates none of them: a technopark.national.<stream>
    // topic would look like the topics of a site called "national" to partners subscribing by pattern.
    const ownTopics = national ? [] : streams.map((stream) => topicFor(this.options.site, stream));
    // Fails at once on an unreachable broker: startWithRetries does the waiting, and close() cuts it short.
    await this.topics.ensureOnce([deadLetterTopic, ...ownTopics]);
    if (this.closed) return;
    const processor = this.recordProcessor(deadLetterTopic);
    // kafkajs restarts a crashed consumer by itself; never once the transport is closing.
    this.consumer = this.kafka.consumer({
      groupId: this.consumerGroup,
      allowAutoTopicCreation: false,
      retry: { restartOnFailure: async () => !this.closed },
    });
    await this.consumer.connect();
    if (this.closed) return;
    const patterns = streams.map((stream) => topicPatternFor(stream, this.options.nationalSites));
    // Listed before subscribing: a topic created in between is taken for new, which costs one needless rejoin at worst.
    const matchedAtStart = national ? await this.topicsMatching(patterns) : undefined;
    await this.consumer.subscribe({ topics: national ? patterns : ownTopics, fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: PARTITIONS_IN_PARALLEL,
      eachBatch: (payload) => this.consumeBatch(payload, processor),
    });
    this.logger.log({
      msg: 'consuming events',
      group: this.consumerGroup,
      streams,
      scope: this.options.scope ?? 'site',
      deadLetterTopic,
      ...(matchedAtStart ? { topics: matchedAtStart.size } : {}),
    });
    if (matchedAtStart) this.checkForNewTopics(patterns, matchedAtStart);
  }

  /** National scope: when a site's topics appear after subscribing, rejoin the group so that they are read (from their beginning). */
  private checkForNewTopics(patterns: readonly RegExp[], subscribed: ReadonlySet<string>): void {
    const check = () => void this.shutdown.track(this.lookForNewTopics(patterns, subscribed));
    this.newTopicsCheck = setTimeout(check, this.options.newTopicsCheckMs ?? NEW_TOPICS_CHECK_MS);
  }

  private async lookForNewTopics(patterns: readonly RegExp[], subscribed: ReadonlySet<string>): Promise<void> {
    try {
      const added = [...(await this.topicsMatching(patterns))].filter((topic) => !subscribed.has(topic));
      if (this.closed) return;
      if (added.length > 0) {
        this.logger.log({
          msg: 'new topics to read; rejoining the consumer group',
          group: this.consumerGroup,
          topics: added.slice(0, 20),
          count: added.length,
        });
        await this.consumer?.disconnect();
        if (!this.closed) void this.shutdown.track(this.startWithRetries());
        return;
      }
    } catch (error) {
      this.logger.warn({
        msg: 'could not look for new topics; trying again later',
        group: this.consumerGroup,
        reason: (error as Error).message,
      });
    }
    if (!this.closed) this.checkForNewTopics(patterns, subscribed);
  }

  private async topicsMatching(patterns: readonly RegExp[]): Promise<Set<string>> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return new Set((await admin.listTopics()).filter((topic) => patterns.some((pattern) => pattern.test(topic))));
    } finally {
      await admin.disconnect();
    }
  }

  private recordProcessor(deadLetterTopic: string): RecordProcessor {
    const classifiers = [declaresRetriable, ...(this.options.transientErrors ?? [])];
    return new RecordProcessor({
      registry: this.registry,
      handlerFor: (type) => this.handlerFor(type),
      isTransient: (error) => classifiers.some((classify) => classify(error)),
      retry: DEFAULT_RETRY_POLICY,
      producer: this.producer,
      metrics: this.metrics,
      consumerGroup: this.consumerGroup,
      deadLetterTopic,
    });
  }

  private handlerFor(type: string): EventHandler | undefined {
    const handler = this.getHandlerByPattern(type);
    return handler
      ? (event: ReceivedEvent, effects: EventEffects) => handler(event, new EventContext([event, effects]))
      : undefined;
  }

  private async consumeBatch(
    { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale, pause }: EachBatchPayload,
    processor: RecordProcessor,
  ): Promise<void> {
    const { topic, partition } = batch;
    const effects = new EffectBatch();
    let handled: string | undefined;
    let blocked = false;
    for (const message of batch.messages) {
      if (!isRunning() || isStale()) break;
      if ((await processor.process({ topic, partition, message }, isRunning, effects)) === 'blocked') {
        blocked = true;
        break;
      }
      handled = message.offset;
      await heartbeat();
    }
    // Offsets move only past records whose effects are stored; otherwise the batch is read again.
    if (handled !== undefined && (await processor.store(effects, isRunning)) === 'done') {
      resolveOffset(handled);
      await commitOffsetsIfNecessary({
        topics: [{ topic, partitions: [{ partition, offset: (BigInt(handled) + 1n).toString() }] }],
      });
      this.metrics.consumerLag.set(
        { topic, partition: String(partition) },
        Number(BigInt(batch.highWatermark) - BigInt(handled) - 1n),
      );
    } else if (handled !== undefined) blocked = true;
    if (blocked) this.pauses.pause(topic, partition, pause, this.metrics);
    else if (handled !== undefined) this.pauses.recovered(topic, partition);
  }
}
