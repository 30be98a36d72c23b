import { infrastructureEnv, uniqueSiteId } from '@technopark/testing';
import type { KafkaMessage } from 'kafkajs';
import mongoose, { type Connection, type Model, Schema } from 'mongoose';
import { APPLIED_EVENTS_FIELD, EffectBatch, EventEffects } from '../src';
import type { FailedRecord } from '../src/lib/consumer/dead-letter';
import {
  APPLIED_OFFSETS_FIELD,
  CONSUMED_EVENTS_COLLECTION,
  EFFECTS_PER_RECORD,
} from '../src/lib/consumer/offset-effects';

interface Counter {
  _id: string;
  count: number;
  order: number[];
  label?: string;
}

const counterSchema = new Schema<Counter>({ _id: String, count: Number, order: [Number], label: String });
type CounterModel = Model<Counter>;

const TOPIC = 'technopark.test.counters';
const recordAt = (offset: number, partition = 0): FailedRecord => ({
  topic: TOPIC,
  partition,
  message: { offset: String(offset), headers: { ce_type: 'test.counted' } } as unknown as KafkaMessage,
});

/** One record of a partition: its event and the documents it adds to. */
interface Delivery {
  readonly offset: number;
  readonly eventId: string;
  readonly documents: readonly string[];
  readonly partition?: number;
}

