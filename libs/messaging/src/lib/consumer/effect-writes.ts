import type { Model } from 'mongoose';
import { STATEMENTS_PER_WRITE } from '@technopark/persistence';
import type { FailedRecord } from './dead-letter';
import { coalesceUpdates, type Update } from './coalesce-updates';
import { APPLIED_EVENTS_FIELD, applyOnce, collidedOnKey } from './idempotent-effects';
import type { ChunkOutcome, DocumentWrite, QueuedEffect, QueuedInsert, QueuedLastUpdate } from './effect-types';

/**
 * Per collection, the writes that store the queued effects: the effects on one document folded
 * into as few updates as their operators allow, in the order they were queued, without the copies
 * of an event already queued for that document (`oncePerEvent`: an event has one effect per document).
 */
export function writesByCollection(
  effects: readonly QueuedEffect[],
  { oncePerEvent = true }: { oncePerEvent?: boolean } = {},
): DocumentWrite[][] {
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
    if (oncePerEvent && events.has(effect.eventId)) continue;
    events.add(effect.eventId);
    const last = writes.at(-1);
    const folded = last && coalesceUpdates(last.update, effect.update as Update);
    if (last && folded) writes[writes.length - 1] = { ...last, update: folded, effects: [...last.effects, effect] };
    else writes.push({ model: effect.model, id: effect.id, update: effect.update as Update, effects: [effect] });
  }
  return [...collections.values()].map((documents) => [...documents.values()].flat());
}

/** Bulks FerretDB takes: at most its statement limit each. */
export function chunksOf<T>(items: readonly T[]): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += STATEMENTS_PER_WRITE)
    chunks.push(items.slice(start, start + STATEMENTS_PER_WRITE));
  return chunks;
}

export function byCollection<T extends { readonly model: Model<unknown> }>(items: readonly T[]): T[][] {
  const collections = new Map<string, T[]>();
  for (const item of items) {
    const name = item.model.collection.collectionName;
    collections.set(name, [...(collections.get(name) ?? []), item]);
  }
  return [...collections.values()];
}

