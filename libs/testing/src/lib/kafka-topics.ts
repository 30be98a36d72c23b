import {
  type Admin,
  ConfigResourceTypes,
  Kafka,
  type KafkaMessage,
  type LogEntry,
  logLevel,
  Partitioners,
} from 'kafkajs';
import { eventually } from './eventually';

/** A record read back from a topic (services' tests must not import the Kafka client). */
export type TopicRecord = KafkaMessage;

/**
 * The test client's warnings, written past Jest's console: kafkajs can log a fetch answered after a
 * reader disconnected (tulios/kafkajs#1639), and Jest turns a log after a suite's end into exit code 1
 * although every test passed.
 */
const LEVEL_NAMES: Record<number, string> = {
  [logLevel.ERROR]: 'ERROR',
  [logLevel.WARN]: 'WARN',
  [logLevel.INFO]: 'INFO',
  [logLevel.DEBUG]: 'DEBUG',
};

const toStandardError = () => (entry: LogEntry) =>
  void process.stderr.write(
    `kafkajs (tests) ${LEVEL_NAMES[entry.level] ?? entry.level} [${entry.namespace}] ${entry.log.message} ${JSON.stringify({ ...entry.log, message: undefined, timestamp: undefined })}\n`,
  );

/** How every test client logs: warnings and errors, past Jest's console. */
export const testKafkaLogs = { logLevel: logLevel.WARN, logCreator: toStandardError };

/** A plain client for tests to look at topics the way a partner's consumer would. */
export function testKafka(brokers: string): Kafka {
  return new Kafka({ brokers: brokers.split(','), clientId: 'technopark-tests', ...testKafkaLogs });
}

/** A record with the partition it was read from. */
export interface PartitionedRecord {
  readonly partition: number;
  readonly message: KafkaMessage;
}

/** Every record of a topic, from the beginning to its current end. */
export async function readTopic(
  kafka: Kafka,
  topic: string,
  options: { groupId?: string } = {},
): Promise<KafkaMessage[]> {
  return (await readTopicPartitions(kafka, topic, options)).map((record) => record.message);
}

/** Every record of a topic with its partition, each partition's in offset order; `groupId` for a reader whose ACLs name its groups. */
export async function readTopicPartitions(
  kafka: Kafka,
  topic: string,
  options: { groupId?: string } = {},
): Promise<PartitionedRecord[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
  const expected = ends.reduce((sum, { high, low }) => sum + Number(high) - Number(low), 0);
  // Nothing to read: no consumer that would be disconnected before it had joined its group (tulios/kafkajs#1639).
  if (expected === 0) return [];
  const consumer = kafka.consumer({
    groupId: options.groupId ?? `reader-${topic}-${Date.now()}-${Math.random()}`,
    retry: { restartOnFailure: async () => false },
  });
  const records: PartitionedRecord[] = [];
  // A reader that cannot go on (e.g. a group its ACLs refuse) fails the read at once.
  let crash: Error | undefined;
  consumer.on(consumer.events.CRASH, ({ payload }) => (crash = payload.error));
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    // Nothing committed: the next read with the same group starts from the beginning again.
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => void records.push({ partition, message }),
    });
    await eventually(
      async () => {
        if (crash) throw crash;
        return records.length >= expected;
      },
      `${expected} records read from ${topic}`,
      30_000,
    );
  } finally {
    await consumer.disconnect();
  }
  return records;
}

export const header = (message: KafkaMessage, name: string) => message.headers?.[name]?.toString();

/**
 * The records without the copies of an event already listed (same CloudEvents id). Delivery is at
 * least once: a send retried after a broker error (e.g. a leader not yet elected on a new topic)
 * can store an event twice, and consumers drop the copy by its id.
 */
export function withoutCopies(records: readonly KafkaMessage[]): KafkaMessage[] {
  const seen = new Set<string | undefined>();
  return records.filter((record) => !seen.has(header(record, 'ce_id')) && seen.add(header(record, 'ce_id')));
}

/** A published event as a test reads it back: its CloudEvents type and its payload. */
export interface PublishedEvent {
  readonly type: string;
  readonly data: Record<string, unknown>;
}

/** The events on a topic about one subject (its CloudEvents subject), in order, copies dropped; none before the topic exists. */
export async function eventsAbout(kafka: Kafka, topic: string, subject: string): Promise<PublishedEvent[]> {
  const records = await readTopic(kafka, topic).catch(() => []);
  return withoutCopies(records)
    .filter((record) => header(record, 'ce_subject') === subject)
    .map((record) => ({ type: String(header(record, 'ce_type')), data: JSON.parse(String(record.value)) }));
}

/** Writes records the way another service's producer would; the topic is created first, as a deployment would have it. */
export interface TestProducer {
  send(
    topic: string,
    messages: readonly { key: string; value: string; headers: Record<string, string> }[],
  ): Promise<void>;
  disconnect(): Promise<void>;
}

export async function connectTestProducer(kafka: Kafka): Promise<TestProducer> {
  const producer = kafka.producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false,
  });
  const admin = kafka.admin();
  await Promise.all([producer.connect(), admin.connect()]);
  const created = new Set<string>();
  return {
    async send(topic, messages) {
      if (!created.has(topic)) {
        if (!(await admin.listTopics()).includes(topic)) await createWithLeaders(admin, topic);
        created.add(topic);
      }
      await producer.send({ topic, messages: [...messages] });
    },
    async disconnect() {
      await Promise.all([producer.disconnect(), admin.disconnect()]);
    },
  };
}

const NOT_READY_YET = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE', 'NOT_LEADER_FOR_PARTITION']);

/**
 * Creates a topic and returns once every partition has a leader. The client's own wait gives up when
 * the broker answers "does not host this topic-partition" before the new topic reached it, so that
 * answer is waited out here.
 */
async function createWithLeaders(admin: Admin, topic: string): Promise<void> {
  try {
    await admin.createTopics({ topics: [{ topic }], waitForLeaders: true });
    return;
  } catch (error) {
    if (!NOT_READY_YET.has((error as { type?: string }).type ?? '')) throw error;
  }
  await eventually(
    async () => {
      const metadata = await admin.fetchTopicMetadata({ topics: [topic] }).catch(() => undefined);
      return metadata?.topics[0]?.partitions.every((partition) => partition.leader >= 0) ?? false;
    },
    `a leader for every partition of ${topic}`,
    30_000,
  );
}

/** One configuration value of a topic as the broker reports it (e.g. `cleanup.policy`). */
export async function topicConfig(kafka: Kafka, topic: string, name: string): Promise<string | undefined> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: [name] }],
    });
    return resources[0]?.configEntries.find((entry) => entry.configName === name)?.configValue;
  } finally {
    await admin.disconnect();
  }
}