describe('effects guarded by their offset, on the real database', () => {
  const { MONGO_URL } = infrastructureEnv();
  let connection: Connection;
  let counters: CounterModel;

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(MONGO_URL, { dbName: `offsets-${uniqueSiteId()}`, maxPoolSize: 1 })
      .asPromise();
    counters = connection.model('Counters', counterSchema, 'counters') as unknown as CounterModel;
  });
  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  /** A batch as the consumer builds it: each record's handler adds one and its offset to each document. */
  function batchOf(deliveries: readonly Delivery[]): EffectBatch {
    const batch = new EffectBatch();
    for (const { offset, eventId, documents, partition } of deliveries) {
      const effects = new EventEffects(recordAt(offset, partition));
      for (const id of documents)
        effects.applyByOffset(counters, id, { $inc: { count: 1 }, $push: { order: offset } }, { id: eventId });
      batch.add(effects);
    }
    return batch;
  }

  const deliveries = (prefix: string, documents: readonly string[], offsets: readonly number[]): Delivery[] =>
    offsets.map((offset) => ({ offset, eventId: `${prefix}-${offset}`, documents }));

  const counter = (id: string) => counters.findById(id).lean<Record<string, unknown>>();
  const ledgered = (ids: readonly string[]) =>
    connection.collection(CONSUMED_EVENTS_COLLECTION).countDocuments({ _id: { $in: ids as never[] } });

  it("folds a document's effects into one write and keeps one offset per partition, not a marker per event", async () => {
    const stored = await batchOf(deliveries('fold', ['fold-a', 'fold-b'], [0, 1, 2, 3, 4])).store();

    expect(stored).toEqual({ applied: 10, duplicates: 0, writes: 2 });
    const document = await counter('fold-a');
    expect(document).toMatchObject({ count: 5, order: [0, 1, 2, 3, 4] });
    // Record 4's first effect: a position is the offset times EFFECTS_PER_RECORD, plus the effect's place.
    expect(document?.[APPLIED_OFFSETS_FIELD]).toEqual({ 'technopark:test:counters/0': 4 * EFFECTS_PER_RECORD });
    expect(document?.[APPLIED_EVENTS_FIELD]).toBeUndefined();
    expect(await ledgered(['fold-0', 'fold-4'])).toBe(2);
  });

  it('applies nothing twice when a batch is read again after a crash, even with records beyond it', async () => {
    await batchOf(deliveries('again', ['again-a'], [10, 11, 12])).store();
    // The crash came after the effects, before the ledger and the commit.
    await connection.collection(CONSUMED_EVENTS_COLLECTION).deleteMany({ _id: { $regex: /^again-/ } as never });
    const readAgain = [
      ...deliveries('again', ['again-b'], [9]),
      ...deliveries('again', ['again-a'], [10, 11, 12, 13]),
      ...deliveries('again', ['again-a', 'again-b'], [14]),
    ];
    const stored = await batchOf(readAgain).store();

    // 9 and 14 on b, 13 and 14 on a; b's write went before a's collided, so it counts as a duplicate.
    expect(stored.applied).toBeGreaterThanOrEqual(2);
    expect(stored.applied + stored.duplicates).toBe(7);
    expect(await counter('again-a')).toMatchObject({ count: 5, order: [10, 11, 12, 13, 14] });
    expect(await counter('again-b')).toMatchObject({ count: 2, order: [9, 14] });
    expect(await ledgered(['again-10', 'again-12', 'again-14'])).toBe(3);
  });

  it('applies once an event whose copy is in the same batch (the outbox may publish one twice)', async () => {
    const stored = await batchOf([
      { offset: 20, eventId: 'copy-1', documents: ['copy-a'] },
      { offset: 21, eventId: 'copy-2', documents: ['copy-a'] },
      { offset: 22, eventId: 'copy-1', documents: ['copy-a'] },
    ]).store();

    expect(stored).toMatchObject({ applied: 2, duplicates: 1 });
    expect(await counter('copy-a')).toMatchObject({ count: 2, order: [20, 21] });
  });

  it("recognises by the ledger a copy published in a later batch, above the document's offset", async () => {
    await batchOf(deliveries('late', ['late-a'], [30, 31])).store();
    const stored = await batchOf([
      { offset: 32, eventId: 'late-30', documents: ['late-a'] },
      { offset: 33, eventId: 'late-33', documents: ['late-a'] },
    ]).store();

    expect(stored).toMatchObject({ applied: 1, duplicates: 1 });
    expect(await counter('late-a')).toMatchObject({ count: 3, order: [30, 31, 33] });
  });

  it('keeps the partitions of a topic apart: a low offset of one is not taken for a repetition of another', async () => {
    await batchOf([{ offset: 500, eventId: 'parts-p0', documents: ['parts'], partition: 0 }]).store();
    await batchOf([{ offset: 3, eventId: 'parts-p1', documents: ['parts'], partition: 1 }]).store();

    const document = await counter('parts');
    expect(document).toMatchObject({ count: 2, order: [500, 3] });
    expect(document?.[APPLIED_OFFSETS_FIELD]).toEqual({
      'technopark:test:counters/0': 500 * EFFECTS_PER_RECORD,
      'technopark:test:counters/1': 3 * EFFECTS_PER_RECORD,
    });
  });

  it('applies both effects a record queues on one document, once each, stored together or one at a time', async () => {
    const twice = (offset: number) => {
      const batch = new EffectBatch();
      const effects = new EventEffects(recordAt(offset));
      effects.applyByOffset(
        counters,
        'twice',
        { $inc: { count: 1 }, $push: { order: offset } },
        { id: `twice-${offset}` },
      );
      effects.applyByOffset(counters, 'twice', { $set: { label: `set by ${offset}` } }, { id: `twice-${offset}` });
      batch.add(effects);
      return batch;
    };
    expect(await twice(70).store()).toMatchObject({ applied: 2, duplicates: 0 });
    expect(await counter('twice')).toMatchObject({ count: 1, order: [70], label: 'set by 70' });
    await connection.collection(CONSUMED_EVENTS_COLLECTION).deleteOne({ _id: 'twice-70' as never });
    await twice(70).store(); // read again after a crash before the ledger
    await twice(71).storeEach(() => false);

    expect(await counter('twice')).toMatchObject({ count: 2, order: [70, 71], label: 'set by 71' });
  });

  it('wakes readers (ifApplied) only when an offset-guarded effect was applied', async () => {
    const withWakeUp = (offset: number, eventId: string) => {
      const batch = new EffectBatch();
      const effects = new EventEffects(recordAt(offset));
      effects.applyByOffset(counters, 'woken', { $inc: { count: 1 } }, { id: eventId });
      effects.updateLast(counters, 'wake-ups', { $inc: { count: 1 } }, { ifApplied: true });
      batch.add(effects);
      return batch;
    };
    await withWakeUp(40, 'wake-40').store();
    await withWakeUp(40, 'wake-40').store(); // read again
    await withWakeUp(41, 'wake-40').store(); // a copy

    expect(await counter('woken')).toMatchObject({ count: 1 });
    expect(await counter('wake-ups')).toMatchObject({ count: 1 });
  });

  it('wakes the readers of an effect the bulk applied before it stopped on a repeated one', async () => {
    const batchWithWakeUps = (records: readonly Delivery[]) => {
      const batch = new EffectBatch();
      for (const { offset, eventId, documents } of records) {
        const effects = new EventEffects(recordAt(offset));
        for (const id of documents) effects.applyByOffset(counters, id, { $inc: { count: 1 } }, { id: eventId });
        effects.updateLast(counters, 'wake-ups-before', { $inc: { count: 1 } }, { ifApplied: true });
        batch.add(effects);
      }
      return batch;
    };
    await batchWithWakeUps([{ offset: 61, eventId: 'before-61', documents: ['before-seen'] }]).store();
    await connection.collection(CONSUMED_EVENTS_COLLECTION).deleteOne({ _id: 'before-61' as never });
    // Read again from an earlier record, on another document, written first: the bulk applies it, then stops.
    await batchWithWakeUps([
      { offset: 60, eventId: 'before-60', documents: ['before-new'] },
      { offset: 61, eventId: 'before-61', documents: ['before-seen'] },
    ]).store();

    expect(await counter('before-seen')).toMatchObject({ count: 1 });
    expect(await counter('before-new')).toMatchObject({ count: 1 });
    expect(await counter('wake-ups-before')).toMatchObject({ count: 2 });
  });

  it('stores one at a time after a failure no retry fixes: the failing record is left out of the ledger, its neighbours kept', async () => {
    await counters.create({ _id: 'broken', count: 0, order: [], label: 'not a number' });
    const batch = batchOf(deliveries('each', ['each-a'], [50]));
    const failing = new EventEffects(recordAt(51));
    failing.applyByOffset(counters, 'broken', { $inc: { label: 1 } } as never, { id: 'each-51' });
    batch.add(failing);
    const after = new EventEffects(recordAt(52));
    after.applyByOffset(counters, 'each-a', { $inc: { count: 1 }, $push: { order: 52 } }, { id: 'each-52' });
    batch.add(after);

    await expect(batch.store()).rejects.toThrow();
    const failed = await batch.storeEach(() => false);

    expect(failed.map(({ record }) => record.message.offset)).toEqual(['51']);
    expect(await counter('each-a')).toMatchObject({ count: 2, order: [50, 52] });
    expect(await ledgered(['each-50', 'each-52'])).toBe(2);
    expect(await ledgered(['each-51'])).toBe(0);
  });
});
