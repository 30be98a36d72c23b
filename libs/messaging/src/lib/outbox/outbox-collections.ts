import type { Connection, Schema } from 'mongoose';
import { OUTBOX_FIELDS } from './outbox-fields';

/** Whether a schema carries the outbox (see `outboxPlugin`). */
export function hasOutbox(schema: Schema): boolean {
  return schema.path(OUTBOX_FIELDS.pending) !== undefined;
}

/**
 * The collections of a service's models whose schema has the outbox plugin: where the relay
 * looks for events left behind. Derived from the models, so a new aggregate cannot be forgotten.
 */
export function outboxCollectionsOf(connection: Pick<Connection, 'models'>): string[] {
  const names = Object.values(connection.models)
    .filter((model) => hasOutbox(model.schema))
    .map((model) => model.collection.collectionName);
  return [...new Set(names)].sort();
}
