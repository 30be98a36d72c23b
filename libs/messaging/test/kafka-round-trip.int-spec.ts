import { infrastructureEnv, uniqueSiteId } from '@technopark/testing';
import type { Consumer, IHeaders, KafkaMessage } from 'kafkajs';
import { createKafkaClient } from '../src/lib/kafka-client.factory';
import { parseBrokers } from '../src/lib/messaging-options';

function headersAsText(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([key, value]) => [key, String(value)]));
}

describe('the local Kafka broker', () => {
  const kafka = createKafkaClient({
    brokers: parseBrokers(infrastructureEnv().KAFKA_BROKERS),
    clientId: 'round-trip-test',
  });
  let consumer: Consumer | undefined;

  afterEach(async () => {
    await consumer?.disconnect();
  });

  it('hands back a produced message with its key, value and headers', async () => {
    const topic = `foundation.round-trip.${uniqueSiteId()}`;
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
    await admin.disconnect();

    const sent = {
      key: 'startup-42',
      value: JSON.stringify({ name: 'Atlas AI', site: 'casablanca' }),
      headers: { ce_type: 'ma.technopark.test.v1', ce_id: 'a1b2', 'content-type': 'application/json' },
    };
    const producer = kafka.producer({ idempotent: true });
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: [sent] });
    await producer.disconnect();

    consumer = kafka.consumer({ groupId: `${topic}.reader` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received = await new Promise<KafkaMessage>((resolve) => {
      void consumer?.run({ eachMessage: async ({ message }) => resolve(message) });
    });

    expect(received.key?.toString()).toBe(sent.key);
    expect(received.value?.toString()).toBe(sent.value);
    expect(headersAsText(received.headers)).toEqual(sent.headers);
  });
});
