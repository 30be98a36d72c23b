import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { outboxCollectionsOf } from './outbox-collections';
import { OUTBOX_FIELDS, pendingRecords, type OutboxState } from './outbox-fields';
import { OutboxPublisher } from './outbox-publisher';

const SWEEP_INTERVAL_MS = 5_000;
const SWEEP_BATCH = 500;
/** Records younger than this are still on their way through the publisher. */
const IN_FLIGHT_GRACE_MS = 2_000;

/**
 * Finds events left behind (a crash between the write and the publish, a broker outage) and
 * publishes them: once at start-up, then every few seconds. Cheap when there is nothing to
 * do: one indexed equality lookup per outbox collection.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;
  private startedAt = Date.now();
  /** Read off the service's models once they are registered (see `outboxCollectionsOf`). */
  private collections: readonly string[] = [];

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly publisher: OutboxPublisher,
  ) {}

  onApplicationBootstrap(): void {
    this.collections = outboxCollectionsOf(this.connection);
    if (this.collections.length === 0) return;
    this.startedAt = Date.now();
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.sweeping;
  }

  /** One pass over every outbox collection; resolves to the number of events re-published. */
  async sweep(): Promise<number> {
    let published = 0;
    for (const collection of this.collections) published += await this.sweepCollection(collection);
    if (published > 0) this.logger.log({ msg: 'relay published events left behind', events: published });
    return published;
  }

  private schedule(delay: number): void {
    this.timer = setTimeout(() => {
      this.sweeping = this.sweep()
        .catch(
          (error: Error) =>
            this.logger.warn({ msg: 'outbox sweep failed', reason: error.message }) as unknown as number,
        )
        .then(() => (this.timer ? this.schedule(SWEEP_INTERVAL_MS) : undefined));
    }, delay);
    this.timer.unref();
  }

  private async sweepCollection(collection: string): Promise<number> {
    const cutoff = Date.now() - IN_FLIGHT_GRACE_MS;
    const leftBehind = (writtenAt: Date) => new Date(writtenAt).getTime() < Math.max(cutoff, this.startedAt);
    const stale = (state: OutboxState) => {
      const records = pendingRecords(state);
      return records.length === 0 || records.some((record) => leftBehind(record.writtenAt));
    };
    // Before the first connection there is nothing to sweep yet; the next pass will.
    if (!this.connection.db) return 0;
    const documents = this.connection.db.collection(collection);
    let published = 0;
    // Pages read to the end before publishing: an open cursor would hold FerretDB's SQLite
    // connection for the database while the publisher needs it to clear outboxes.
    for (let after: unknown = undefined; ;) {
      const filter: Record<string, unknown> = {
        [OUTBOX_FIELDS.pending]: true,
        ...(after !== undefined && { _id: { $gt: after } }),
      };
      const page = (await documents
        .find(filter, { projection: { [OUTBOX_FIELDS.records]: 1, [OUTBOX_FIELDS.version]: 1 } })
        .sort({ _id: 1 })
        .limit(SWEEP_BATCH)
        .toArray()) as unknown as OutboxState[];
      for (const state of page.filter(stale)) {
        this.publisher.enqueue(collection, state);
        published += pendingRecords(state).length;
      }
      await this.publisher.flush();
      if (page.length < SWEEP_BATCH) break;
      after = page.at(-1)?._id;
    }
    return published;
  }
}
