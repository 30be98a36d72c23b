import type { Model, UpdateQuery } from 'mongoose';
import type { ReceivedEvent } from '../envelope/cloud-event';
import { STATEMENTS_PER_WRITE } from '@technopark/persistence';
import type { FailedRecord } from './dead-letter';
import { coalesceUpdates, type Update } from './coalesce-updates';
import { APPLIED_EVENTS_FIELD, applyOnce, DUPLICATE_KEY, insertOnce } from './idempotent-effects';

/** One queued effect: what `applyOnce` would write, and the record that caused it. */
interface QueuedEffect {
  readonly model: Model<unknown>;
  readonly id: unknown;
  readonly update: UpdateQuery<unknown>;
  readonly eventId: string;
  readonly record: FailedRecord;
}

/** A record created once per event: its `_id` derives from the event, so a copy collides with it. */
interface QueuedInsert {
  readonly model: Model<unknown>;
  readonly document: { _id: unknown };
  readonly record: FailedRecord;
}

/** An update with no marker, written after the batch's other effects. */
interface QueuedLastUpdate {
  readonly model: Model<unknown>;
  readonly id: unknown;
  readonly update: Update;
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
   * batch's other effects too.
   */
  updateLast<T>(model: Model<T>, id: unknown, update: UpdateQuery<T>): void {
    this.lastUpdates.push({
      model: model as unknown as Model<unknown>,
      id,
      update: update as Update,
      record: this.record,
    });
  }

  /** Runs once the batch's effects are stored (a dashboard notified, a latency measured). */
  onStored(callback: () => void): void {
    this.storedCallbacks.push({ record: this.record, callback });
  }

  /** @internal */
  drain(): {
    effects: QueuedEffect[];
    inserts: QueuedInsert[];
    lastUpdates: QueuedLastUpdate[];
    callbacks: StoredCallback[];
  } {
    return {
      effects: this.queued.splice(0),
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
  private readonly inserts: QueuedInsert[] = [];
  private readonly lastUpdates: QueuedLastUpdate[] = [];
  private readonly callbacks: StoredCallback[] = [];

  get size(): number {
    return this.queued.length + this.inserts.length + this.lastUpdates.length;
  }

  add(effects: EventEffects): void {
    const { effects: queued, inserts, lastUpdates, callbacks } = effects.drain();
    this.queued.push(...queued);
    this.inserts.push(...inserts);
    this.lastUpdates.push(...lastUpdates);
    this.callbacks.push(...callbacks);
  }

  /**
   * Writes every queued effect: the inserts, the effects guarded by their markers, then the last
   * updates. On a failure nothing is forgotten, so it can be written again.
   */
  async store(): Promise<StoredEffects> {
    const stored = { applied: 0, duplicates: 0, writes: 0 };
    const add = (chunk: StoredEffects) => {
      stored.applied += chunk.applied;
      stored.duplicates += chunk.duplicates;
      stored.writes += chunk.writes;
    };
    for (const inserts of byCollection(this.inserts))
      for (const chunk of chunksOf(inserts)) add(await storeInserts(chunk));
    const collections = writesByCollection(this.queued);
    const kept = collections.flat().reduce((sum, write) => sum + write.effects.length, 0);
    stored.duplicates += this.queued.length - kept;
    for (const writes of collections) for (const chunk of chunksOf(writes)) add(await storeChunk(chunk));
    for (const updates of lastWritesByCollection(this.lastUpdates))
      for (const chunk of chunksOf(updates)) add(await storeLastUpdates(chunk));
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
    // The last updates of the events that failed go with them: they would say a change was stored.
    for (const { model, id, update, record } of this.lastUpdates)
      await attempt(record, () =>
        model.updateOne({ _id: id } as never, update as never, { upsert: true, strict: false }),
      );
    this.settled(new Set(failed.map(({ record }) => record)));
    return failed;
  }

  /** Runs the callbacks of the events whose effects are stored (not of those dead-lettered). */
  private settled(failed: ReadonlySet<FailedRecord> = new Set()): void {
    this.queued.length = 0;
    this.inserts.length = 0;
    this.lastUpdates.length = 0;
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

/** Bulks FerretDB takes: at most its statement limit each. */
function chunksOf<T>(items: readonly T[]): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += STATEMENTS_PER_WRITE)
    chunks.push(items.slice(start, start + STATEMENTS_PER_WRITE));
  return chunks;
}

function byCollection<T extends { readonly model: Model<unknown> }>(items: readonly T[]): T[][] {
  const collections = new Map<string, T[]>();
  for (const item of items) {
    const name = item.model.collection.collectionName;
    collections.set(name, [...(collections.get(name) ?? []), item]);
  }
  return [...collections.values()];
}

/** The last updates per collection, those of one document folded where their operators allow. */
function lastWritesByCollection(updates: readonly QueuedLastUpdate[]): QueuedLastUpdate[][] {
  return byCollection(updates).map((collection) => {
    const writes: QueuedLastUpdate[] = [];
    const lastOf = new Map<string, number>();
    for (const update of collection) {
      const key = JSON.stringify(update.id);
      const at = lastOf.get(key);
      const folded =
        at === undefined ? undefined : coalesceUpdates((writes[at] as QueuedLastUpdate).update, update.update);
      if (at !== undefined && folded) writes[at] = { ...(writes[at] as QueuedLastUpdate), update: folded };
      else {
        lastOf.set(key, writes.length);
        writes.push(update);
      }
    }
    return writes;
  });
}

/** One unordered bulk of inserts: one that collides with its record (a redelivery, a copy) is a duplicate. */
async function storeInserts(inserts: readonly QueuedInsert[]): Promise<StoredEffects> {
  const model = (inserts[0] as QueuedInsert).model;
  try {
    await model.bulkWrite(
      inserts.map(({ document }) => ({ insertOne: { document: document as never } })),
      { ordered: false },
    );
    return { applied: inserts.length, duplicates: 0, writes: inserts.length };
  } catch (error) {
    if (!collidedOnKey(error)) throw error;
    const duplicates = [(error as { writeErrors: unknown }).writeErrors].flat().length;
    return { applied: inserts.length - duplicates, duplicates, writes: inserts.length };
  }
}

/** One ordered bulk of the last updates, with no marker. */
async function storeLastUpdates(updates: readonly QueuedLastUpdate[]): Promise<StoredEffects> {
  await (updates[0] as QueuedLastUpdate).model.bulkWrite(
    updates.map(({ id, update }) => ({
      updateOne: { filter: { _id: id } as never, update: update as never, upsert: true },
    })),
    { ordered: true, strict: false },
  );
  return { applied: updates.length, duplicates: 0, writes: updates.length };
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
