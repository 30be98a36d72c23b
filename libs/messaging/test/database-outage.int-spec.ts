import type { INestApplication } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { deadLetterTopicFor, topicFor } from '@technopark/contracts';
import { consumerGroupOf, encodeEvent } from '../src';
import {
  eventually,
  infrastructureEnv,
  startDisposableFerretDb,
  uniqueSiteId,
  type DisposableFerretDb,
} from '@technopark/testing';
import { Partitioners } from 'kafkajs';
import type { Model } from 'mongoose';
import { serviceOf, startProbeApp } from '../src/testing';
import { ProbeRecorded } from '../src/testing';
import { ProbeEffect } from '../src/testing';
import { testKafka, waitForGroupCaughtUp } from './support/kafka-probes';

describe('the database of a consumer goes away while events arrive', () => {
  const { KAFKA_BROKERS: brokers } = infrastructureEnv();
  const site = uniqueSiteId();
  const topic = topicFor(site, 'probes');
  const group = consumerGroupOf({ service: serviceOf('reader'), site });
  const kafka = testKafka(brokers);
  let database: DisposableFerretDb;
  let reader: INestApplication;

  const publish = async (probeIds: string[]) => {
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const messages = probeIds.map((probeId) =>
      encodeEvent(ProbeRecorded, { probeId, sequence: 1 }, { site, service: 'probe-writer' }),
    );
    await producer.send({ topic, messages });
    await producer.disconnect();
  };

  beforeAll(async () => {
    database = await startDisposableFerretDb();
    reader = await startProbeApp({ role: 'reader', site, mongoUrl: database.url, brokers });
    await publish(['before-outage']);
    await waitForGroupCaughtUp(kafka, group, topic);
  }, 90_000);

  afterAll(async () => {
    await reader.close();
    await database.destroy();
  });

  it('dead-letters nothing, and processes everything once the database is back', async () => {
    await database.stop();
    const during = Array.from({ length: 30 }, (_, index) => `during-outage-${index}`);
    await publish(during);
    // Long enough for every retry to be exhausted and partitions to be paused and resumed.
    await new Promise((resolve) => setTimeout(resolve, 15_000));
    await database.start();

    await waitForGroupCaughtUp(kafka, group, topic, 120_000);
    const effects = reader.get<Model<ProbeEffect>>(getModelToken(ProbeEffect.name));
    await eventually(async () => (await effects.countDocuments()) === 31, 'all 31 effects', 30_000);
    expect((await effects.find({}, { _id: 1 }).lean()).map((effect) => effect._id).sort()).toEqual(
      ['before-outage', ...during].sort(),
    );
    const admin = kafka.admin();
    await admin.connect();
    const deadLetterTopicExists = (await admin.listTopics()).includes(deadLetterTopicFor(site, group));
    const deadLettered = deadLetterTopicExists
      ? (await admin.fetchTopicOffsets(deadLetterTopicFor(site, group))).reduce(
          (sum, { high }) => sum + Number(high),
          0,
        )
      : 0;
    await admin.disconnect();
    expect(deadLettered).toBe(0);
  }, 180_000);
});
