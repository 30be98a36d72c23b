import { Logger } from '@nestjs/common';
import type { EventRegistry } from '@technopark/contracts';

import { isObservable, lastValueFrom } from 'rxjs';
import { CE_HEADERS, type ReceivedEvent } from '../envelope/cloud-event';
import { decodeEvent } from '../envelope/decode-event';
import { POISON_REASONS, PoisonMessageError, type TransientErrorClassifier } from '../errors';
import type { MessagingMetrics } from '../metrics/messaging-metrics';
import type { EventProducer } from '../producer/event-producer';
import { deadLetterRecordOf, stringHeaders, type FailedRecord } from './dead-letter';
import { type EffectBatch, EventEffects } from './effect-batch';
import { backoffDelay, sleep, type RetryPolicy } from './retry-policy';

export type EventHandler = (event: ReceivedEvent, effects: EventEffects) => Promise<unknown>;

/** `done`: the offset may be committed. `blocked`: a dependency is away, read it again later. */
export type RecordOutcome = 'done' | 'blocked';

export interface RecordProcessorDependencies {
  readonly registry: EventRegistry;
  readonly handlerFor: (type: string) => EventHandler | undefined;
  readonly isTransient: TransientErrorClassifier;
  readonly retry: RetryPolicy;
  readonly producer: EventProducer;
  readonly metrics: MessagingMetrics;
  readonly consumerGroup: string;
  readonly deadLetterTopic: string;
}

/**
 * One record's way through: decode and validate, run its handler with bounded retries on
 * transient failures, dead-letter what no retry can fix. A transient failure never
 * dead-letters: after the retries the record is reported `blocked`.
 */
export class RecordProcessor {
  private readonly logger = new Logger(RecordProcessor.name);

  constructor(private readonly deps: RecordProcessorDependencies) {}

  /** Runs the record's handler; the effects it queues join `batch` once it succeeds. */
  async process(record: FailedRecord, isRunning: () => boolean, batch: EffectBatch): Promise<RecordOutcome> {
    const { topic, partition, message } = record;
    let event: ReceivedEvent;
    try {
      event = await decodeEvent(stringHeaders(message.headers), message.value, this.deps.registry, {
        topic,
        partition,
        offset: message.offset,
      });
    } catch (error) {
      if (error instanceof PoisonMessageError) return this.deadLetter(record, error, 'unknown');
      throw error;
    }
    const handler = this.deps.handlerFor(event.type);
    if (!handler) {
      this.deps.metrics.consumed.inc({ topic, type: event.type, outcome: 'ignored' });
      return 'done';
    }
    return this.handle(handler, event, record, isRunning, batch);
  }

  /**
   * Stores the effects the batch's handlers queued, retrying transient failures like a handler.
   * `blocked`: they are not all stored, and the batch must be read again (what was stored is
   * recognised by its markers). A failure no retry fixes is narrowed down by storing the effects
   * one at a time: the records whose effects fail on their own are dead-lettered.
   */
  async store(batch: EffectBatch, isRunning: () => boolean): Promise<RecordOutcome> {
    if (batch.size === 0) return 'done';
    const { attempts, initialDelayMs, maxDelayMs } = this.deps.retry;
    for (let attempt = 0; ; attempt += 1) {
      try {
        await batch.store();
        return 'done';
      } catch (error) {
        if (!this.deps.isTransient(error)) return this.storeEach(batch, error);
        if (attempt + 1 >= attempts || !isRunning()) return this.storeBlocked(batch, error);
        this.deps.metrics.retries.inc({ type: 'effects' });
        await sleep(backoffDelay(attempt, initialDelayMs, maxDelayMs));
      }
    }
  }

  private async storeEach(batch: EffectBatch, batchError: unknown): Promise<RecordOutcome> {
    this.logger.warn({
      msg: 'a batch of effects failed; storing them one at a time to find the events at fault',
      effects: batch.size,
      reason: (batchError as Error).message,
    });
    try {
      for (const { record, error } of await batch.storeEach(this.deps.isTransient)) {
        const type = stringHeaders(record.message.headers)[CE_HEADERS.type] ?? 'unknown';
        if ((await this.deadLetter(record, handlerFailure(error), type)) === 'blocked') return 'blocked';
      }
      return 'done';
    } catch (error) {
      return this.storeBlocked(batch, error);
    }
  }

  private storeBlocked(batch: EffectBatch, error: unknown): RecordOutcome {
    this.logger.warn({
      msg: "storing a batch's effects failed on a dependency; pausing the partition",
      effects: batch.size,
      reason: (error as Error).message,
    });
    return 'blocked';
  }

  private async handle(
    handler: EventHandler,
    event: ReceivedEvent,
    record: FailedRecord,
    isRunning: () => boolean,
    batch: EffectBatch,
  ): Promise<RecordOutcome> {
    const timer = this.deps.metrics.handlerSeconds.startTimer({ type: event.type });
    const { attempts, initialDelayMs, maxDelayMs } = this.deps.retry;
    try {
      for (let attempt = 0; ; attempt += 1) {
        try {
          // A fresh queue per attempt: a failed attempt's effects are dropped with it.
          const effects = new EventEffects(record);
          await settle(handler(event, effects));
          batch.add(effects);
          this.deps.metrics.consumed.inc({ topic: event.topic, type: event.type, outcome: 'handled' });
          return 'done';
        } catch (error) {
          if (!this.deps.isTransient(error)) return await this.deadLetter(record, handlerFailure(error), event.type);
          if (attempt + 1 >= attempts || !isRunning()) return this.blocked(event, error);
          this.deps.metrics.retries.inc({ type: event.type });
          await sleep(backoffDelay(attempt, initialDelayMs, maxDelayMs));
        }
      }
    } finally {
      timer();
    }
  }

  private blocked(event: ReceivedEvent, error: unknown): RecordOutcome {
    this.logger.warn({
      msg: 'handler failed on a dependency; pausing the partition',
      type: event.type,
      id: event.id,
      topic: event.topic,
      partition: event.partition,
      offset: event.offset,
      reason: (error as Error).message,
    });
    return 'blocked';
  }

  /** A failed DLQ write (broker away) blocks the record: it must not be lost. */
  private async deadLetter(record: FailedRecord, error: PoisonMessageError, type: string): Promise<RecordOutcome> {
    try {
      await this.deps.producer.sendRecords([
        { topic: this.deps.deadLetterTopic, messages: [deadLetterRecordOf(record, error, this.deps.consumerGroup)] },
      ]);
    } catch (sendError) {
      this.logger.warn({ msg: 'dead-letter topic unavailable', reason: (sendError as Error).message });
      return 'blocked';
    }
    this.deps.metrics.deadLettered.inc({ topic: record.topic, reason: error.code });
    this.deps.metrics.consumed.inc({ topic: record.topic, type, outcome: 'dead_lettered' });
    this.logger.warn({
      msg: 'event dead-lettered',
      reasonCode: error.code,
      reason: error.message,
      topic: record.topic,
      partition: record.partition,
      offset: record.message.offset,
      deadLetterTopic: this.deps.deadLetterTopic,
    });
    return 'done';
  }
}

function handlerFailure(error: unknown): PoisonMessageError {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new PoisonMessageError(POISON_REASONS.HANDLER_FAILED, message);
}

async function settle(result: unknown): Promise<unknown> {
  const resolved = await result;
  return isObservable(resolved) ? lastValueFrom(resolved, { defaultValue: undefined }) : resolved;
}
