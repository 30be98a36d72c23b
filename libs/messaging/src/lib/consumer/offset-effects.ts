import type { Connection } from 'mongoose';
import type { FailedRecord } from './dead-letter';
import { chunksOf, distinctIds, type EffectGuard, keyOf, storeGuardedChunk, writesByCollection } from './effect-writes';
import { collidedOnKey, DUPLICATE_KEY } from './idempotent-effects';
import type { ChunkOutcome, DocumentWrite, QueuedEffect } from './effect-types';

/** Where a document keeps, per partition, the position of the last effect applied to it (see `positionOf`). */
export const APPLIED_OFFSETS_FIELD = '_appliedOffsets';

/** Where a service's consumers list the events whose offset-guarded effects are stored. */
export const CONSUMED_EVENTS_COLLECTION = 'consumed_events';

/** Event ids asked of the ledger per query: a `$in` FerretDB answers from the `_id` index. */
const LEDGER_IDS_PER_READ = 500;

/**
 * The path of a partition's position in a document. Kafka topic names use `[a-zA-Z0-9._-]`, so a
 * dot (a path separator here) becomes `:` and the partition follows a `/`: no two partitions share one.
 */
export function appliedOffsetPath(record: Pick<FailedRecord, 'topic' | 'partition'>): string {
  return `${APPLIED_OFFSETS_FIELD}.${record.topic.replaceAll('.', ':')}/${record.partition}`;
}

/** Offset-guarded effects one record may queue: each effect's position is its offset times this, plus its place. */
export const EFFECTS_PER_RECORD = 1024;

/**
 * Where an effect stands in its partition: after every effect of the records before its own, and
 * after the effects its record queued before it (a record may add twice to one document).
 */
const positionOf = (effect: QueuedEffect) =>
  Number(effect.record.message.offset) * EFFECTS_PER_RECORD + (effect.sequence ?? 0);

/**
 * Stores the offset-guarded effects of one partition's batch. Three guards keep each effect
 * applied once:
 * - a copy of an event in the same batch (the outbox may publish one twice) is dropped;
 * - an event the ledger lists was stored by an earlier batch (a copy published later) and is dropped;
 * - each document write applies only if the document's position for the partition is below the
 *   write's first effect, and moves it to the write's last, in the same single-document write.
 *   Records of a partition come in order, so a document has applied exactly the effects up to its
 *   position: a batch read again after a crash skips what it had written.
 * `recordConsumed` must follow once every effect of the batch is stored, before its offsets are committed.
 */
export async function storeByOffset(effects: readonly QueuedEffect[]): Promise<ChunkOutcome & { events: Consumed[] }> {
  const { fresh, events } = await unstoredByOffset(effects);
  const stored: ChunkOutcome[] = [
    { applied: 0, duplicates: effects.length - fresh.length, writes: 0, appliedRecords: [] },
  ];
  for (const writes of writesByCollection(fresh, { oncePerEvent: false }))
    for (const chunk of chunksOf(writes)) stored.push(await storeGuardedChunk(chunk, OFFSET_GUARD));
  return {
    applied: sum(stored, 'applied'),
    duplicates: sum(stored, 'duplicates'),
    writes: sum(stored, 'writes'),
    appliedRecords: stored.flatMap((chunk) => chunk.appliedRecords),
    events,
  };
}

/**
 * The effects left once the copies are dropped (later ones in the batch, and events the ledger
 * lists), and the events they belong to, for the ledger once they are stored.
 */
export async function unstoredByOffset(
  effects: readonly QueuedEffect[],
): Promise<{ fresh: QueuedEffect[]; events: Consumed[] }> {
  const firstCopies = firstCopiesOf(effects);
  const events = eventsOf(firstCopies);
  const listed = await listedInLedger(events);
  return {
    fresh: firstCopies.filter((effect) => !listed.has(effect.eventId)),
    events: events.filter((event) => !listed.has(event.eventId)),
  };
}

/** One offset-guarded effect on its own: 'duplicate' when the document had applied it already. */
export async function applyByOffset(effect: QueuedEffect): Promise<'applied' | 'duplicate'> {
  try {
    const { filter, update } = OFFSET_GUARD.guarded(documentWriteOf([effect]));
    await effect.model.updateOne(filter, update, { upsert: true, strict: false });
    return 'applied';
  } catch (error) {
    if ((error as { code?: number }).code === DUPLICATE_KEY) return 'duplicate';
    throw error;
  }
}

/** An event whose offset-guarded effects are stored, for the ledger. */
export interface Consumed {
  readonly eventId: string;
  readonly connection: Connection;
  readonly record: FailedRecord;
}

