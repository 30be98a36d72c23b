import { Inject, Injectable } from '@nestjs/common';
import type { EventContract } from '@technopark/contracts';
import type { Model, QueryFilter, UpdateQuery } from 'mongoose';
import { encodeEvent, type EncodeOptions } from '../envelope/encode-event';
import { STATEMENTS_PER_WRITE } from '@technopark/persistence';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging-options';
import { keyedRecords, OUTBOX_FIELDS, withoutOutbox, type OutboxRecord, type OutboxState } from './outbox-fields';
import { OutboxPublisher } from './outbox-publisher';

/** An event to publish with a state change. */
export interface NewEvent<T extends object = object> {
  readonly contract: EventContract<T>;
  readonly payload: T;
}

/** Pairs a contract with its payload, type-checked. */
export function newEvent<T extends object>(contract: EventContract<T>, payload: T): NewEvent<T> {
  return { contract, payload };
}

/** One write of a bulk: a new aggregate, or a change to the one document `filter` matches; each with its events. */
export type OutboxWrite<T> =
  | { readonly insert: Partial<T>; readonly events: readonly NewEvent[] }
  | { readonly filter: QueryFilter<T>; readonly update: UpdateQuery<T>; readonly events: readonly NewEvent[] };

type BulkOperation<T> = Parameters<Model<T>['bulkWrite']>[0][number];

/** What a bulk did: the inserts refused as duplicates (by their index in the writes), and how many updates matched. */
export interface OutboxBulkResult {
  readonly duplicateInserts: number[];
  readonly matched: number;
}

/**
 * Commits a state change and its events in one document write, then hands the events to
 * the publisher. If the process dies before they are sent, the relay sends them later.
 */
