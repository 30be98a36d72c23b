import type { Model, UpdateQuery } from 'mongoose';
import type { ReceivedEvent } from '../envelope/cloud-event';
import type { FailedRecord } from './dead-letter';
import type { Update } from './coalesce-updates';
import type { ChunkOutcome, QueuedEffect, QueuedInsert, QueuedLastUpdate, StoredEffects } from './effect-types';
import {
  byCollection,
  chunksOf,
  lastWritesByCollection,
  MARKER_GUARD,
  storeGuardedChunk,
  storeInserts,
  storeLastUpdates,
  writesByCollection,
} from './effect-writes';
import { applyOnce, insertOnce } from './idempotent-effects';
import { applyByOffset, EFFECTS_PER_RECORD, recordConsumed, storeByOffset, unstoredByOffset } from './offset-effects';

export type { StoredEffects } from './effect-types';

/** What to run once an event's effects are stored. */
interface StoredCallback {
  readonly record: FailedRecord;
  readonly callback: () => void;
}

/** An effect that failed on its own when the batch was written one effect at a time. */
export interface FailedEffect {
  readonly record: FailedRecord;
  readonly error: unknown;
}

/**
 * The effects one handler run queues for its event. They join the batch only when the handler
 * succeeds, so a failed attempt (retried, or dead-lettered) leaves nothing behind.
 */
export class EventEffects {
  private readonly queued: QueuedEffect[] = [];
  private readonly byOffset: QueuedEffect[] = [];
  private readonly inserts: QueuedInsert[] = [];
  private readonly lastUpdates: QueuedLastUpdate[] = [];
  private readonly storedCallbacks: StoredCallback[] = [];

  constructor(private readonly record: FailedRecord) {}

  /**
   * `applyOnce`, written with the rest of the batch: `update` applied to the document `_id` (created
   * if missing) unless this event was already applied to it, the marker in the same document write.
   * Handlers never read these writes back within the batch: use it for effects only reads by others
   * see (projections, counters), and `applyOnce` itself where a later event reads the result.
   */
  applyOnce<T>(model: Model<T>, id: unknown, update: UpdateQuery<T>, event: Pick<ReceivedEvent, 'id'>): void {
    this.queued.push({
      model: model as unknown as Model<unknown>,
      id,
      update: update as UpdateQuery<unknown>,
      eventId: event.id,
      record: this.record,
    });
  }

  /**
   * `applyOnce`'s guarantee with a marker that does not grow, for documents many events add to (a
   * year of a counter): `update` applied to the document `_id` (created if missing), which keeps
   * per partition the position (record offset, then order within the record) of the last effect
   * applied to it, in the same write. Records of a partition come in order, so a batch read again
   * skips what it wrote; a copy of the event published later is recognised by the consumer's
   * ledger of stored events. Assumes what Kafka promises: a topic's offsets only grow (a topic
   * deleted and created again under its name needs its consumers' documents rebuilt), and one
   * consumer group per topic writes a document. Unlike `applyOnce`, one event may add to a
   * document several times: each effect has its own position.
   */
  applyByOffset<T>(model: Model<T>, id: unknown, update: UpdateQuery<T>, event: Pick<ReceivedEvent, 'id'>): void {
    if (this.byOffset.length >= EFFECTS_PER_RECORD)
      throw new Error(`an event may queue at most ${EFFECTS_PER_RECORD} effects guarded by its offset`);
    this.byOffset.push({
      model: model as unknown as Model<unknown>,
      id,
      update: update as UpdateQuery<unknown>,
      eventId: event.id,
      record: this.record,
      sequence: this.byOffset.length,
    });
  }

  /**
   * `insertOnce`, written with the rest of the batch: a new record per event (a timeline entry, a
   * fact) whose `_id` derives from the event, so a redelivery or a copy collides with it.
   */
  insertOnce<T>(model: Model<T>, document: Partial<T> & { _id: unknown }): void {
    this.inserts.push({ model: model as unknown as Model<unknown>, document, record: this.record });
  }

  /**
   * An update of the document `_id` (created if missing) with no marker, written after every
   * other effect of the batch: for what a repetition cannot spoil, such as a `$max` high-water
   * mark or a change counter that only tells readers to read again. Readers that see it see the
   * batch's other effects too. `ifApplied`: written only when another effect of this event was
   * applied, so a redelivery or a copy does not wake the readers.
   */
  updateLast<T>(model: Model<T>, id: unknown, update: UpdateQuery<T>, options: { ifApplied?: boolean } = {}): void {
    this.lastUpdates.push({
      model: model as unknown as Model<unknown>,
      id,
      update: update as Update,
      record: this.record,
      ifApplied: options.ifApplied ?? false,
    });
  }

  /** Runs once the batch's effects are stored (a dashboard notified, a latency measured). */
  onStored(callback: () => void): void {
    this.storedCallbacks.push({ record: this.record, callback });
  }

  /** @internal */
  drain(): {
    effects: QueuedEffect[];
    byOffset: QueuedEffect[];
    inserts: QueuedInsert[];
    lastUpdates: QueuedLastUpdate[];
    callbacks: StoredCallback[];
  } {
    return {
      effects: this.queued.splice(0),
      byOffset: this.byOffset.splice(0),
      inserts: this.inserts.splice(0),
      lastUpdates: this.lastUpdates.splice(0),
      callbacks: this.storedCallbacks.splice(0),
    };
  }
}

