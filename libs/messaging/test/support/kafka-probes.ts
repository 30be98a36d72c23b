import { createKafkaClient } from '../../src';
import { eventually } from '@technopark/testing';
import type { Kafka, KafkaMessage } from 'kafkajs';

export function testKafka(brokers: string): Kafka {
  return createKafkaClient({ brokers: brokers.split(','), clientId: 'backbone-tests' });
}

/** Every record of a topic, from the beginning to its current end. */
export async function readTopic(kafka: Kafka, topic: string): Promise<KafkaMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
  const expected = ends.reduce((sum, { high, low }) => sum + Number(high) - Number(low), 0);
  const consumer = kafka.consumer({ groupId: `reader-${topic}-${Date.now()}-${Math.random()}` });
  const records: KafkaMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void records.push(message) });
    await eventually(async () => records.length >= expected, `${expected} records read from ${topic}`, 30_000);
  } finally {
    await consumer.disconnect();
  }
  return records;
}

/** Waits until a consumer group has committed every record of the topic. */
export async function waitForGroupCaughtUp(kafka: Kafka, groupId: string, topic: string, timeoutMs = 60_000): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await eventually(
      async () => {
        const ends = await admin.fetchTopicOffsets(topic);
        const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
        const offsetOf = (partition: number) => Math.max(0, Number(committed?.partitions.find((each) => each.partition === partition)?.offset ?? 0));
        return ends.every(({ partition, high }) => offsetOf(partition) >= Number(high));
      },
      `consumer group ${groupId} to commit the end of ${topic}`,
      timeoutMs,
    );
  } finally {
    await admin.disconnect();
  }
}

export const header = (message: KafkaMessage, name: string) => message.headers?.[name]?.toString();

/** Waits until a writer's outboxes are all published (events still in an outbox are not on the topic yet). */
export async function waitForOutboxDrained(collection: { countDocuments(filter: object): Promise<number> }, timeoutMs = 120_000): Promise<void> {
  await eventually(async () => (await collection.countDocuments({ _outboxPending: true })) === 0, 'every outbox published', timeoutMs);
}
