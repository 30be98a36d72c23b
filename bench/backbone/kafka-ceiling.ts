import { randomUUID } from 'node:crypto';
import { Partitioners, type Kafka } from 'kafkajs';
import { kilobyte, until } from './measure';

/** Raw kafkajs: batched sends of 1 KB records, consumed with eachBatch and a no-op handler. */
export async function kafkaCeiling(kafka: Kafka, messages: number): Promise<number> {
  const topic = `bench.kafka-ceiling.${randomUUID()}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 3 }] });
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  const consumer = kafka.consumer({ groupId: `bench-${randomUUID()}` });
  await Promise.all([producer.connect(), consumer.connect()]);
  let consumed = 0;
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({ eachBatch: async ({ batch }) => void (consumed += batch.messages.length) });
  const started = Date.now();
  for (let sent = 0; sent < messages; sent += 500) {
    await producer.send({
      topic,
      acks: -1,
      messages: Array.from({ length: 500 }, (_, index) => ({
        key: `k${(sent + index) % 100}`,
        value: kilobyte(String(sent + index)),
      })),
    });
  }
  await until(async () => consumed >= messages, 120_000, 'raw consumption');
  const perSecond = messages / ((Date.now() - started) / 1000);
  await Promise.all([producer.disconnect(), consumer.disconnect()]);
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
  return perSecond;
}
