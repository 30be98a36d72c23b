import { Inject, Injectable } from '@nestjs/common';
import type { EventContract } from '@technopark/contracts';
import type { Model, QueryFilter, UpdateQuery } from 'mongoose';
import { encodeEvent, type EncodeOptions } from '../envelope/encode-event';
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
    const records = this.recordsOf(events, encoding);
    const appended = Object.fromEntries(
      Object.entries(keyedRecords(records)).map(([id, record]) => [`${OUTBOX_FIELDS.records}.${id}`, record]),
    );
    const withOutbox = {
      ...update,
      $set: { ...(update.$set as object), ...appended, [OUTBOX_FIELDS.pending]: true },
      $inc: { ...(update.$inc as object), [OUTBOX_FIELDS.version]: 1 },
    } as UpdateQuery<T>;
    const updated = await model
      .findOneAndUpdate(filter, withOutbox, { returnDocument: 'after' })
      .lean<OutboxState & T>();
    if (!updated) return null;
    this.publisher.enqueue(model.collection.collectionName, updated);
    return withoutOutbox(updated) as T;
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
