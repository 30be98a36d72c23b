import type { Model, UpdateQuery } from 'mongoose';
import type { FailedRecord } from './dead-letter';
import type { Update } from './coalesce-updates';

/** One queued effect: what `applyOnce` would write, and the record that caused it. */
export interface QueuedEffect {
  readonly model: Model<unknown>;
  readonly id: unknown;
  readonly update: UpdateQuery<unknown>;
  readonly eventId: string;
  readonly record: FailedRecord;
  /** Offset-guarded effects: its place among its record's, so that each has a position of its own. */
  readonly sequence?: number;
}

/** A record created once per event: its `_id` derives from the event, so a copy collides with it. */
export interface QueuedInsert {
  readonly model: Model<unknown>;
  readonly document: { _id: unknown };
  readonly record: FailedRecord;
}

/** An update with no marker, written after the batch's other effects. */
export interface QueuedLastUpdate {
  readonly model: Model<unknown>;
  readonly id: unknown;
  readonly update: Update;
  readonly record: FailedRecord;
  /** Written only when another effect of its event was applied (not for a copy or a redelivery). */
  readonly ifApplied: boolean;
}

/** What storing some effects did, and the records of the effects it applied. */
export interface ChunkOutcome extends StoredEffects {
  readonly appliedRecords: readonly FailedRecord[];
}

/** One write to one document: the effects of consecutive events on it, folded together. */
export interface DocumentWrite {
  readonly model: Model<unknown>;
  readonly id: unknown;
  readonly update: Update;
  readonly effects: readonly QueuedEffect[];
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