@Injectable()
export class EventOutbox {
  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly publisher: OutboxPublisher,
  ) {}

  /** Creates an aggregate with its first events. A duplicate key rejects it, events included. */
  async insert<T>(
    model: Model<T>,
    document: Partial<T>,
    events: readonly NewEvent[],
    encoding?: EncodeOptions,
  ): Promise<T> {
    // Nothing to publish: no pending outbox, so neither the publisher nor the relay touches it.
    if (events.length === 0) return withoutOutbox((await model.create(document)).toObject()) as T;
    const records = this.recordsOf(events, encoding);
    const outbox = keyedRecords(records);
    const created = await model.create({
      ...document,
      [OUTBOX_FIELDS.records]: outbox,
      [OUTBOX_FIELDS.pending]: true,
      [OUTBOX_FIELDS.version]: 1,
    });
    this.publisher.enqueue(model.collection.collectionName, { _id: created._id, _outbox: outbox, _outboxVersion: 1 });
    return withoutOutbox(created.toObject()) as T;
  }

  /**
   * Applies `update` to the one document matching `filter` and appends the events, in one
   * write. Resolves to the updated document, or null when nothing matched (no event is kept).
   */
  async update<T>(
    model: Model<T>,
    filter: QueryFilter<T>,
    update: UpdateQuery<T>,
    events: readonly NewEvent[],
    encoding?: EncodeOptions,
  ): Promise<T | null> {
    if (events.length === 0)
      return model.findOneAndUpdate(filter, update, { returnDocument: 'after' }).lean<T>() as Promise<T | null>;
    const withOutbox = withAppended(update, keyedRecords(this.recordsOf(events, encoding)));
    const updated = await model
      .findOneAndUpdate(filter, withOutbox, { returnDocument: 'after' })
      .lean<OutboxState & T>();
    if (!updated) return null;
    this.publisher.enqueue(model.collection.collectionName, updated);
    return withoutOutbox(updated) as T;
  }

  /**
   * Many inserts and updates, each one document write with its events as in `insert` and `update`,
   * sent as unordered bulks of a size FerretDB takes. A duplicate insert is reported, not thrown, so
   * the caller can read again and retry. The documents given events are read back and handed to the
   * publisher, since a bulk does not return them.
   */
  async bulkWrite<T>(
    model: Model<T>,
    writes: readonly OutboxWrite<T>[],
    encoding?: EncodeOptions,
  ): Promise<OutboxBulkResult> {
    if (writes.some((write) => write.events.length > 0 && idOf(write) === undefined))
      throw new Error('a bulk write with events names its document by `_id`, so its outbox can be sent');
    const duplicateInserts: number[] = [];
    let matched = 0;
    for (let start = 0; start < writes.length; start += STATEMENTS_PER_WRITE) {
      const chunk = writes.slice(start, start + STATEMENTS_PER_WRITE);
      const result = await this.bulkChunk(model, chunk, encoding);
      duplicateInserts.push(...result.duplicateInserts.map((index) => start + index));
      matched += result.matched;
    }
    return { duplicateInserts, matched };
  }

  private async bulkChunk<T>(
    model: Model<T>,
    writes: readonly OutboxWrite<T>[],
    encoding?: EncodeOptions,
  ): Promise<OutboxBulkResult> {
    const operations = writes.map((write) => this.operationOf(write, encoding));
    let result: OutboxBulkResult;
    try {
      result = { duplicateInserts: [], matched: (await model.bulkWrite(operations, { ordered: false })).matchedCount };
    } catch (error) {
      const bulk = error as { writeErrors?: { index: number; code?: number }[]; result?: { matchedCount?: number } };
      if (!bulk.writeErrors || bulk.writeErrors.some((each) => each.code !== 11000)) throw error;
      result = {
        duplicateInserts: bulk.writeErrors.map((each) => each.index),
        matched: bulk.result?.matchedCount ?? 0,
      };
    }
    await this.enqueueWritten(model, writes);
    return result;
  }

  private operationOf<T>(write: OutboxWrite<T>, encoding?: EncodeOptions): BulkOperation<T> {
    const outbox = write.events.length > 0 ? keyedRecords(this.recordsOf(write.events, encoding)) : undefined;
    if ('insert' in write)
      return {
        insertOne: {
          document: (outbox
            ? {
                ...write.insert,
                [OUTBOX_FIELDS.records]: outbox,
                [OUTBOX_FIELDS.pending]: true,
                [OUTBOX_FIELDS.version]: 1,
              }
            : write.insert) as never,
        },
      };
    return { updateOne: { filter: write.filter, update: outbox ? withAppended(write.update, outbox) : write.update } };
  }

  /** Hands the publisher what the bulk left pending, read back by `_id`. */
  private async enqueueWritten<T>(model: Model<T>, writes: readonly OutboxWrite<T>[]): Promise<void> {
    const ids = writes.filter((write) => write.events.length > 0).map(idOf);
    if (ids.length === 0) return;
    const pending = await model
      .find({ _id: { $in: ids }, [OUTBOX_FIELDS.pending]: true } as QueryFilter<T>, {
        [OUTBOX_FIELDS.records]: 1,
        [OUTBOX_FIELDS.version]: 1,
      })
      .lean<OutboxState[]>();
    for (const state of pending) this.publisher.enqueue(model.collection.collectionName, state);
  }

  private recordsOf(events: readonly NewEvent[], encoding?: EncodeOptions): OutboxRecord[] {
    const writtenAt = new Date();
    const origin = { site: this.options.site, service: this.options.service };
    return events.map(({ contract, payload }) => ({
      ...encodeEvent(contract, payload, origin, { time: writtenAt, ...encoding }),
      writtenAt,
    }));
  }
}

/** `update`, also appending `outbox`'s records and marking the document pending. */
function withAppended<T>(update: UpdateQuery<T>, outbox: Record<string, OutboxRecord>): UpdateQuery<T> {
  const appended = Object.fromEntries(
    Object.entries(outbox).map(([id, record]) => [`${OUTBOX_FIELDS.records}.${id}`, record]),
  );
  return {
    ...update,
    $set: { ...(update.$set as object), ...appended, [OUTBOX_FIELDS.pending]: true },
    $inc: { ...(update.$inc as object), [OUTBOX_FIELDS.version]: 1 },
  } as UpdateQuery<T>;
}

function idOf<T>(write: OutboxWrite<T>): unknown {
  return 'insert' in write ? (write.insert as { _id?: unknown })._id : (write.filter as { _id?: unknown })._id;
}
