import type { INestApplication } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { topicFor } from '@technopark/contracts';
import { infrastructureEnv, uniqueSiteId } from '@technopark/testing';
import type { Model } from 'mongoose';
import { EventOutbox, newEvent, type OutboxWrite } from '../src';
import { type Probe, ProbeRecorded, startProbeApp } from '../src/testing';
import { header, readTopic, testKafka, waitForOutboxDrained } from './support/kafka-probes';

describe('a bulk write through the outbox', () => {
  const { KAFKA_BROKERS: brokers, MONGO_URL: mongoUrl } = infrastructureEnv();
  const site = uniqueSiteId();
  let writer: INestApplication;

  beforeAll(async () => {
    writer = await startProbeApp({ role: 'writer', site, mongoUrl, brokers });
  }, 60_000);
  afterAll(() => writer.close());

  const recorded = (probeId: string, sequence: number) => newEvent(ProbeRecorded, { probeId, sequence });

  it('keeps every document with its events over several bulks, publishes them all, and reports duplicates and misses', async () => {
    const probes = writer.get<Model<Probe>>(getModelToken('Probe'));
    const outbox = writer.get(EventOutbox);
    await outbox.insert(probes, { _id: 'bulk-existing', sequence: 1 }, []);
    const inserts: OutboxWrite<Probe>[] = Array.from({ length: 120 }, (_, index) => ({
      insert: { _id: `bulk-${index}`, sequence: 1 },
      events: index % 2 === 0 ? [recorded(`bulk-${index}`, 1)] : [],
    }));

    const written = await outbox.bulkWrite(probes, [
      ...inserts,
      { insert: { _id: 'bulk-existing', sequence: 9 }, events: [recorded('bulk-existing', 9)] },
      {
        filter: { _id: 'bulk-existing', sequence: 1 },
        update: { $set: { sequence: 2 } },
        events: [recorded('bulk-existing', 2)],
      },
      {
        filter: { _id: 'bulk-existing', sequence: 7 },
        update: { $set: { sequence: 3 } },
        events: [recorded('bulk-existing', 3)],
      },
    ]);

    expect(written).toEqual({ duplicateInserts: [120], matched: 1 });
    expect(await probes.countDocuments({ _id: { $regex: /^bulk-/ } })).toBe(121);
    expect((await probes.findById('bulk-existing').lean())?.sequence).toBe(2);
    await waitForOutboxDrained(probes);
    const records = await readTopic(testKafka(brokers), topicFor(site, 'probes'));
    const subjects = records.map((record) => header(record, 'ce_subject'));
    expect(new Set(records.map((record) => header(record, 'ce_id'))).size).toBe(61);
    expect(new Set(subjects)).toEqual(
      new Set([
        ...inserts.filter((write) => write.events.length > 0).map((write) => (write as { insert: Probe }).insert._id),
        'bulk-existing',
      ]),
    );
  });

  it('publishes more events than one Kafka request of a partition takes (1 MB)', async () => {
    const probes = writer.get<Model<Probe>>(getModelToken('Probe'));
    const events = Array.from({ length: 4000 }, (_, index) => recorded('bulk-large', index + 1));

    await writer.get(EventOutbox).insert(probes, { _id: 'bulk-large', sequence: 4000 }, events);

    await waitForOutboxDrained(probes);
    const records = await readTopic(testKafka(brokers), topicFor(site, 'probes'));
    // At least once: the relay may send a record the publisher is still sending; each event is there.
    const ids = records
      .filter((record) => header(record, 'ce_subject') === 'bulk-large')
      .map((record) => header(record, 'ce_id'));
    expect(new Set(ids).size).toBe(4000);
  });

  it('refuses, before writing anything, events for a document it could not send them for', async () => {
    const probes = writer.get<Model<Probe>>(getModelToken('Probe'));
    await expect(
      writer
        .get(EventOutbox)
        .bulkWrite(probes, [
          { filter: { sequence: 1 }, update: { $set: { sequence: 5 } }, events: [recorded('no-id', 5)] },
        ]),
    ).rejects.toThrow(/names its document by `_id`/);
    expect(await probes.countDocuments({ sequence: 5 })).toBe(0);
  });
});
