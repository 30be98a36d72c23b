import { infrastructureEnv, uniqueSiteId } from '@technopark/testing';
import type { KafkaMessage } from 'kafkajs';
import mongoose, { type Connection, type Model, Schema } from 'mongoose';
import { applyEachOnce, EffectBatch, EventEffects } from '../src';
import type { FailedRecord } from '../src/lib/consumer/dead-letter';

interface Tally {
  _id: string;
  count: number;
  order: number[];
}

const tallySchema = new Schema<Tally>({ _id: String, count: { type: Number, default: 0 }, order: [Number] });
type TallyModel = Model<Tally>;
/** Typed as services inject their models (`@InjectModel` gives a `Model<T>`). */
const tallyModel = (connection: Connection, name: string) =>
  connection.model(name, tallySchema, name.toLowerCase()) as unknown as TallyModel;

/** A record as the consumer would hold it: only its offset matters here. */
const recordAt = (offset: number): FailedRecord => ({
  topic: 'technopark.test.probes',
  partition: 0,
  message: { offset: String(offset), headers: { ce_type: 'test.probe' } } as unknown as KafkaMessage,
});

describe("a batch's effects, stored together on the real database", () => {
  const { MONGO_URL } = infrastructureEnv();
  let connection: Connection;
  let tallies: TallyModel;
  let others: TallyModel;

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(MONGO_URL, { dbName: `effects-${uniqueSiteId()}`, maxPoolSize: 1 })
      .asPromise();
    tallies = tallyModel(connection, 'Tallies');
    others = tallyModel(connection, 'Others');
  });
  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  /** One event per entry: `[document, sequence]`, its effect queued as a handler would queue it. */
  function batchOf(model: TallyModel, entries: readonly [string, number][], prefix = 'event'): EffectBatch {
    const batch = new EffectBatch();
    entries.forEach(([id, sequence], offset) => {
      const effects = new EventEffects(recordAt(offset));
      effects.applyOnce(
        model,
        id,
        { $inc: { count: 1 }, $push: { order: sequence } },
        { id: `${prefix}-${id}-${sequence}` },
      );
      batch.add(effects);
    });
    return batch;
  }

  const stateOf = async (model: TallyModel) =>
    Object.fromEntries(
      (await model.find().sort({ _id: 1 }).lean()).map(({ _id, count, order }) => [_id, { count, order }]),
    );

  it("folds a document's effects into one update, in the order of the partition", async () => {
    const entries = Array.from({ length: 130 }, (_, index) => [`doc-${index % 3}`, index] as [string, number]);
    const stored = await batchOf(tallies, entries).store();

    expect(stored).toEqual({ applied: 130, duplicates: 0, writes: 3 });
    const state = await stateOf(tallies);
    for (const doc of [0, 1, 2]) {
      const order = entries.filter(([id]) => id === `doc-${doc}`).map(([, sequence]) => sequence);
      expect(state[`doc-${doc}`]).toEqual({ count: order.length, order });
    }
  });

  it('applies nothing twice when a batch is stored again, even with new effects between the old ones', async () => {
    const first: [string, number][] = [
      ['again-a', 1],
      ['again-b', 1],
      ['again-a', 2],
    ];
    await batchOf(others, first).store();
    // Read again after a crash before the commit: the same events, with the ones that followed.
    const readAgain: [string, number][] = [['again-b', 0], ...first, ['again-a', 3], ['again-b', 2]];
    const stored = await batchOf(others, readAgain).store();

    // An effect the bulk applied before it stopped on a collision is counted again as a duplicate.
    expect(stored.applied + stored.duplicates).toBe(6);
    expect(stored.duplicates).toBeGreaterThanOrEqual(3);
    expect(await stateOf(others)).toMatchObject({
      'again-a': { count: 3, order: [1, 2, 3] },
      'again-b': { count: 3, order: [1, 0, 2] },
    });
  });

  it('writes more documents than one bulk holds, and writes apart the effects that cannot fold', async () => {
    const batch = batchOf(
      others,
      Array.from({ length: 120 }, (_, index) => [`many-${index}`, index] as [string, number]),
    );
    const unfoldable = [{ $set: { count: 10 } }, { $pull: { order: 99 } }, { $push: { order: 7 }, $inc: { count: 1 } }];
    unfoldable.forEach((update, index) => {
      const effects = new EventEffects(recordAt(200 + index));
      effects.applyOnce(others, 'unfoldable', update, { id: `unfoldable-${index}` });
      batch.add(effects);
    });
    const stored = await batch.store();

    expect(stored).toEqual({ applied: 123, duplicates: 0, writes: 123 });
    expect(await others.countDocuments({ _id: /^many-/ })).toBe(120);
    expect(await others.findById('unfoldable').lean()).toMatchObject({ count: 11, order: [7] });
  });

  it('applies once an event that arrives twice in one batch (the outbox may publish a copy)', async () => {
    const stored = await batchOf(tallies, [
      ['copies', 1],
      ['copies', 2],
      ['copies', 1],
      ['copies', 3],
    ]).store();

    expect(stored).toMatchObject({ applied: 3, duplicates: 1 });
    expect(await tallies.findById('copies').lean()).toMatchObject({ count: 3, order: [1, 2, 3] });
  });

  it('runs each callback once the effects are stored, and never for a failed attempt', async () => {
    const batch = new EffectBatch();
    const stored: string[] = [];
    const kept = new EventEffects(recordAt(1));
    kept.applyOnce(tallies, 'callbacks', { $inc: { count: 1 } }, { id: 'callbacks-1' });
    kept.onStored(() => stored.push('kept'));
    batch.add(kept);
    const failedAttempt = new EventEffects(recordAt(2));
    failedAttempt.applyOnce(tallies, 'callbacks', { $inc: { count: 100 } }, { id: 'callbacks-2' });
    failedAttempt.onStored(() => stored.push('failed'));
    // Its handler threw: the processor never adds it to the batch.

    expect(stored).toEqual([]);
    await batch.store();
    expect(stored).toEqual(['kept']);
    expect(await tallies.findById('callbacks').lean()).toMatchObject({ count: 1 });
  });

  it('finds, one effect at a time, the events whose effects fail for good, and stores the others', async () => {
    await tallies.collection.insertOne({ _id: 'not-a-number' as never, count: 'many' as never });
    const batch = new EffectBatch();
    const notified: number[] = [];
    const queue = (offset: number, id: string) => {
      const effects = new EventEffects(recordAt(offset));
      effects.applyOnce(tallies, id, { $inc: { count: 1 } }, { id: `each-${offset}` });
      effects.onStored(() => notified.push(offset));
      batch.add(effects);
    };
    queue(10, 'each-ok');
    queue(11, 'not-a-number');
    queue(12, 'each-ok');

    await expect(batch.store()).rejects.toThrow();
    const failed = await batch.storeEach(() => false);

    expect(failed.map(({ record }) => record.message.offset)).toEqual(['11']);
    expect(notified).toEqual([10, 12]);
    expect(await tallies.findById('each-ok').lean()).toMatchObject({ count: 2 });
    expect(batch.size).toBe(0);
  });

  it('inserts a record per event once, whatever the copies in the batch or before it', async () => {
    await tallies.create({ _id: 'insert-0', count: 0 });
    const batch = new EffectBatch();
    [0, 1, 2, 1, 3].forEach((n, offset) => {
      const effects = new EventEffects(recordAt(300 + offset));
      effects.insertOnce(tallies, { _id: `insert-${n}`, count: n });
      batch.add(effects);
    });

    expect(await batch.store()).toMatchObject({ applied: 3, duplicates: 2 });
    expect(await stateOf(tallies)).toMatchObject({
      'insert-0': { count: 0 },
      'insert-1': { count: 1 },
      'insert-2': { count: 2 },
      'insert-3': { count: 3 },
    });
  });

  it('writes the last updates folded, after the guarded effects, and not at all when those fail', async () => {
    const versions = tallyModel(connection, 'Versions');
    const batch = new EffectBatch();
    for (const offset of [400, 401, 402]) {
      const effects = new EventEffects(recordAt(offset));
      effects.applyOnce(tallies, 'last-guarded', { $inc: { count: 1 } }, { id: `last-${offset}` });
      effects.updateLast(versions, 'sequence', { $inc: { count: 1 }, $max: { order: offset } });
      batch.add(effects);
    }
    expect(await batch.store()).toEqual({ applied: 4, duplicates: 0, writes: 2 });
    expect(await versions.findById('sequence').lean()).toMatchObject({ count: 3, order: 402 });

    await tallies.collection.insertOne({ _id: 'last-broken' as never, count: 'many' as never });
    const failing = new EventEffects(recordAt(403));
    failing.applyOnce(tallies, 'last-broken', { $inc: { count: 1 } }, { id: 'last-403' });
    failing.updateLast(versions, 'sequence', { $inc: { count: 1 } });
    batch.add(failing);

    await expect(batch.store()).rejects.toThrow();
    expect(await versions.findById('sequence').lean()).toMatchObject({ count: 3 });
    expect(await batch.storeEach(() => false)).toHaveLength(1);
    expect(await versions.findById('sequence').lean()).toMatchObject({ count: 3 });
  });

  it('writes a last update `ifApplied` only for an event whose other effects were applied', async () => {
    const wakes = tallyModel(connection, 'Wakes');
    const batchOfEvents = (offsets: readonly number[]) => {
      const batch = new EffectBatch();
      for (const offset of offsets) {
        const effects = new EventEffects(recordAt(offset));
        effects.insertOnce(others, { _id: `wake-entry-${offset}`, count: 1 });
        effects.applyOnce(tallies, 'wake-counted', { $inc: { count: 1 } }, { id: `wake-${offset}` });
        effects.updateLast(wakes, 'sequence', { $inc: { count: 1 } }, { ifApplied: true });
        effects.updateLast(wakes, 'read', { $inc: { count: 1 } });
        batch.add(effects);
      }
      return batch;
    };
    await batchOfEvents([500, 501]).store();
    // Read again after a crash, with one new event: only the new one wakes the readers.
    await batchOfEvents([500, 501, 502]).store();

    expect(await tallies.findById('wake-counted').lean()).toMatchObject({ count: 3 });
    expect(await wakes.findById('sequence').lean()).toMatchObject({ count: 3 });
    expect(await wakes.findById('read').lean()).toMatchObject({ count: 5 });
  });

  it('wakes the readers of an event the bulk applied before it stopped on a repeated one', async () => {
    const wakes = tallyModel(connection, 'WakesBefore');
    const queue = (batch: EffectBatch, offset: number, id: string) => {
      const effects = new EventEffects(recordAt(offset));
      effects.applyOnce(tallies, id, { $inc: { count: 1 } }, { id: `before-${offset}` });
      effects.updateLast(wakes, 'sequence', { $inc: { count: 1 } }, { ifApplied: true });
      batch.add(effects);
    };
    const first = new EffectBatch();
    queue(first, 800, 'before-seen');
    await first.store();
    // A new event on another document, then the repeated one: the bulk applies the first and stops.
    const batch = new EffectBatch();
    queue(batch, 801, 'before-new');
    queue(batch, 800, 'before-seen');
    await batch.store();

    expect(await stateOf(tallies)).toMatchObject({ 'before-new': { count: 1 }, 'before-seen': { count: 1 } });
    expect(await wakes.findById('sequence').lean()).toMatchObject({ count: 2 });
  });

  it('applies an event to several documents in one bulk, once each, even when some already have it', async () => {
    const writes = (ids: readonly string[]) => ids.map((id) => ({ id, update: { $inc: { count: 1 } } }));
    const event = { id: 'each-once-1' };

    expect(await applyEachOnce(tallies, writes(['each-once-a', 'each-once-b']), event)).toBe(2);
    // Read again after a crash, with a document the first attempt had not reached.
    expect(await applyEachOnce(tallies, writes(['each-once-a', 'each-once-b', 'each-once-c']), event)).toBe(1);
    expect(await applyEachOnce(tallies, writes(['each-once-a', 'each-once-c']), { id: 'each-once-2' })).toBe(2);

    expect(await stateOf(tallies)).toMatchObject({
      'each-once-a': { count: 2 },
      'each-once-b': { count: 1 },
      'each-once-c': { count: 2 },
    });
  });

  it('still writes the `ifApplied` updates it owes when a retry finds its effects already applied', async () => {
    const wakes = tallyModel(connection, 'Owed');
    await wakes.collection.insertOne({ _id: 'owed' as never, count: 'not yet a number' as never });
    const batch = new EffectBatch();
    const effects = new EventEffects(recordAt(600));
    effects.applyOnce(tallies, 'owed-counted', { $inc: { count: 1 } }, { id: 'owed-600' });
    effects.updateLast(wakes, 'owed', { $inc: { count: 1 } }, { ifApplied: true });
    batch.add(effects);

    await expect(batch.store()).rejects.toThrow();
    await wakes.collection.updateOne({ _id: 'owed' as never }, { $set: { count: 0 } });
    await batch.store();

    expect(await tallies.findById('owed-counted').lean()).toMatchObject({ count: 1 });
    expect(await wakes.findById('owed').lean()).toMatchObject({ count: 1 });
  });

  it('writes, one at a time, the `ifApplied` updates of every event stored, since an attempt was interrupted', async () => {
    const wakes = tallyModel(connection, 'OwedEach');
    const first = new EffectBatch();
    const seen = new EventEffects(recordAt(700));
    seen.applyOnce(tallies, 'each-wake', { $inc: { count: 1 } }, { id: 'each-wake-700' });
    first.add(seen);
    await first.store();

    await tallies.collection.insertOne({ _id: 'each-wake-broken' as never, count: 'many' as never });
    const batch = new EffectBatch();
    const queue = (offset: number, id: string) => {
      const effects = new EventEffects(recordAt(offset));
      effects.applyOnce(tallies, id, { $inc: { count: 1 } }, { id: `each-wake-${offset}` });
      effects.updateLast(wakes, 'sequence', { $inc: { count: 1 } }, { ifApplied: true });
      batch.add(effects);
    };
    queue(700, 'each-wake');
    queue(701, 'each-wake-broken');
    queue(702, 'each-wake');

    await expect(batch.store()).rejects.toThrow();
    const failed = await batch.storeEach(() => false);

    // 700 was applied by an earlier batch, 702 by the interrupted attempt: both look like duplicates now.
    expect(failed.map(({ record }) => record.message.offset)).toEqual(['701']);
    expect(await tallies.findById('each-wake').lean()).toMatchObject({ count: 2 });
    expect(await wakes.findById('sequence').lean()).toMatchObject({ count: 2 });
  });
});
