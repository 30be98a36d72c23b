import type { Model, UpdateQuery } from 'mongoose';
import type { ReceivedEvent } from '../envelope/cloud-event';
import { STATEMENTS_PER_WRITE } from '../ferretdb-limits';
import type { FailedRecord } from './dead-letter';
import { applyOnce, DUPLICATE_KEY, withAppliedMarker } from './idempotent-effects';

/** One queued effect: what `applyOnce` would write, and the record that caused it. */
interface QueuedEffect {
  readonly model: Model<unknown>;
  readonly id: unknown;
  readonly update: UpdateQuery<unknown>;
  readonly eventId: string;
  readonly record: FailedRecord;
}

/** An effect that failed on its own when the batch was written one effect at a time. */
export interface FailedEffect {
  readonly record: FailedRecord;
  readonly error: unknown;
}

/**
 * What writing a batch's effects did. After a collision (a batch read again), an effect the
 * interrupted bulk had applied is counted as a duplicate: the database does not say which it was.
 */
export interface StoredEffects {
  readonly applied: number;
  readonly duplicates: number;
}

/**
 * The effects one handler run queues for its event. They join the batch only when the handler
 * succeeds, so a failed attempt (retried, or dead-lettered) leaves nothing behind.
 */
export class EventEffects {
  private readonly queued: QueuedEffect[] = [];
  private readonly storedCallbacks: (() => void)[] = [];

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

  /** Runs once the batch's effects are stored (a dashboard notified, a latency measured). */
  onStored(callback: () => void): void {
    this.storedCallbacks.push(callback);
  }

  /** @internal */
  drain(): { effects: QueuedEffect[]; callbacks: (() => void)[] } {
    return { effects: this.queued.splice(0), callbacks: this.storedCallbacks.splice(0) };
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
  private readonly callbacks: (() => void)[] = [];

  get size(): number {
    return this.queued.length;
  }

  add(effects: EventEffects): void {
    const { effects: queued, callbacks } = effects.drain();
    this.queued.push(...queued);
    this.callbacks.push(...callbacks);
  }

  /** Writes every queued effect; on a failure nothing is forgotten, so it can be written again. */
  async store(): Promise<StoredEffects> {
    const stored = { applied: 0, duplicates: 0 };
    for (const group of byCollection(this.queued)) {
      for (let start = 0; start < group.length; start += STATEMENTS_PER_WRITE) {
        const chunk = await storeChunk(group.slice(start, start + STATEMENTS_PER_WRITE));
        stored.applied += chunk.applied;
        stored.duplicates += chunk.duplicates;
      }
    }
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
    for (const effect of this.queued) {
      if (failed.some(({ record }) => record === effect.record)) continue;
      try {
        await applyOnce(effect.model, effect.id, effect.update, { id: effect.eventId });
      } catch (error) {
        if (isTransient(error)) throw error;
        failed.push({ record: effect.record, error });
      }
    }
    this.settled();
    return failed;
  }

  private settled(): void {
    this.queued.length = 0;
    for (const callback of this.callbacks.splice(0)) callback();
  }
}

/** The queued effects grouped by collection, each group in queue order. */
function byCollection(effects: readonly QueuedEffect[]): QueuedEffect[][] {
  const groups = new Map<string, QueuedEffect[]>();
  for (const effect of effects) {
    const name = effect.model.collection.collectionName;
    groups.set(name, [...(groups.get(name) ?? []), effect]);
  }
  return [...groups.values()];
}

/**
 * One ordered bulk write. An effect already applied (a batch read again after a crash) makes its
 * upsert collide with its document, which stops the bulk; FerretDB then reports the wrong index, so
 * the chunk is written again one effect at a time, where each marker tells what was applied.
 */
async function storeChunk(effects: readonly QueuedEffect[]): Promise<StoredEffects> {
  const model = (effects[0] as QueuedEffect).model;
  try {
    const result = await model.bulkWrite(
      effects.map(({ id, update, eventId }) => ({
        updateOne: {
          filter: withAppliedMarker.filter(id, eventId),
          update: withAppliedMarker.update(update, eventId),
          upsert: true,
        },
      })),
      { ordered: true, strict: false },
    );
    const applied = result.modifiedCount + result.upsertedCount;
    return { applied, duplicates: effects.length - applied };
  } catch (error) {
    if (!collidedOnKey(error)) throw error;
    const stored = { applied: 0, duplicates: 0 };
    for (const { model, id, update, eventId } of effects) {
      if ((await applyOnce(model, id, update, { id: eventId })) === 'applied') stored.applied += 1;
      else stored.duplicates += 1;
    }
    return stored;
  }
}

function collidedOnKey(error: unknown): boolean {
  const { writeErrors } = error as { writeErrors?: { code: number } | { code: number }[] };
  return writeErrors !== undefined && [writeErrors].flat().every(({ code }) => code === DUPLICATE_KEY);
}
