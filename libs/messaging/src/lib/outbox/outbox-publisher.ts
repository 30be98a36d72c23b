import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { STATEMENTS_PER_WRITE } from '../ferretdb-limits';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { EventProducer } from '../producer/event-producer';
import { OUTBOX_FIELDS, pendingEntries, type OutboxState } from './outbox-fields';
import { type SentDocument, SentRecords } from './sent-records';

/** How long sent records may wait in their document for the aggregate's next write to remove them. */
const CLEAR_DELAY_MS = 1_000;

interface PendingDocument {
  readonly collection: string;
  readonly state: OutboxState;
}

/**
 * Sends outbox records right after their write, batching whatever queued up meanwhile into
 * one produce request. A record sent is never sent again by this process, even if its document
 * is queued again before it is removed. Sent records are removed by the aggregate's next write
 * (see `EventOutbox.update`), or, for aggregates not written again within a second, by one bulk
 * clear: a busy aggregate then costs one write per change instead of two. A failed send leaves the
 * records in place for the relay; consumers drop the duplicates a retry or a crash may cause.
 */
@Injectable()
export class OutboxPublisher implements BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxPublisher.name);
  private queue = new Map<string, PendingDocument>();
  private flushing: Promise<void> | undefined;
  private readonly sent = new SentRecords();
  private clearTimer: NodeJS.Timeout | undefined;
  private clearing: Promise<void> = Promise.resolve();
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

  /** The records already sent from a document, for the write being made to remove them; forgotten here. */
  takeSent(collection: string, id: unknown): string[] {
    return this.sent.take(collection, id);
  }

  /** Sent records a write did not remove after all: they are cleared a moment later. */
  giveBackSent(collection: string, id: unknown, keys: readonly string[]): void {
    this.sent.giveBack(collection, id, keys);
    this.scheduleClear();
  }

  /** Resolves when everything queued so far has been sent or left for the relay. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.flush();
    clearTimeout(this.clearTimer);
    await this.clearing;
    await this.clearSent();
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
    const unsent = batch.map(({ collection, state }) => ({
      collection,
      state,
      entries: pendingEntries(state).filter(([key]) => !this.sent.isSent(collection, state._id, key)),
    }));
    const records = unsent.flatMap(({ entries }) => entries.map(([, record]) => record));
    try {
      if (records.length > 0) await this.producer.send(records);
      const now = Date.now();
      for (const record of records)
        this.metrics.outboxPublishSeconds.observe((now - new Date(record.writtenAt).getTime()) / 1000);
      for (const { collection, state } of unsent) this.sent.record(collection, state);
      this.scheduleClear();
    } catch (error) {
      this.logger.warn({
        msg: 'outbox publish failed; the relay will retry',
        events: records.length,
        reason: (error as Error).message,
      });
    }
  }

  private scheduleClear(): void {
    if (this.clearTimer || this.stopped) return;
    this.clearTimer = setTimeout(() => {
      this.clearTimer = undefined;
      this.clearing = this.clearing.then(() => this.clearSent());
    }, CLEAR_DELAY_MS);
    this.clearTimer.unref();
  }

  /**
   * Marks the outboxes clean where nothing was appended since the records were sent (same version);
   * where something was, removes just the records sent and leaves the document pending. A failed
   * clear keeps them known as sent, to be cleared again; they are never sent twice from here.
   */
  private async clearSent(): Promise<void> {
    const documents = this.sent.takeAll();
    const byCollection = new Map<string, SentDocument[]>();
    for (const document of documents)
      byCollection.set(document.collection, [...(byCollection.get(document.collection) ?? []), document]);
    try {
      for (const [collection, sent] of byCollection) {
        for (let start = 0; start < sent.length; start += STATEMENTS_PER_WRITE)
          await this.clearChunk(collection, sent.slice(start, start + STATEMENTS_PER_WRITE));
      }
    } catch (error) {
      for (const { collection, id, keys } of documents) this.sent.giveBack(collection, id, keys);
      this.logger.warn({ msg: 'clearing sent outbox records failed; trying again', reason: (error as Error).message });
      this.scheduleClear();
    }
  }

  private async clearChunk(collection: string, sent: SentDocument[]): Promise<void> {
    const documents = this.connection.collection(collection);
    const versioned = sent.filter(({ version }) => version !== undefined);
    const cleared =
      versioned.length === 0
        ? { matchedCount: 0 }
        : await documents.bulkWrite(
            versioned.map(({ id, version }) => ({
              updateOne: {
                filter: { _id: id as never, [OUTBOX_FIELDS.version]: version },
                update: { $set: { [OUTBOX_FIELDS.records]: {}, [OUTBOX_FIELDS.pending]: false } },
              },
            })),
            { ordered: false },
          );
    const withKeys = sent.filter(({ keys }) => keys.length > 0);
    if (cleared.matchedCount < sent.length && withKeys.length > 0)
      await documents.bulkWrite(withKeys.map(removeSent), { ordered: false });
  }
}

/** Unsetting a key that is already gone is harmless, so this may run for every document. */
function removeSent({ id, keys }: SentDocument) {
  const unset = Object.fromEntries(keys.map((key) => [`${OUTBOX_FIELDS.records}.${key}`, '']));
  return { updateOne: { filter: { _id: id as never }, update: { $unset: unset } } };
}
