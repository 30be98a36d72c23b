import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { infrastructureEnv, uniqueSiteId } from '@technopark/testing';
import mongoose, { type Connection } from 'mongoose';
import { databaseNameFor } from '../src/lib/database-options';
import { isDuplicateKeyError } from '../src/lib/duplicate-key';

/**
 * The MongoDB features the platform relies on, exercised on the real server. They must hold
 * on FerretDB (local) and on MongoDB alike; nothing here may need multi-document transactions.
 */
@Schema({ collection: 'startups' })
class Startup {
  @Prop({ required: true, unique: true })
  registrationNumber!: string;

  @Prop({ required: true })
  name!: string;

  @Prop({ type: [String], default: [] })
  sectors!: string[];

  @Prop({ required: true })
  foundedOn!: Date;

  @Prop({ default: 0 })
  freeDesks!: number;
}

const StartupSchema = SchemaFactory.createForClass(Startup);
const modelFor = (connection: Connection) => connection.model(Startup.name, StartupSchema);

describe('the local MongoDB-protocol server', () => {
  let connection: Connection;
  let startups: ReturnType<typeof modelFor>;

  beforeAll(async () => {
    connection = await mongoose
      // The platform's default pool of one connection: see MONGO_MAX_POOL_SIZE.
      .createConnection(infrastructureEnv().MONGO_URL, {
        dbName: databaseNameFor('conformance', uniqueSiteId()),
        maxPoolSize: 1,
      })
      .asPromise();
    startups = modelFor(connection);
    await startups.init();
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('round-trips a mongoose document with strings, arrays and dates', async () => {
    const foundedOn = new Date('2023-11-02T00:00:00.000Z');
    const created = await startups.create({
      registrationNumber: 'RC-1001',
      name: 'Souss Agritech',
      sectors: ['agritech', 'ai'],
      foundedOn,
    });

    const found = await startups.findById(created._id).lean().orFail();
    expect(found).toMatchObject({
      registrationNumber: 'RC-1001',
      name: 'Souss Agritech',
      sectors: ['agritech', 'ai'],
      foundedOn,
    });
  });

  it('rejects a duplicate on a unique index with the duplicate-key error 11000', async () => {
    await startups.create({ registrationNumber: 'RC-2002', name: 'Rabat GovTech', foundedOn: new Date() });

    await expect(
      startups.create({ registrationNumber: 'RC-2002', name: 'Someone else', foundedOn: new Date() }),
    ).rejects.toMatchObject({ code: 11000 });
    expect(await startups.countDocuments({ registrationNumber: 'RC-2002' })).toBe(1);
  });

  it('refuses an update that would break a unique index, recognisably as a duplicate key', async () => {
    await startups.create({ registrationNumber: 'RC-2102', name: 'Holder', foundedOn: new Date() });
    const { _id } = await startups.create({ registrationNumber: 'RC-2103', name: 'Claimant', foundedOn: new Date() });

    const refused = await startups.findOneAndUpdate({ _id }, { $set: { registrationNumber: 'RC-2102' } }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isDuplicateKeyError(refused)).toBe(true);
    expect((await startups.findById(_id).lean())?.registrationNumber).toBe('RC-2103');
  });

  it('applies concurrent conditional single-document updates atomically through the platform connection', async () => {
    const { _id } = await startups.create({
      registrationNumber: 'RC-3003',
      name: 'Tangier Mobility',
      foundedOn: new Date(),
      freeDesks: 5,
    });

    const attempts = Array.from({ length: 20 }, () =>
      startups.updateOne({ _id, freeDesks: { $gt: 0 } }, { $inc: { freeDesks: -1 } }),
    );
    const granted = (await Promise.all(attempts)).filter((result) => result.modifiedCount === 1).length;

    expect(granted).toBe(5);
    expect((await startups.findById(_id).lean().orFail()).freeDesks).toBe(0);
  });

  it('keeps concurrent $inc counters exact through the platform connection', async () => {
    const { _id } = await startups.create({
      registrationNumber: 'RC-5005',
      name: 'Fès Fintech',
      foundedOn: new Date(),
    });

    await Promise.all(Array.from({ length: 50 }, () => startups.updateOne({ _id }, { $inc: { freeDesks: 1 } })));

    expect((await startups.findById(_id).lean().orFail()).freeDesks).toBe(50);
  });

  it('lets exactly one of many concurrent claims win through a unique index, over separate connections', async () => {
    const url = infrastructureEnv().MONGO_URL;
    const claimants = await Promise.all(
      Array.from({ length: 5 }, () =>
        mongoose.createConnection(url, { dbName: connection.name, maxPoolSize: 5 }).asPromise(),
      ),
    );
    try {
      const claims = claimants.flatMap((claimant) => {
        const model = modelFor(claimant);
        return Array.from({ length: 4 }, (_, index) =>
          model.create({ registrationNumber: 'RC-6006', name: `claimant ${index}`, foundedOn: new Date() }),
        );
      });
      const outcomes = await Promise.allSettled(claims);

      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      expect(
        outcomes
          .filter((outcome) => outcome.status === 'rejected')
          .map((outcome) => (outcome as PromiseRejectedResult).reason.code),
      ).toEqual(Array(19).fill(11000));
    } finally {
      await Promise.all(claimants.map((claimant) => claimant.close()));
    }
  });

  it('keeps a document and the records it carries consistent in one write ($push with $set)', async () => {
    const { _id } = await startups.create({
      registrationNumber: 'RC-4004',
      name: 'Agadir Tourism Lab',
      foundedOn: new Date(),
    });

    await startups.updateOne({ _id }, { $set: { name: 'Agadir Tourism Labs' }, $push: { sectors: 'tourism' } });

    expect(await startups.findById(_id).lean().orFail()).toMatchObject({
      name: 'Agadir Tourism Labs',
      sectors: ['tourism'],
    });
  });

  it('applies a write filtered by _id and another field only when both match (conditional writes)', async () => {
    const { _id } = await startups.create({
      registrationNumber: 'RC-7007',
      name: 'Oujda Robotics',
      foundedOn: new Date(),
      freeDesks: 2,
    });

    expect((await startups.updateOne({ _id, freeDesks: 3 }, { $set: { name: 'wrong' } })).matchedCount).toBe(0);
    expect((await startups.deleteOne({ _id, name: 'someone else' })).deletedCount).toBe(0);
    expect(await startups.findOneAndUpdate({ _id, freeDesks: 3 }, { $inc: { freeDesks: 1 } })).toBeNull();
    expect(
      (await startups.updateOne({ _id, freeDesks: 2 }, { $set: { name: 'Oujda Robotics SARL' } })).modifiedCount,
    ).toBe(1);
    expect(await startups.findOne({ _id, name: 'Oujda Robotics SARL' }).lean()).toMatchObject({ freeDesks: 2 });
  });

  it('records an effect once per event id: the marker in the same write ($ne filter + $push, upsert)', async () => {
    const apply = (eventId: string) =>
      startups.collection
        .updateOne(
          { _id: 'effect-1' as never, applied: { $ne: eventId } },
          { $inc: { freeDesks: 1 }, $push: { applied: eventId } as never },
          { upsert: true },
        )
        .catch((error: { code?: number }) => error.code);

    await apply('e-1');
    await apply('e-2');
    expect(await apply('e-1')).toBe(11000);
    expect(await startups.collection.findOne({ _id: 'effect-1' as never })).toMatchObject({
      freeDesks: 2,
      applied: ['e-1', 'e-2'],
    });
  });

  it('adds and removes keys of an embedded map in place ($set / $unset of dotted paths)', async () => {
    await startups.collection.insertOne({ _id: 'outbox-1' as never, outbox: { 'a1-b2': { n: 1 } } });

    await startups.collection.updateOne({ _id: 'outbox-1' as never }, { $set: { 'outbox.c3-d4': { n: 2 } } });
    await startups.collection.updateOne(
      { _id: 'outbox-1' as never },
      { $unset: { 'outbox.a1-b2': '', 'outbox.gone': '' } },
    );

    expect(await startups.collection.findOne({ _id: 'outbox-1' as never })).toEqual({
      _id: 'outbox-1',
      outbox: { 'c3-d4': { n: 2 } },
    });
  });

  describe('equality on an indexed field', () => {
    const funderRows = () => connection.collection('funder_rows');

    beforeAll(async () => {
      await funderRows().createIndex({ funderId: 1, rank: -1 });
      await funderRows().createIndex({ pending: 1 });
      await funderRows().insertMany([
        ...Array.from({ length: 300 }, (_, i) => ({
          _id: `row-${i}` as never,
          funderId: `funder-${i % 30}`,
          rank: i,
          pending: i % 100 === 0,
        })),
        { _id: 'row-pending-array' as never, pending: [false, true] },
        { _id: 'row-pending-text' as never, pending: 'true' },
        { _id: 'row-array' as never, funderId: ['funder-7', 'funder-8'], rank: 1 },
        { _id: 'row-escaped' as never, funderId: 'a<b & "c"', rank: 1 },
        { _id: 'row-number' as never, funderId: 7, rank: 1 },
      ]);
    });

    it('finds every plain value and every array holding it, and no other type', async () => {
      const found = await funderRows().find({ funderId: 'funder-7' }).sort({ rank: -1 }).toArray();

      expect(found.map((row) => row._id)).toEqual([
        ...Array.from({ length: 10 }, (_, i) => `row-${277 - i * 30}`),
        'row-array',
      ]);
      expect(await funderRows().countDocuments({ funderId: { $in: ['funder-8', 'funder-9'] } })).toBe(21);
      expect(await funderRows().countDocuments({ funderId: 'funder-7', rank: { $gte: 100 } })).toBe(6);
      // How a keyset page asks: the filter and the cursor's condition, both in an $and.
      expect(
        await funderRows().countDocuments({ $and: [{ funderId: 'funder-7' }, { rank: { $lt: 100 } }] } as never),
      ).toBe(5);
    });

    it('finds booleans, and arrays holding them, but not their text', async () => {
      const pending = await funderRows().find({ pending: true }).toArray();

      expect(pending.map((row) => row._id).sort()).toEqual(['row-0', 'row-100', 'row-200', 'row-pending-array']);
      expect(await funderRows().countDocuments({ pending: false })).toBe(298);
    });

    it('finds values whose JSON text has escapes, and ids by $in', async () => {
      expect(await funderRows().countDocuments({ funderId: 'a<b & "c"' })).toBe(1);
      const byIds = await funderRows()
        .find({ _id: { $in: ['row-3', 'row-array', 'row-none'] as never[] } })
        .toArray();
      expect(byIds.map((row) => row._id).sort()).toEqual(['row-3', 'row-array']);
    });

    it.each([
      [{ funderId: 'funder-7' }, 'funderId_1_rank_-1'],
      [{ pending: true }, 'pending_1'],
      [{ $and: [{ funderId: 'funder-7' }, { rank: { $lt: 100 } }] }, 'funderId_1_rank_-1'],
    ])('searches the index instead of reading the collection: %j', async (filter, index) => {
      const plan = JSON.stringify(await funderRows().find(filter).explain());

      // FerretDB answers with SQLite's query plan; MongoDB with its winning plan.
      expect(plan).toMatch(new RegExp(`USING INDEX \\S+_${index}|"stage":"IXSCAN"`));
      expect(plan).not.toMatch(/SCAN \S+"|COLLSCAN/);
    });
  });
});
