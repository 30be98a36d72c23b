import { eventually } from '@technopark/testing';
import type { Kafka } from 'kafkajs';

export { header, readTopic, testKafka } from '@technopark/testing';

/** Waits until a consumer group has committed every record of the topic. */
export async function waitForGroupCaughtUp(
  kafka: Kafka,
  groupId: string,
  topic: string,
  timeoutMs = 60_000,
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await eventually(
      async () => {
        // A broker busy moving a partition's leadership answers "not the leader" for a moment: ask again.
        const [ends, offsets] = await Promise.all([
          admin.fetchTopicOffsets(topic),
          admin.fetchOffsets({ groupId, topics: [topic] }),
        ]).catch(() => [undefined, undefined] as const);
        if (!ends || !offsets) return false;
        const [committed] = offsets;
        const offsetOf = (partition: number) =>
          Math.max(0, Number(committed?.partitions.find((each) => each.partition === partition)?.offset ?? 0));
        return ends.every(({ partition, high }) => offsetOf(partition) >= Number(high));
      },
      `consumer group ${groupId} to commit the end of ${topic}`,
      timeoutMs,
    );
  } finally {
    await admin.disconnect();
  }
}

/** Waits until a writer's outboxes are all published (events still in an outbox are not on the topic yet). */
export async function waitForOutboxDrained(
  collection: { countDocuments(filter: object): Promise<number> },
  timeoutMs = 120_000,
): Promise<void> {
  await eventually(
    async () => (await collection.countDocuments({ _outboxPending: true })) === 0,
    'every outbox published',
    timeoutMs,
  );
}
