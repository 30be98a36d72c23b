import type { INestApplication } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { topicFor } from '@technopark/contracts';
import { infrastructureEnv, uniqueSiteId } from '@technopark/testing';
import { Kafka as CloudEventsKafka, type CloudEventV1, type KafkaMessage } from 'cloudevents';
import { startProbeApp } from '../src/testing';
import { ProbeWriter } from '../src/testing';
import { readTopic, testKafka, waitForOutboxDrained } from './support/kafka-probes';

describe('the event envelope on Kafka', () => {
  const { KAFKA_BROKERS: brokers, MONGO_URL: mongoUrl } = infrastructureEnv();
  const site = uniqueSiteId();
  let writer: INestApplication;

  beforeAll(async () => {
    writer = await startProbeApp({ role: 'writer', site, mongoUrl, brokers });
    await writer.get(ProbeWriter).record('probe-ce', 1, 'hello partners');
    // The write returns before the publish: read the topic once the event is on it.
    await waitForOutboxDrained(writer.get(getModelToken('Probe')));
  }, 60_000);

  afterAll(() => writer.close());

  it('is a valid CloudEvent in Kafka binary content mode, read by the official SDK', async () => {
    const [record] = await readTopic(testKafka(brokers), topicFor(site, 'probes'));
    const headers = Object.fromEntries(
      Object.entries(record?.headers ?? {}).map(([name, value]) => [name, String(value)]),
    );

    const message: KafkaMessage<string> = {
      key: record?.key?.toString() ?? '',
      value: record?.value?.toString() ?? '',
      headers,
      body: record?.value?.toString(),
    };
    const event = CloudEventsKafka.toEvent(message) as CloudEventV1<{ probeId: string; note: string }>;

    expect((event as unknown as { validate(): boolean }).validate()).toBe(true);
    expect(event).toMatchObject({
      specversion: '1.0',
      type: 'ma.technopark.probe.recorded.v1',
      source: `/technopark/${site}/probe-writer`,
      subject: 'probe-ce',
      datacontenttype: 'application/json',
      site,
      partitionkey: 'probe-ce',
    });
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(event.time as string)).toBeGreaterThan(Date.now() - 60_000);
    expect(event.data).toMatchObject({ probeId: 'probe-ce', sequence: 1, note: 'hello partners' });
    expect(headers['traceparent']).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });
});