/** Lists stored events in their database's ledger, so that a copy published later is recognised. */
export async function recordConsumed(events: readonly Consumed[]): Promise<void> {
  for (const [connection, listed] of byConnection(events)) {
    for (const chunk of chunksOf(listed)) {
      try {
        await ledgerOf(connection).insertMany(
          chunk.map(({ eventId, record }) => ({
            _id: eventId as never,
            topic: record.topic,
            partition: record.partition,
            offset: record.message.offset,
            at: new Date(),
          })),
          { ordered: false },
        );
      } catch (error) {
        // Listed already: the batch was stored before and read again.
        if (!collidedOnKey(error)) throw error;
      }
    }
  }
}

/** Each event's effects from its first record only: a later copy in the batch changes nothing. */
function firstCopiesOf(effects: readonly QueuedEffect[]): QueuedEffect[] {
  const firstRecord = new Map<string, FailedRecord>();
  return effects.filter((effect) => {
    const first = firstRecord.get(effect.eventId) ?? effect.record;
    firstRecord.set(effect.eventId, first);
    return first === effect.record;
  });
}

function eventsOf(effects: readonly QueuedEffect[]): Consumed[] {
  const events = new Map<string, Consumed>();
  for (const { eventId, model, record } of effects)
    if (!events.has(eventId)) events.set(eventId, { eventId, connection: model.db, record });
  return [...events.values()];
}

async function listedInLedger(events: readonly Consumed[]): Promise<Set<string>> {
  const listed = new Set<string>();
  for (const [connection, ofConnection] of byConnection(events)) {
    const ids = ofConnection.map(({ eventId }) => eventId);
    for (let start = 0; start < ids.length; start += LEDGER_IDS_PER_READ) {
      const found = await ledgerOf(connection)
        .find({ _id: { $in: ids.slice(start, start + LEDGER_IDS_PER_READ) as never[] } }, { projection: { _id: 1 } })
        .toArray();
      for (const { _id } of found) listed.add(String(_id));
    }
  }
  return listed;
}

/**
 * Each write applied only where the partition's position in its document is below its first
 * effect, moving it to its last. After a collision, the documents' positions say which effects
 * they have: those at or below it.
 */
const OFFSET_GUARD: EffectGuard = {
  oncePerEvent: false,
  guarded(write) {
    const path = appliedOffsetPath((write.effects[0] as QueuedEffect).record);
    const positions = write.effects.map(positionOf);
    const set = write.update['$set'] ?? {};
    return {
      filter: { _id: write.id, [path]: { $not: { $gte: Math.min(...positions) } } } as never,
      update: { ...write.update, $set: { ...set, [path]: Math.max(...positions) } } as never,
    };
  },
  async unapplied(effects) {
    const first = effects[0] as QueuedEffect;
    const path = appliedOffsetPath(first.record);
    const documents = await first.model
      .find({ _id: { $in: distinctIds(effects) } } as never, { [path]: 1 })
      .lean<{ _id: unknown; [key: string]: unknown }[]>();
    const applied = new Map(documents.map((document) => [keyOf(document._id), positionIn(document, path)]));
    return effects.filter((effect) => positionOf(effect) > (applied.get(keyOf(effect.id)) ?? -1));
  },
  async applyOne(effect) {
    return (await applyByOffset(effect)) === 'applied';
  },
};

function positionIn(document: Record<string, unknown>, path: string): number {
  const offsets = document[APPLIED_OFFSETS_FIELD] as Record<string, number> | undefined;
  return offsets?.[path.slice(APPLIED_OFFSETS_FIELD.length + 1)] ?? -1;
}

function documentWriteOf(effects: readonly QueuedEffect[]): DocumentWrite {
  const effect = effects[0] as QueuedEffect;
  return { model: effect.model, id: effect.id, update: effect.update as DocumentWrite['update'], effects };
}

function ledgerOf(connection: Connection) {
  return connection.collection<{ _id: string }>(CONSUMED_EVENTS_COLLECTION);
}

function byConnection(events: readonly Consumed[]): Map<Connection, Consumed[]> {
  const grouped = new Map<Connection, Consumed[]>();
  for (const event of events) grouped.set(event.connection, [...(grouped.get(event.connection) ?? []), event]);
  return grouped;
}

function sum(outcomes: readonly ChunkOutcome[], field: 'applied' | 'duplicates' | 'writes'): number {
  return outcomes.reduce((total, outcome) => total + outcome[field], 0);
}
