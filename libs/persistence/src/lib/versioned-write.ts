import type { QueryFilter, UpdateQuery } from 'mongoose';

/** A document written optimistically: every write increments `version`, and applies only to the version read. */
export interface Versioned {
  readonly _id: unknown;
  /** Absent on a document written before it was versioned: its first versioned write makes it 1. */
  readonly version?: number;
}

/** The version a document is created with. */
export const FIRST_VERSION = 0;

/**
 * The filter and update of a write to `read` as it was read: it matches nothing if anyone wrote
 * the document since (the caller reads again and retries), and moves the version on otherwise.
 * One conditional single-document write: atomic on MongoDB and on FerretDB, no transaction.
 */
export function versionedWrite<T>(
  read: Versioned,
  update: UpdateQuery<T>,
): { filter: QueryFilter<T>; update: UpdateQuery<T> } {
  const filter = { _id: read._id, version: read.version ?? null } as QueryFilter<T>;
  return {
    filter,
    update: { ...update, $inc: { ...(update.$inc as object | undefined), version: 1 } } as UpdateQuery<T>,
  };
}
