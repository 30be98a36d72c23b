import type { INestApplication } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { topicFor } from '@technopark/contracts';
import { consumerGroupOf, rewindConsumerGroup } from '../src';
import { infrastructureEnv, uniqueSiteId } from '@technopark/testing';
import type { Model } from 'mongoose';
import { startProbeApp, serviceOf } from '../src/testing';
import { ProbeWriter } from '../src/testing';
import { ProbeEffect } from '../src/testing';
import { readTopic, testKafka, waitForGroupCaughtUp, waitForOutboxDrained } from './support/kafka-probes';

const PROBES = 100;
const EVENTS_PER_PROBE = 100;
const TOTAL = PROBES * EVENTS_PER_PROBE;

describe('outbox → Kafka → idempotent consumer, 10,000 events', () => {
  const { KAFKA_BROKERS: brokers, MONGO_URL: mongoUrl } = infrastructureEnv();
  const site = uniqueSiteId();
  const topic = topicFor(site, 'probes');
  const group = consumerGroupOf({ service: serviceOf('reader'), site });
  const kafka = testKafka(brokers);
  let writer: INestApplication;
  let reader: INestApplication | undefined;

  const startReader = async () => (reader = await startProbeApp({ role: 'reader', site, mongoUrl, brokers }));
  const stopReader = async () => {
    await reader?.close();
    reader = undefined;
  };
  const effects = () => (reader as INestApplication).get<Model<ProbeEffect>>(getModelToken(ProbeEffect.name));
  const effectState = async () => effects().find().sort({ _id: 1 }).lean();

  beforeAll(async () => {
    writer = await startProbeApp({ role: 'writer', site, mongoUrl, brokers });
    await startReader();
    const probes = writer.get(ProbeWriter);
    const t0 = Date.now();
    await Promise.all(
      Array.from({ length: PROBES }, async (_, probe) => {
        for (let sequence = 1; sequence <= EVENTS_PER_PROBE; sequence += 1)
          await probes.record(`probe-${probe}`, sequence);
      }),
    );
    await waitForOutboxDrained(writer.get(getModelToken('Probe')));
    console.log(
      `${TOTAL} events written through the outbox and published in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
    await waitForGroupCaughtUp(kafka, group, topic, 300_000);
    console.log(`… and applied by the consumer after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }, 480_000);

  afterAll(async () => {
    await stopReader();
    await writer.close();
  });

  it('applies every event exactly once, in order per aggregate', async () => {
    const state = await effectState();

    expect(state).toHaveLength(PROBES);
    expect(state.reduce((sum, probe) => sum + probe.count, 0)).toBe(TOTAL);
    const expectedOrder = Array.from({ length: EVENTS_PER_PROBE }, (_, index) => index + 1);
    expect(
      state
        .filter((probe) => JSON.stringify(probe.sequences) !== JSON.stringify(expectedOrder))
        .map((probe) => probe._id),
    ).toEqual([]);
  });

  it('published each state change once and cleared every outbox', async () => {
    const records = await readTopic(kafka, topic);
    const ids = new Set(records.map((record) => record.headers?.['ce_id']?.toString()));
    const pending = await writer.get(getModelToken('Probe')).countDocuments({ _outboxPending: true });

    expect(ids.size).toBe(TOTAL);
    expect(pending).toBe(0);
  });

  /** What `npm run events -- rewind` does, with the service stopped, then the service again. */
  const replayFromTheBeginning = async () => {
    await stopReader();
    await rewindConsumerGroup(kafka, group, [topic]);
    await startReader();
    await waitForGroupCaughtUp(kafka, group, topic, 300_000);
  };

  it('has no second effect when the same events are delivered again (replay from the beginning)', async () => {
    const before = await effectState();

    await replayFromTheBeginning();

    expect(await effectState()).toEqual(before);
  }, 420_000);

  it('rebuilds the same state from scratch when its store is dropped and the group rewound', async () => {
    const before = await effectState();
    await effects().deleteMany({});

    await replayFromTheBeginning();

    expect(await effectState()).toEqual(before);
  }, 420_000);
});
