import { Schema } from 'mongoose';
import type { OutgoingEvent } from '../envelope/cloud-event';

/**
 * The outbox lives inside the aggregate's own document, so a state change and the events it
 * causes are one single-document write: atomic on MongoDB and on FerretDB alike, without
 * multi-document transactions.
 */
export const OUTBOX_FIELDS = {
  /**
   * Events written with the state and not yet acknowledged by Kafka, under keys that sort in
   * writing order. Keys, not an array: a publisher removes exactly what it sent with
   * `$unset`, even while new events are being appended (FerretDB 1.x has no conditional `$pull`).
   */
  records: '_outbox',
  /** Set with every append, cleared once published; the relay's indexed equality lookup. */
  pending: '_outboxPending',
  /** Bumped with every append, so a publisher clears only the records it has sent. */
  version: '_outboxVersion',
} as const;

/** An event as kept in the outbox: the exact Kafka record, so a re-send keeps its id. */
export interface OutboxRecord extends OutgoingEvent {
  readonly writtenAt: Date;
}

export interface OutboxState {
  readonly _id: unknown;
  readonly _outbox?: Record<string, OutboxRecord>;
  readonly _outboxVersion?: number;
}

/** The pending records of a document, oldest first (keys sort in writing order). */
export function pendingRecords(state: OutboxState): OutboxRecord[] {
  const outbox = state._outbox ?? {};
  return Object.keys(outbox)
    .sort()
    .map((key) => outbox[key] as OutboxRecord);
}

let written = 0;

/**
 * Records keyed so that keys sort in writing order: the time, then a counter. Field order
 * cannot be trusted for that (MongoDB 5+ applies one `$set`'s fields in lexicographic order).
 */
export function keyedRecords(records: readonly OutboxRecord[]): Record<string, OutboxRecord> {
  return Object.fromEntries(records.map((record) => [outboxKey(record.writtenAt), record]));
}

function outboxKey(writtenAt: Date): string {
  written = (written + 1) % 36 ** 6;
  return `r${writtenAt.getTime().toString(36).padStart(9, '0')}${written.toString(36).padStart(6, '0')}`;
}

/**
 * Mongoose plugin: gives an aggregate's schema its outbox. The fields are not hidden with
 * `select: false`: that adds a projection to every findOneAndUpdate, which FerretDB 1.x
 * refuses. Repositories leave them out of what they return (see {@link withoutOutbox}).
 */
export function outboxPlugin(schema: Schema): void {
  schema.add({
    [OUTBOX_FIELDS.records]: { type: Schema.Types.Mixed, default: undefined },
    [OUTBOX_FIELDS.pending]: { type: Boolean, index: true },
    [OUTBOX_FIELDS.version]: { type: Number },
  });
}

/** A document as the service's API should see it: without its outbox bookkeeping. */
export function withoutOutbox<T extends object>(document: T): Omit<T, '_outbox' | '_outboxPending' | '_outboxVersion'> {
  const state = { ...document } as Record<string, unknown>;
  for (const field of Object.values(OUTBOX_FIELDS)) delete state[field];
  return state as Omit<T, '_outbox' | '_outboxPending' | '_outboxVersion'>;
}
