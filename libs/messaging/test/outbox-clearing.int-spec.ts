import type { INestApplication } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { topicFor } from '@technopark/contracts';
import { eventually, infrastructureEnv, uniqueSiteId } from '@technopark/testing';
import type { Model } from 'mongoose';
import { OutboxPublisher } from '../src';
import { type Probe, ProbeWriter, startProbeApp } from '../src/testing';
import { header, readTopic, testKafka, waitForOutboxDrained } from './support/kafka-probes';

/** The keys of a probe's outbox as stored now. */
const outboxKeysOf = async (probes: Model<Probe>, id: string) =>
  Object.keys(
    ((await probes.collection.findOne({ _id: id as never })) as { _outbox?: Record<string, unknown> } | null)
      ?._outbox ?? {},
  );

describe("an outbox's sent records", () => {
  const { KAFKA_BROKERS: brokers, MONGO_URL: mongoUrl } = infrastructureEnv();
  const site = uniqueSiteId();
  let writer: INestApplication;
  let probes: Model<Probe>;

  beforeAll(async () => {
    writer = await startProbeApp({ role: 'writer', site, mongoUrl, brokers });
    probes = writer.get<Model<Probe>>(getModelToken('Probe'));
  }, 60_000);
  afterAll(() => writer.close());

  it("leave with the aggregate's next write, and are sent once however often it is written", async () => {
    const writes = writer.get(ProbeWriter);
    await writes.record('busy', 1);
    await writer.get(OutboxPublisher).flush();
    const [first] = await outboxKeysOf(probes, 'busy');
    expect(first).toBeDefined();

    await writes.record('busy', 2);
    // The first record, sent already, went with the second write; only the second one is left.
    const afterSecond = await outboxKeysOf(probes, 'busy');
    expect(afterSecond).toHaveLength(1);
    expect(afterSecond).not.toContain(first);

    for (let sequence = 3; sequence <= 40; sequence += 1) await writes.record('busy', sequence);
    await waitForOutboxDrained(probes);
    const records = await readTopic(testKafka(brokers), topicFor(site, 'probes'));
    const busy = records.filter((record) => header(record, 'ce_subject') === 'busy');
    expect(busy.map((record) => JSON.parse(record.value?.toString() ?? '{}').sequence)).toEqual(
      Array.from({ length: 40 }, (_, index) => index + 1),
    );
  });

  it('are cleared a moment later from an aggregate that is not written again', async () => {
    await writer.get(ProbeWriter).record('quiet', 1);
    await writer.get(OutboxPublisher).flush();

    await eventually(
      async () => (await probes.collection.countDocuments({ _id: 'quiet' as never, _outboxPending: false })) === 1,
      'the quiet outbox cleared',
      10_000,
    );
    expect(await outboxKeysOf(probes, 'quiet')).toEqual([]);
  });
});
