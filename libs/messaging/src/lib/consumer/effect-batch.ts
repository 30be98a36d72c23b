import type { Model, UpdateQuery } from 'mongoose';
import type { ReceivedEvent } from '../envelope/cloud-event';
import { STATEMENTS_PER_WRITE } from '@technopark/persistence';
import type { FailedRecord } from './dead-letter';
import { coalesceUpdates, type Update } from './coalesce-updates';
import { APPLIED_EVENTS_FIELD, applyOnce, DUPLICATE_KEY } from './idempotent-effects';

/** One queued effect: what `applyOnce` would write, and the record that caused it. */
interface QueuedEffect {
  readonly model: Model<unknown>;
  readonly id: unknown;
  readonly update: UpdateQuery<unknown>;
  readonly eventId: string;
  readonly record: FailedRecord;
}

/** What to run once an event's effects are stored. */
interface StoredCallback {
  readonly record: FailedRecord;
  readonly callback: () => void;
}

/** One write to one document: the effects of consecutive events on it, folded together. */
interface DocumentWrite {
  readonly model: Model<unknown>;
  readonly id: unknown;
  readonly update: Update;
  readonly effects: readonly QueuedEffect[];
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
  /** Document updates sent: fewer than the effects where several fold into one. */
  readonly writes: number;
}

/**
 * The effects one handler run queues for its event. They join the batch only when the handler
 * succeeds, so a failed attempt (retried, or dead-lettered) leaves nothing behind.
 */
export class EventEffects {
  private readonly queued: QueuedEffect[] = [];
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

  /** Runs once the batch's effects are stored (a dashboard notified, a latency measured). */
  onStored(callback: () => void): void {
    this.storedCallbacks.push({ record: this.record, callback });
  }

  /** @internal */
  drain(): { effects: QueuedEffect[]; callbacks: StoredCallback[] } {
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
  private readonly callbacks: StoredCallback[] = [];

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
    const collections = writesByCollection(this.queued);
    const kept = collections.flat().reduce((sum, write) => sum + write.effects.length, 0);
    const stored = { applied: 0, duplicates: this.queued.length - kept, writes: 0 };
    for (const writes of collections) {
      for (let start = 0; start < writes.length; start += STATEMENTS_PER_WRITE) {
        const chunk = await storeChunk(writes.slice(start, start + STATEMENTS_PER_WRITE));
        stored.applied += chunk.applied;
        stored.duplicates += chunk.duplicates;
        stored.writes += chunk.writes;
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
    this.settled(new Set(failed.map(({ record }) => record)));
    return failed;
  }

  /** Runs the callbacks of the events whose effects are stored (not of those dead-lettered). */
  private settled(failed: ReadonlySet<FailedRecord> = new Set()): void {
    this.queued.length = 0;
    for (const { record, callback } of this.callbacks.splice(0)) if (!failed.has(record)) callback();
  }
}

/**
 * Per collection, the writes that store the queued effects: the effects on one document folded
 * into as few updates as their operators allow, in the order they were queued, without the copies
 * of an event already queued for that document.
 */
function writesByCollection(effects: readonly QueuedEffect[]): DocumentWrite[][] {
  const collections = new Map<string, Map<unknown, DocumentWrite[]>>();
  const queuedEvents = new Map<string, Set<string>>();
  for (const effect of effects) {
    const name = effect.model.collection.collectionName;
    const documents = collections.get(name) ?? new Map<unknown, DocumentWrite[]>();
    collections.set(name, documents);
    const key = JSON.stringify(effect.id);
    const writes = documents.get(key) ?? [];
    documents.set(key, writes);
    // A copy of an event (the outbox may publish one twice) changes nothing, as applyOnce would say.
    const events = queuedEvents.get(`${name}/${key}`) ?? new Set<string>();
    queuedEvents.set(`${name}/${key}`, events);
    if (events.has(effect.eventId)) continue;
    events.add(effect.eventId);
    const last = writes.at(-1);
    const folded = last && coalesceUpdates(last.update, effect.update as Update);
    if (last && folded) writes[writes.length - 1] = { ...last, update: folded, effects: [...last.effects, effect] };
    else writes.push({ model: effect.model, id: effect.id, update: effect.update as Update, effects: [effect] });
  }
  return [...collections.values()].map((documents) => [...documents.values()].flat());
}

/**
 * One ordered bulk write, each update guarded by its events' markers. An effect already applied
 * (a batch read again after a crash) makes its upsert collide with its document, which stops the
 * bulk; FerretDB then reports the wrong index, so the chunk's effects are written again one at a
 * time, where each marker tells what was applied.
 */
async function storeChunk(writes: readonly DocumentWrite[]): Promise<StoredEffects> {
  const model = (writes[0] as DocumentWrite).model;
  const effects = writes.flatMap((write) => write.effects);
  try {
    await model.bulkWrite(
      writes.map((write) => ({ updateOne: { ...guarded(write), upsert: true } })),
      { ordered: true, strict: false },
    );
    // Without an error, every update changed its document: each one pushes its markers.
    return { applied: effects.length, duplicates: 0, writes: writes.length };
  } catch (error) {
    if (!collidedOnKey(error)) throw error;
    const stored = { applied: 0, duplicates: 0, writes: writes.length + effects.length };
    for (const { model, id, update, eventId } of effects) {
      if ((await applyOnce(model, id, update, { id: eventId })) === 'applied') stored.applied += 1;
      else stored.duplicates += 1;
    }
    return stored;
  }
}

/** The update applied only where none of its events is recorded yet, recording them all. */
function guarded(write: DocumentWrite): { filter: never; update: never } {
  const eventIds = write.effects.map((effect) => effect.eventId);
  const push = write.update['$push'] ?? {};
  return {
    filter: { _id: write.id, [APPLIED_EVENTS_FIELD]: { $nin: eventIds } } as never,
    update: { ...write.update, $push: { ...push, [APPLIED_EVENTS_FIELD]: { $each: eventIds } } } as never,
  };
}

function collidedOnKey(error: unknown): boolean {
  const { writeErrors } = error as { writeErrors?: { code: number } | { code: number }[] };
  return writeErrors !== undefined && [writeErrors].flat().every(({ code }) => code === DUPLICATE_KEY);
}
