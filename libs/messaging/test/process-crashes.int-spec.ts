import type { INestApplication } from '@nestjs/common';
import { topicFor } from '@technopark/contracts';
import { consumerGroupOf } from '../src';
import { databaseNameFor } from '@technopark/persistence';
import { eventually, infrastructureEnv, uniqueSiteId } from '@technopark/testing';
import mongoose, { type Connection, type mongo } from 'mongoose';
import { serviceOf, startProbeApp } from '../src/testing';
import { ProbeWriter } from '../src/testing';
import { runProbeProcess } from './support/probe-process';
import { header, readTopic, testKafka, waitForGroupCaughtUp } from './support/kafka-probes';

describe('processes that die', () => {
  const { KAFKA_BROKERS: brokers, MONGO_URL: mongoUrl } = infrastructureEnv();
  const kafka = testKafka(brokers);
  const connections: Connection[] = [];
  const database = async (role: 'writer' | 'reader', site: string) => {
    const connection = await mongoose
      .createConnection(mongoUrl, { dbName: databaseNameFor(serviceOf(role), site), maxPoolSize: 1 })
      .asPromise();
    connections.push(connection);
    return (connection.db as mongo.Db).collection(role === 'writer' ? 'probes' : 'probe_effects');
  };

  afterAll(async () => {
    await Promise.all(connections.map((connection) => connection.close()));
  });

  /** 20 probes of `events` events each, written through the outbox and published. */
  const writeProbes = async (site: string, prefix: string, events: number) => {
    const writer: INestApplication = await startProbeApp({ role: 'writer', site, mongoUrl, brokers });
    const probes = writer.get(ProbeWriter);
    await Promise.all(
      Array.from({ length: 20 }, async (_, probe) => {
        for (let sequence = 1; sequence <= events; sequence += 1) await probes.record(`${prefix}-${probe}`, sequence);
      }),
    );
    await writer.close();
  };

  /** The effects that did not apply each of their probe's `events` events once, in order. */
  const notAppliedOnceInOrder = (state: Record<string, unknown>[], events: number) =>
    state.filter(
      (effect) =>
        effect['count'] !== events ||
        JSON.stringify(effect['sequences']) !== JSON.stringify(Array.from({ length: events }, (_, index) => index + 1)),
    );

  /** The records a consumer group has committed on a topic, over its partitions. */
  const committedCount = async (groupId: string, topic: string) => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
      return (offsets?.partitions ?? []).reduce((sum, { offset }) => sum + Math.max(0, Number(offset)), 0);
    } finally {
      await admin.disconnect();
    }
  };

  it('delivers, once, an event whose writer was killed after its database write and before the publish', async () => {
    const site = uniqueSiteId();
    const env = { PROBE_ROLE: 'writer', SITE_ID: site, MONGO_URL: mongoUrl, KAFKA_BROKERS: brokers };
    const crashed = runProbeProcess({ ...env, PROBE_SCRIPT: 'crash-after-write:crashed-probe' });
    expect(await crashed.exit).toBe('SIGKILL');
    expect(crashed.output()).toContain('probe: written');
    const probes = await database('writer', site);
    expect(await probes.findOne({ _id: 'crashed-probe' as never })).toMatchObject({
      sequence: 1,
      _outboxPending: true,
    });

    const restarted = runProbeProcess(env);
    try {
      await eventually(
        async () => (await probes.countDocuments({ _outboxPending: true })) === 0,
        'the relay to publish the event left behind',
        90_000,
      );
      const records = await readTopic(kafka, topicFor(site, 'probes'));

      expect(
        records.map((record) => [record.key?.toString(), JSON.parse(record.value?.toString() ?? '{}').sequence]),
      ).toEqual([['crashed-probe', 1]]);
    } finally {
      restarted.child.kill('SIGTERM');
      await restarted.exit;
    }
  }, 180_000);

  it('applies every event exactly once when the consumer is killed mid-batch and restarted', async () => {
    const site = uniqueSiteId();
    await writeProbes(site, 'probe', 50);
    const effects = await database('reader', site);
    const applied = async () =>
      (await effects.find().toArray()).reduce((sum, effect) => sum + (effect['count'] as number), 0);
    const env = { PROBE_ROLE: 'reader', SITE_ID: site, MONGO_URL: mongoUrl, KAFKA_BROKERS: brokers };

    const slow = runProbeProcess({ ...env, PROBE_HANDLER_DELAY_MS: '5' });
    await eventually(async () => (await applied()) >= 100, 'the consumer to get going', 60_000);
    slow.child.kill('SIGKILL');
    expect(await slow.exit).toBe('SIGKILL');
    const appliedWhenKilled = await applied();
    const restarted = runProbeProcess(env);
    try {
      await waitForGroupCaughtUp(
        kafka,
        consumerGroupOf({ service: serviceOf('reader'), site }),
        topicFor(site, 'probes'),
        240_000,
      );
      const state = await effects.find().toArray();

      expect(appliedWhenKilled).toBeLessThan(1_000);
      expect(state).toHaveLength(20);
      expect(notAppliedOnceInOrder(state, 50)).toEqual([]);
    } finally {
      restarted.child.kill('SIGTERM');
      await restarted.exit;
    }
  }, 360_000);

  it("applies every event exactly once when the consumer is killed while storing a batch's effects", async () => {
    const site = uniqueSiteId();
    await writeProbes(site, 'bulk', 60);
    const effects = await database('reader', site);
    const applied = async () =>
      (await effects.find().toArray()).reduce((sum, effect) => sum + (effect['count'] as number), 0);
    const group = consumerGroupOf({ service: serviceOf('reader'), site });
    const env = { PROBE_ROLE: 'reader', SITE_ID: site, MONGO_URL: mongoUrl, KAFKA_BROKERS: brokers };

    // The handlers only queue: the first effect stored means a batch is being written, not yet committed.
    const reader = runProbeProcess(env);
    await eventually(async () => (await applied()) > 0, 'the first effects stored', 60_000, 5);
    reader.child.kill('SIGKILL');
    expect(await reader.exit).toBe('SIGKILL');
    const appliedWhenKilled = await applied();
    const committedWhenKilled = await committedCount(group, topicFor(site, 'probes'));

    const restarted = runProbeProcess(env);
    try {
      await waitForGroupCaughtUp(kafka, group, topicFor(site, 'probes'), 240_000);
      const state = await effects.find().toArray();

      // Killed between storing effects and committing their offsets: they are read again.
      expect(appliedWhenKilled).toBeGreaterThan(committedWhenKilled);
      expect(appliedWhenKilled).toBeLessThan(1_200);
      expect(state).toHaveLength(20);
      expect(notAppliedOnceInOrder(state, 60)).toEqual([]);
    } finally {
      restarted.child.kill('SIGTERM');
      await restarted.exit;
    }
  }, 360_000);

  it('loses nothing and doubles nothing when writer and consumer get SIGTERM under load', async () => {
    const site = uniqueSiteId();
    const common = { SITE_ID: site, MONGO_URL: mongoUrl, KAFKA_BROKERS: brokers };
    const reader = runProbeProcess({ ...common, PROBE_ROLE: 'reader' });
    const writer = runProbeProcess({ ...common, PROBE_ROLE: 'writer', PROBE_SCRIPT: 'write:10x1000' });
    await writer.waitFor('probe: wrote 20');
    reader.child.kill('SIGTERM');
    writer.child.kill('SIGTERM');
    expect([await writer.exit, await reader.exit]).toEqual([0, 0]);

    const writerAgain = runProbeProcess({ ...common, PROBE_ROLE: 'writer' });
    const readerAgain = runProbeProcess({ ...common, PROBE_ROLE: 'reader' });
    try {
      const probes = await database('writer', site);
      await eventually(
        async () => (await probes.countDocuments({ _outboxPending: true })) === 0,
        'every outbox published',
        90_000,
      );
      const written = (await probes.find().toArray()).reduce((sum, probe) => sum + (probe['sequence'] as number), 0);
      await waitForGroupCaughtUp(
        kafka,
        consumerGroupOf({ service: serviceOf('reader'), site }),
        topicFor(site, 'probes'),
        240_000,
      );
      const records = await readTopic(kafka, topicFor(site, 'probes'));
      const effects = await (await database('reader', site)).find().toArray();

      expect(written).toBeGreaterThanOrEqual(200);
      expect(new Set(records.map((record) => header(record, 'ce_id'))).size).toBe(written);
      for (const effect of effects) {
        const sequences = effect['sequences'] as number[];
        expect({ probe: effect['_id'], sequences }).toEqual({
          probe: effect['_id'],
          sequences: Array.from({ length: sequences.length }, (_, index) => index + 1),
        });
      }
      expect(effects.reduce((sum, effect) => sum + (effect['count'] as number), 0)).toBe(written);
    } finally {
      writerAgain.child.kill('SIGTERM');
      readerAgain.child.kill('SIGTERM');
      await Promise.all([writerAgain.exit, readerAgain.exit]);
    }
  }, 420_000);
});
