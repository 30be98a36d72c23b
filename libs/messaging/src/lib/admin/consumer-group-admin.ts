import type { Kafka } from 'kafkajs';

/**
 * Rewinds a consumer group to the beginning of its topics so the service rebuilds its state
 * from the log. Kafka refuses while members are connected: stop the service first.
 */
export async function rewindConsumerGroup(kafka: Kafka, groupId: string, topics: readonly string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { groups } = await admin.describeGroups([groupId]);
    const members = groups[0]?.members.length ?? 0;
    if (members > 0)
      throw new Error(
        `consumer group ${groupId} has ${members} running member(s): stop the service before rewinding it`,
      );
    const existing = new Set(await admin.listTopics());
    for (const topic of topics.filter((name) => existing.has(name)))
      await admin.resetOffsets({ groupId, topic, earliest: true });
  } finally {
    await admin.disconnect();
  }
}
