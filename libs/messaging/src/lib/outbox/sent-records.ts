import { pendingEntries, type OutboxState } from './outbox-fields';

/** Records Kafka acknowledged that are still in their document's outbox, as far as this process knows. */
export interface SentDocument {
  readonly collection: string;
  readonly id: unknown;
  /** The outbox version whose records are all sent; unknown after keys were given back. */
  readonly version: number | undefined;
  readonly keys: readonly string[];
}

interface Known {
  readonly collection: string;
  readonly id: unknown;
  version: number | undefined;
  /** The records of the last state sent: none of them is sent again. */
  sent: Set<string>;
  /** Those a write has taken to remove: not cleared again. */
  taken: Set<string>;
}

const keyOf = (collection: string, id: unknown) => `${collection}/${String(id)}`;

/**
 * What the publisher sent and has not removed from the documents yet. The aggregate's next write
 * takes these records and removes them in the same write; what no write takes is cleared a moment
 * later. A document queued again with sent records still inside (an older state, a relay's read)
 * has them skipped, so the publisher sends each record once.
 */
export class SentRecords {
  private documents = new Map<string, Known>();

  isSent(collection: string, id: unknown, key: string): boolean {
    return this.documents.get(keyOf(collection, id))?.sent.has(key) ?? false;
  }

  /** `state` was published: every record in it is sent now. */
  record(collection: string, state: OutboxState): void {
    const key = keyOf(collection, state._id);
    const sent = new Set(pendingEntries(state).map(([recordKey]) => recordKey));
    const taken = new Set([...(this.documents.get(key)?.taken ?? [])].filter((recordKey) => sent.has(recordKey)));
    this.documents.set(key, { collection, id: state._id, version: state._outboxVersion, sent, taken });
  }

  /** The sent records for the write being made to the document to remove. */
  take(collection: string, id: unknown): string[] {
    const known = this.documents.get(keyOf(collection, id));
    if (!known) return [];
    const keys = [...known.sent].filter((key) => !known.taken.has(key));
    for (const key of keys) known.taken.add(key);
    return keys;
  }

  /** Records a write did not remove after all (it matched nothing, or failed). */
  giveBack(collection: string, id: unknown, keys: readonly string[]): void {
    const known = this.documents.get(keyOf(collection, id));
    if (known) for (const key of keys) known.taken.delete(key);
    else if (keys.length > 0)
      this.documents.set(keyOf(collection, id), {
        collection,
        id,
        version: undefined,
        sent: new Set(keys),
        taken: new Set(),
      });
  }

  /** Everything still to clear, forgotten here: the clear's writes remove it. */
  takeAll(): SentDocument[] {
    const all = [...this.documents.values()].map(({ collection, id, version, sent, taken }) => ({
      collection,
      id,
      // A write took some records: the document moved past this version.
      version: taken.size > 0 ? undefined : version,
      keys: [...sent].filter((key) => !taken.has(key)),
    }));
    this.documents = new Map();
    return all.filter(({ keys, version }) => keys.length > 0 || version !== undefined);
  }
}