/** The last updates per collection, those of one document folded where their operators allow. */
export function lastWritesByCollection(updates: readonly QueuedLastUpdate[]): QueuedLastUpdate[][] {
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

/**
 * One unordered bulk of inserts: one that collides with its record (a redelivery, a copy) is a
 * duplicate, named by its index (FerretDB reports it right for unordered inserts).
 */
export async function storeInserts(inserts: readonly QueuedInsert[]): Promise<ChunkOutcome> {
  const model = (inserts[0] as QueuedInsert).model;
  let collided = new Set<number>();
  try {
    await model.bulkWrite(
      inserts.map(({ document }) => ({ insertOne: { document: document as never } })),
      { ordered: false },
    );
  } catch (error) {
    if (!collidedOnKey(error)) throw error;
    const { writeErrors } = error as { writeErrors: { index: number } | { index: number }[] };
    collided = new Set([writeErrors].flat().map(({ index }) => index));
  }
  return {
    applied: inserts.length - collided.size,
    duplicates: collided.size,
    writes: inserts.length,
    appliedRecords: inserts.filter((_, index) => !collided.has(index)).map(({ record }) => record),
  };
}

/** One ordered bulk of the last updates, with no marker. */
export async function storeLastUpdates(updates: readonly QueuedLastUpdate[]): Promise<ChunkOutcome> {
  await (updates[0] as QueuedLastUpdate).model.bulkWrite(
    updates.map(({ id, update }) => ({
      updateOne: { filter: { _id: id } as never, update: update as never, upsert: true },
    })),
    { ordered: true, strict: false },
  );
  return { applied: updates.length, duplicates: 0, writes: updates.length, appliedRecords: [] };
}

/**
 * How a kind of guarded effect is written and recognised: by the markers of its events
 * (`applyOnce`) or by its position in its partition (`applyByOffset`).
 */
export interface EffectGuard {
  /** An event has one effect per document: a second one queued for it is a copy. */
  readonly oncePerEvent: boolean;
  /** The write's filter and update: applied only where none of its effects is yet. */
  guarded(write: DocumentWrite): { filter: never; update: never };
  /** After a collision: the effects their documents do not have yet, read in one query. */
  unapplied(effects: readonly QueuedEffect[]): Promise<QueuedEffect[]>;
  /** One effect on its own: true when it was applied, false when its document had it. */
  applyOne(effect: QueuedEffect): Promise<boolean>;
}

/**
 * One ordered bulk write of guarded updates. An effect already applied (a batch read again after
 * a crash, a replay) makes its upsert collide with its document, which stops the bulk, and
 * FerretDB then reports the wrong index: the chunk's documents are read to learn which effects
 * they have, and the others are written in one more bulk. Should that collide too (another writer
 * of the same documents), they are written one at a time, where each guard tells what was applied.
 */
export async function storeGuardedChunk(writes: readonly DocumentWrite[], guard: EffectGuard): Promise<ChunkOutcome> {
  const effects = writes.flatMap((write) => write.effects);
  try {
    await guardedBulk(writes, guard);
    // Without an error, every update changed its document.
    return { applied: effects.length, duplicates: 0, writes: writes.length, appliedRecords: recordsOf(effects) };
  } catch (error) {
    if (!collidedOnKey(error)) throw error;
  }
  const unapplied = await guard.unapplied(effects);
  const appliedBefore = recordsMaybeAppliedBefore(writes, new Set(unapplied));
  const rewrites = writesByCollection(unapplied, { oncePerEvent: guard.oncePerEvent }).flat();
  if (rewrites.length === 0)
    return { applied: 0, duplicates: effects.length, writes: writes.length, appliedRecords: appliedBefore };
  try {
    await guardedBulk(rewrites, guard);
    return {
      applied: unapplied.length,
      duplicates: effects.length - unapplied.length,
      writes: writes.length + rewrites.length,
      appliedRecords: [...appliedBefore, ...recordsOf(unapplied)],
    };
  } catch (error) {
    if (!collidedOnKey(error)) throw error;
  }
  const applied: QueuedEffect[] = [];
  for (const effect of unapplied) if (await guard.applyOne(effect)) applied.push(effect);
  return {
    applied: applied.length,
    duplicates: effects.length - applied.length,
    writes: writes.length + rewrites.length + unapplied.length,
    appliedRecords: [...appliedBefore, ...recordsOf(applied)],
  };
}

/** Effects guarded by their events' markers (`applyOnce`, queued with the batch). */
export const MARKER_GUARD: EffectGuard = {
  oncePerEvent: true,
  /** Applied only where none of its events is recorded yet, recording them all. */
  guarded(write) {
    const eventIds = write.effects.map((effect) => effect.eventId);
    const push = write.update['$push'] ?? {};
    return {
      filter: { _id: write.id, [APPLIED_EVENTS_FIELD]: { $nin: eventIds } } as never,
      update: { ...write.update, $push: { ...push, [APPLIED_EVENTS_FIELD]: { $each: eventIds } } } as never,
    };
  },
  async unapplied(effects) {
    const model = (effects[0] as QueuedEffect).model;
    const documents = await model
      .find({ _id: { $in: distinctIds(effects) } } as never, { [APPLIED_EVENTS_FIELD]: 1 })
      .lean<{ _id: unknown; [APPLIED_EVENTS_FIELD]?: string[] }[]>();
    const recorded = new Map(
      documents.map((document) => [keyOf(document._id), new Set(document[APPLIED_EVENTS_FIELD])]),
    );
    return effects.filter(({ id, eventId }) => !recorded.get(keyOf(id))?.has(eventId));
  },
  async applyOne({ model, id, update, eventId }) {
    return (await applyOnce(model, id, update, { id: eventId })) === 'applied';
  },
};

/** A document id as a map key. */
export const keyOf = (id: unknown) => JSON.stringify(id);

/** The ids of the documents some effects write, each once. */
export function distinctIds(effects: readonly QueuedEffect[]): unknown[] {
  return [...new Map(effects.map(({ id }) => [keyOf(id), id])).values()];
}

const recordsOf = (effects: readonly QueuedEffect[]) => effects.map(({ record }) => record);

/**
 * After an ordered bulk stopped on a collision, the records of the writes it may have applied
 * before it: FerretDB does not say where it stopped. The write that collided comes no later than
 * the first write still unapplied, and no later than the last write: every write before that
 * bound may have been applied now. They are counted as duplicates, but the readers woken for them
 * (`ifApplied`) are woken: a needless wake-up is harmless, a missed one leaves a reader on a stale answer.
 */
export function recordsMaybeAppliedBefore(
  writes: readonly DocumentWrite[],
  unapplied: ReadonlySet<QueuedEffect>,
): FailedRecord[] {
  const firstUnapplied = writes.findIndex((write) => write.effects.some((effect) => unapplied.has(effect)));
  const collidedAtLatest = firstUnapplied === -1 ? writes.length - 1 : firstUnapplied;
  return writes.slice(0, collidedAtLatest).flatMap((write) => write.effects.map(({ record }) => record));
}

async function guardedBulk(writes: readonly DocumentWrite[], guard: EffectGuard): Promise<void> {
  await (writes[0] as DocumentWrite).model.bulkWrite(
    writes.map((write) => ({ updateOne: { ...guard.guarded(write), upsert: true } })),
    { ordered: true, strict: false },
  );
}