/**
 * The effects of one partition's batch, written together before its offsets are committed: per
 * collection, one ordered `bulkWrite` per chunk, so the effects on one document keep the order of
 * the partition and the batch costs a few round trips instead of one per event. Each effect keeps
 * `applyOnce`'s marker in its own document write, so a batch written twice (a crash after the
 * write, before the commit) has no second effect.
 */
export class EffectBatch {
  private readonly queued: QueuedEffect[] = [];
  private readonly byOffset: QueuedEffect[] = [];
  private readonly inserts: QueuedInsert[] = [];
  private readonly lastUpdates: QueuedLastUpdate[] = [];
  private readonly callbacks: StoredCallback[] = [];
  /**
   * An attempt failed, maybe after writing some effects: written again they look like duplicates,
   * so every `ifApplied` update is written from then on. A needless wake-up is harmless; a missed
   * one would leave readers on a stale answer.
   */
  private interrupted = false;

  get size(): number {
    return this.queued.length + this.byOffset.length + this.inserts.length + this.lastUpdates.length;
  }

  add(effects: EventEffects): void {
    const { effects: queued, byOffset, inserts, lastUpdates, callbacks } = effects.drain();
    this.queued.push(...queued);
    this.byOffset.push(...byOffset);
    this.inserts.push(...inserts);
    this.lastUpdates.push(...lastUpdates);
    this.callbacks.push(...callbacks);
  }

  /**
   * Writes every queued effect: the inserts, the effects guarded by their markers or by their
   * offsets, then the last updates, and lists the events of the offset-guarded effects in the
   * ledger. On a failure nothing is forgotten, so it can be written again.
   */
  async store(): Promise<StoredEffects> {
    try {
      return await this.storeAll();
    } catch (error) {
      this.interrupted = true;
      throw error;
    }
  }

  private async storeAll(): Promise<StoredEffects> {
    const stored = { applied: 0, duplicates: 0, writes: 0 };
    const applied = new Set<FailedRecord>();
    const add = (chunk: ChunkOutcome) => {
      stored.applied += chunk.applied;
      stored.duplicates += chunk.duplicates;
      stored.writes += chunk.writes;
      for (const record of chunk.appliedRecords) applied.add(record);
    };
    for (const inserts of byCollection(this.inserts))
      for (const chunk of chunksOf(inserts)) add(await storeInserts(chunk));
    const collections = writesByCollection(this.queued);
    const kept = collections.flat().reduce((sum, write) => sum + write.effects.length, 0);
    stored.duplicates += this.queued.length - kept;
    for (const writes of collections)
      for (const chunk of chunksOf(writes)) add(await storeGuardedChunk(chunk, MARKER_GUARD));
    const byOffset = this.byOffset.length > 0 ? await storeByOffset(this.byOffset) : undefined;
    if (byOffset) add(byOffset);
    const lastUpdates = this.lastUpdates.filter(
      (update) => !update.ifApplied || this.interrupted || applied.has(update.record),
    );
    for (const updates of lastWritesByCollection(lastUpdates))
      for (const chunk of chunksOf(updates)) add(await storeLastUpdates(chunk));
    if (byOffset) await recordConsumed(byOffset.events);
    this.settled();
    return stored;
  }

  /**
   * Writes the effects one at a time, after the batch failed for a reason no retry fixes: the
   * effects that fail on their own are returned with their records (to dead-letter them), the
   * others are stored. A transient failure is thrown, as in `store`.
   */
  async storeEach(isTransient: (error: unknown) => boolean): Promise<FailedEffect[]> {
    const failed: FailedEffect[] = [];
    const attempt = async (record: FailedRecord, write: () => Promise<unknown>) => {
      if (failed.some((failure) => failure.record === record)) return;
      try {
        await write();
      } catch (error) {
        if (isTransient(error)) throw error;
        failed.push({ record, error });
      }
    };
    for (const { model, document, record } of this.inserts) await attempt(record, () => insertOnce(model, document));
    for (const effect of this.queued)
      await attempt(effect.record, () => applyOnce(effect.model, effect.id, effect.update, { id: effect.eventId }));
    const byOffset = await unstoredByOffset(this.byOffset);
    for (const effect of byOffset.fresh) await attempt(effect.record, () => applyByOffset(effect));
    // The last updates of the events that failed go with them: they would say a change was stored.
    // Those `ifApplied` are all written: this follows an interrupted attempt (see `interrupted`).
    for (const { model, id, update, record } of this.lastUpdates)
      await attempt(record, () =>
        model.updateOne({ _id: id } as never, update as never, { upsert: true, strict: false }),
      );
    await recordConsumed(byOffset.events.filter((event) => !failed.some(({ record }) => record === event.record)));
    this.settled(new Set(failed.map(({ record }) => record)));
    return failed;
  }

  /** Runs the callbacks of the events whose effects are stored (not of those dead-lettered). */
  private settled(failed: ReadonlySet<FailedRecord> = new Set()): void {
    this.queued.length = 0;
    this.byOffset.length = 0;
    this.inserts.length = 0;
    this.lastUpdates.length = 0;
    this.interrupted = false;
    for (const { record, callback } of this.callbacks.splice(0)) if (!failed.has(record)) callback();
  }
}
