import type { INestApplication } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { topicFor } from '@technopark/contracts';
import { infrastructureEnv, uniqueSiteId } from '@technopark/testing';
import type { Model } from 'mongoose';
import { EventOutbox, newEvent } from '../src';
import { startProbeApp } from '../src/testing';
import { ProbeRecorded } from '../src/testing';
import type { Probe } from '../src/testing';
import { header, readTopic, testKafka, waitForOutboxDrained } from './support/kafka-probes';

describe('an aggregate created without events', () => {
  const { KAFKA_BROKERS: brokers, MONGO_URL: mongoUrl } = infrastructureEnv();
  const site = uniqueSiteId();
  let writer: INestApplication;

  beforeAll(async () => {
    writer = await startProbeApp({ role: 'writer', site, mongoUrl, brokers });
  }, 60_000);
  afterAll(() => writer.close());

  it('has no pending outbox, and still publishes the events of its later changes', async () => {
    const probes = writer.get<Model<Probe>>(getModelToken('Probe'));
    const outbox = writer.get(EventOutbox);

    await outbox.insert(probes, { _id: 'draft-like', sequence: 1 }, []);
    expect(await probes.collection.countDocuments({ _id: 'draft-like' as never, _outboxPending: true })).toBe(0);

    await outbox.update(probes, { _id: 'draft-like' }, { $set: { sequence: 2 } }, [
      newEvent(ProbeRecorded, { probeId: 'draft-like', sequence: 2 }),
    ]);
    await waitForOutboxDrained(probes);
    const records = await readTopic(testKafka(brokers), topicFor(site, 'probes'));
    expect(records.map((record) => header(record, 'ce_subject'))).toEqual(['draft-like']);
  });
});
