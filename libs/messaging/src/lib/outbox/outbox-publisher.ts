import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { STATEMENTS_PER_WRITE } from '@technopark/persistence';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { EventProducer } from '../producer/event-producer';
import { OUTBOX_FIELDS, pendingRecords, type OutboxState } from './outbox-fields';

interface PendingDocument {
  readonly collection: string;
  readonly state: OutboxState;
}

/**
 * Sends outbox records right after their write, batching whatever queued up meanwhile into
 * one produce request, then clears the outboxes it sent. A failed send leaves the records in
 * place for the relay; consumers drop the duplicates a retry may cause.
 */
@Injectable()
export class OutboxPublisher implements BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxPublisher.name);
  private queue = new Map<string, PendingDocument>();
  private flushing: Promise<void> | undefined;
  private stopped = false;

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly producer: EventProducer,
    private readonly metrics: MessagingMetrics,
  ) {}

  /** Queues a document's pending records; a later version of the same document supersedes it. */
  enqueue(collection: string, state: OutboxState): void {
    // Written while the service shuts down: the records wait in their outbox for the relay of the next start.
    if (this.stopped) return;
    const id = `${collection}/${String(state._id)}`;
    const queued = this.queue.get(id);
    if (!queued || (queued.state._outboxVersion ?? 0) <= (state._outboxVersion ?? 0))
      this.queue.set(id, { collection, state });
    this.flushing ??= this.drain();
  }

  /** Resolves when everything queued so far has been sent or left for the relay. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.flush();
  }

  private async drain(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    try {
      while (this.queue.size > 0) {
        const batch = [...this.queue.values()];
        this.queue = new Map();
        await this.publish(batch);
      }
    } finally {
      this.flushing = undefined;
    }
  }

  private async publish(batch: PendingDocument[]): Promise<void> {
    const records = batch.flatMap(({ state }) => pendingRecords(state));
    try {
      await this.producer.send(records);
      const now = Date.now();
      for (const record of records)
        this.metrics.outboxPublishSeconds.observe((now - new Date(record.writtenAt).getTime()) / 1000);
      await this.clear(batch);
    } catch (error) {
      this.logger.warn({
        msg: 'outbox publish failed; the relay will retry',
        events: records.length,
        reason: (error as Error).message,
      });
    }
  }

  /**
   * Marks the outboxes clean where nothing was appended since they were read (same version);
   * where something was, removes just the records sent and leaves the document pending.
   */
  private async clear(batch: PendingDocument[]): Promise<void> {
    const byCollection = new Map<string, OutboxState[]>();
    for (const { collection, state } of batch)
      byCollection.set(collection, [...(byCollection.get(collection) ?? []), state]);
    for (const [collection, states] of byCollection) {
      for (let start = 0; start < states.length; start += STATEMENTS_PER_WRITE)
        await this.clearChunk(collection, states.slice(start, start + STATEMENTS_PER_WRITE));
    }
  }

  private async clearChunk(collection: string, states: OutboxState[]): Promise<void> {
    const documents = this.connection.collection(collection);
    const cleared = await documents.bulkWrite(
      states.map((state) => ({
        updateOne: {
          filter: { _id: state._id as never, [OUTBOX_FIELDS.version]: state._outboxVersion },
          update: { $set: { [OUTBOX_FIELDS.records]: {}, [OUTBOX_FIELDS.pending]: false } },
        },
      })),
      { ordered: false },
    );
    if (cleared.matchedCount < states.length) await documents.bulkWrite(states.map(removeSent), { ordered: false });
  }
}

/** Unsetting a key that is already gone is harmless, so this may run for every document. */
function removeSent(state: OutboxState) {
  const sent = Object.fromEntries(Object.keys(state._outbox ?? {}).map((id) => [`${OUTBOX_FIELDS.records}.${id}`, '']));
  return { updateOne: { filter: { _id: state._id as never }, update: { $unset: sent } } };
}
