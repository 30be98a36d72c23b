import { randomUUID } from 'node:crypto';
import { AssignerProtocol, type Kafka, Partitioners } from 'kafkajs';
import { header, readTopic } from '@technopark/testing';

/** The header that marks a record this suite injected: a dead letter without it is unexpected. */
export const POISON_HEADER = 'fault-poison';
const DEAD_LETTER_REASON = 'dlq-reason-code';
const DEAD_LETTER_GROUP = 'dlq-consumer-group';

/** One record injected, the reason it must be dead-lettered with, and the groups that must dead-letter it. */
export interface Poison {
  readonly id: string;
  readonly topic: string;
  readonly reasonCode: string;
  readonly groups: readonly string[];
}

export interface DeadLetter {
  readonly topic: string;
  readonly group?: string;
  readonly reasonCode?: string;
  readonly poisonId?: string;
}

/** The topics each consumer group of the site reads now, from the group's own assignment at the broker. */
export async function consumedTopics(kafka: Kafka, site: string): Promise<Map<string, string[]>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const groupIds = (await admin.listGroups()).groups.map((group) => group.groupId);
    const described = await admin.describeGroups(groupIds);
    const topics = new Map<string, string[]>();
    for (const group of described.groups) {
      const assigned = new Set<string>();
      for (const member of group.members) {
        const decoded = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
        for (const topic of Object.keys(decoded?.assignment ?? {}))
          if (topic.startsWith(`technopark.${site}.`)) assigned.add(topic);
      }
      if (assigned.size) topics.set(group.groupId, [...assigned].sort());
    }
    return topics;
  } finally {
    await admin.disconnect();
  }
}

/**
 * Two poison records on every topic a group of the site consumes: bytes that are not JSON, and a
 * real event of the topic whose payload breaks its contract (its data emptied, a new id). Each must
 * reach the dead-letter topic of every group reading the topic, with its reason.
 */
export async function injectPoison(kafka: Kafka, site: string): Promise<Poison[]> {
  const byTopic = new Map<string, string[]>();
  for (const [group, topics] of await consumedTopics(kafka, site))
    for (const topic of topics) byTopic.set(topic, [...(byTopic.get(topic) ?? []), group]);
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const poisons: Poison[] = [];
  try {
    for (const [topic, groups] of byTopic) {
      const poison = (reasonCode: string) => ({ id: randomUUID(), topic, reasonCode, groups });
      const headerless = poison('EVENT.MISSING_HEADER');
      const records: { key: string; value: Buffer; headers: Record<string, string> }[] = [
        { key: headerless.id, value: Buffer.from('{}'), headers: marked(headerless.id) },
      ];
      poisons.push(headerless);
      // A real event's envelope (a new id) around a value that is not JSON, and around an empty payload.
      const [sample] = await readTopic(kafka, topic);
      if (sample)
        for (const [kind, value] of [
          [poison('EVENT.NOT_JSON'), '{ this is not an event'],
          [poison('EVENT.INVALID_PAYLOAD'), '{}'],
        ] as const) {
          const headers = { ...stringHeaders(sample.headers), ce_id: kind.id, ...marked(kind.id) };
          records.push({ key: sample.key?.toString() ?? kind.id, value: Buffer.from(value), headers });
          poisons.push(kind);
        }
      await producer.send({ topic, messages: records });
    }
  } finally {
    await producer.disconnect();
  }
  return poisons;
}

/** Every record on the site's dead-letter topics. */
export async function deadLetters(kafka: Kafka, site: string): Promise<DeadLetter[]> {
  const admin = kafka.admin();
  await admin.connect();
  const topics = (await admin.listTopics().finally(() => admin.disconnect())).filter((topic) =>
    topic.startsWith(`technopark.${site}.dlq.`),
  );
  const letters: DeadLetter[] = [];
  for (const topic of topics)
    for (const record of await readTopic(kafka, topic))
      letters.push({
        topic,
        ...optional('group', header(record, DEAD_LETTER_GROUP)),
        ...optional('reasonCode', header(record, DEAD_LETTER_REASON)),
        ...optional('poisonId', header(record, POISON_HEADER)),
      });
  return letters;
}

/** Dead letters the suite did not inject, and injected poison some group did not dead-letter with its reason. */
export function deadLetterFindings(
  letters: readonly DeadLetter[],
  poisons: readonly Poison[],
): { unexpected: DeadLetter[]; missing: string[] } {
  const unexpected = letters.filter((letter) => !poisons.some((poison) => poison.id === letter.poisonId));
  const missing: string[] = [];
  for (const poison of poisons)
    for (const group of poison.groups)
      if (!letters.some((l) => l.poisonId === poison.id && l.group === group && l.reasonCode === poison.reasonCode))
        missing.push(`${poison.reasonCode} on ${poison.topic} not dead-lettered by ${group}`);
  return { unexpected, missing };
}

const marked = (id: string) => ({ [POISON_HEADER]: id });

const optional = (name: string, value: string | undefined) => (value === undefined ? {} : { [name]: value });

function stringHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers ?? {}).flatMap(([name, value]) =>
      value === undefined ? [] : [[name, Buffer.isBuffer(value) ? value.toString() : String(value)]],
    ),
  );
}
