import type { Model, UpdateQuery } from 'mongoose';
import { STATEMENTS_PER_WRITE } from '@technopark/persistence';
import type { ReceivedEvent } from '../envelope/cloud-event';

/** Where a document remembers the events already applied to it. */
export const APPLIED_EVENTS_FIELD = '_appliedEvents';

export type EffectOutcome = 'applied' | 'duplicate';

export const DUPLICATE_KEY = 11000;

/** The filter and update that apply an effect only to a document that has not recorded the event yet. */
const withAppliedMarker = {
  filter: (id: unknown, eventId: string) => ({ _id: id, [APPLIED_EVENTS_FIELD]: { $ne: eventId } }) as never,
  update: <T>(update: UpdateQuery<T>, eventId: string) =>
    ({ ...update, $push: { ...(update.$push as object), [APPLIED_EVENTS_FIELD]: eventId } }) as UpdateQuery<T>,
};

/**
 * Applies `update` to the document `_id` (created if missing) unless this event was already
 * applied to it. The event id is recorded in the same single-document write as the effect,
 * so a redelivery (rebalance, crash before commit, replay) has no second effect — without
 * multi-document transactions. The list grows with the events applied to one document:
 * key effects by the aggregate they are about, not by one global document.
 */
export async function applyOnce<T>(
  model: Model<T>,
  id: unknown,
  update: UpdateQuery<T>,
  event: Pick<ReceivedEvent, 'id'>,
): Promise<EffectOutcome> {
  try {
    const result = await model.updateOne(
      withAppliedMarker.filter(id, event.id),
      withAppliedMarker.update(update, event.id),
      { upsert: true, strict: false },
    );
    return result.modifiedCount + result.upsertedCount > 0 ? 'applied' : 'duplicate';
  } catch (error) {
    // The document exists and already lists the event, so the upsert collided with it.
    if ((error as { code?: number }).code === DUPLICATE_KEY) return 'duplicate';
    throw error;
  }
}

/**
 * `applyOnce` on several documents for one event, in one ordered bulk: the round trip of one write.
 * A document that already records the event makes its upsert collide, which stops the bulk; the
 * writes are then made one at a time, where each marker tells what was applied. Returns how many
 * documents the event changed.
 */
export async function applyEachOnce<T>(
  model: Model<T>,
  writes: readonly { readonly id: unknown; readonly update: UpdateQuery<T> }[],
  event: Pick<ReceivedEvent, 'id'>,
): Promise<number> {
  if (writes.length <= 1 || writes.length > STATEMENTS_PER_WRITE) {
    let applied = 0;
    for (const { id, update } of writes) if ((await applyOnce(model, id, update, event)) === 'applied') applied += 1;
    return applied;
  }
  try {
    await model.bulkWrite(
      writes.map(({ id, update }) => ({
        updateOne: {
          filter: withAppliedMarker.filter(id, event.id),
          update: withAppliedMarker.update(update, event.id) as never,
          upsert: true,
        },
      })),
      { ordered: true, strict: false },
    );
    return writes.length;
  } catch (error) {
    if ((error as { code?: number }).code !== DUPLICATE_KEY && !collidedOnKey(error)) throw error;
    let applied = 0;
    for (const { id, update } of writes) if ((await applyOnce(model, id, update, event)) === 'applied') applied += 1;
    return applied;
  }
}

/** A bulk write stopped by documents that already exist (an upsert or insert that collided), and nothing else. */
export function collidedOnKey(error: unknown): boolean {
  const { writeErrors } = error as { writeErrors?: { code: number } | { code: number }[] };
  return writeErrors !== undefined && [writeErrors].flat().every(({ code }) => code === DUPLICATE_KEY);
}

/**
 * Creates a document whose `_id` derives from the event, so a redelivery collides with it:
 * for effects that are a new record per event (a timeline entry, a fact).
 */
export async function insertOnce<T>(model: Model<T>, document: Partial<T> & { _id: unknown }): Promise<EffectOutcome> {
  try {
    await model.create(document);
    return 'applied';
  } catch (error) {
    if ((error as { code?: number }).code === DUPLICATE_KEY) return 'duplicate';
    throw error;
  }
}
