import { Partitioners, type Kafka, type KafkaMessage } from 'kafkajs';
import { DEAD_LETTER_HEADERS, originalRecordOf } from '../consumer/dead-letter';

export interface DeadLetterEntry {
  readonly offset: string;
  readonly originalTopic: string;
  readonly reasonCode: string;
  readonly reason: string;
  readonly failedAt: string;
}

export interface ReplayReport {
  readonly entries: DeadLetterEntry[];
  readonly republished: number;
}

/**
 * Reads a dead-letter topic from where the last replay stopped up to its current end and,
 * unless `dryRun`, sends each record back to its original topic with its original bytes and
 * headers. The replayer's own consumer group remembers progress, so each entry goes back once.
 */
export async function replayDeadLetters(
  kafka: Kafka,
  deadLetterTopic: string,
  { dryRun = false } = {},
): Promise<ReplayReport> {
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `${deadLetterTopic}.replayer`;
  if (!(await admin.listTopics()).includes(deadLetterTopic)) {
    await admin.disconnect();
    return { entries: [], republished: 0 };
  }
  const end = new Map(
    (await admin.fetchTopicOffsets(deadLetterTopic)).map(({ partition, high }) => [partition, BigInt(high)]),
  );
  const committed = await admin.fetchOffsets({ groupId, topics: [deadLetterTopic] });
  await admin.disconnect();
  const start = new Map(
    committed[0]?.partitions.map(({ partition, offset }) => [partition, offset === '-1' ? 0n : BigInt(offset)]) ?? [],
  );
  const remaining = [...end].filter(([partition, high]) => high > (start.get(partition) ?? 0n));
  if (remaining.length === 0) return { entries: [], republished: 0 };
  return readUntilEnd(kafka, deadLetterTopic, groupId, new Map(remaining), dryRun);
}

async function readUntilEnd(
  kafka: Kafka,
  topic: string,
  groupId: string,
  end: Map<number, bigint>,
  dryRun: boolean,
): Promise<ReplayReport> {
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  const entries: DeadLetterEntry[] = [];
  const pending = new Set(end.keys());
  await Promise.all([consumer.connect(), producer.connect()]);
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            if (!end.has(partition) || BigInt(message.offset) >= (end.get(partition) as bigint)) return;
            entries.push(entryOf(message));
            if (!dryRun) await producer.send({ acks: -1, ...toMessages(message) });
            if (!dryRun)
              await consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
            if (BigInt(message.offset) + 1n >= (end.get(partition) as bigint)) pending.delete(partition);
            if (pending.size === 0) resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await Promise.all([consumer.disconnect(), producer.disconnect()]);
  }
  return { entries, republished: dryRun ? 0 : entries.length };
}

function toMessages(message: KafkaMessage) {
  const { topic, key, value, headers } = originalRecordOf(message);
  return { topic, messages: [{ key, value, headers }] };
}

function entryOf(message: KafkaMessage): DeadLetterEntry {
  const header = (name: string) => message.headers?.[name]?.toString() ?? '';
  return {
    offset: message.offset,
    originalTopic: header(DEAD_LETTER_HEADERS.topic),
    reasonCode: header(DEAD_LETTER_HEADERS.reasonCode),
    reason: header(DEAD_LETTER_HEADERS.reason),
    failedAt: header(DEAD_LETTER_HEADERS.failedAt),
  };
}
