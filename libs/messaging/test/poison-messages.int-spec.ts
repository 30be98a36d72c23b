import type { INestApplication } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import { deadLetterTopicFor, topicFor } from '@technopark/contracts';
import { consumerGroupOf, DEAD_LETTER_HEADERS, encodeEvent, POISON_REASONS, replayDeadLetters } from '../src';
import { infrastructureEnv, uniqueSiteId } from '@technopark/testing';
import { Partitioners, type Message, type Producer } from 'kafkajs';
import type { Model } from 'mongoose';
import { serviceOf, startProbeApp } from '../src/testing';
import { ProbeConsumer } from '../src/testing';
import { ProbeRecorded, type ProbeRecordedV1 } from '../src/testing';
import { ProbeEffect } from '../src/testing';
import { header, readTopic, testKafka, waitForGroupCaughtUp } from './support/kafka-probes';

describe('poison messages', () => {
  const { KAFKA_BROKERS: brokers, MONGO_URL: mongoUrl } = infrastructureEnv();
  const site = uniqueSiteId();
  const topic = topicFor(site, 'probes');
  const group = consumerGroupOf({ service: serviceOf('reader'), site });
  const deadLetterTopic = deadLetterTopicFor(site, group);
  const kafka = testKafka(brokers);
  let producer: Producer;
  let reader: INestApplication;

  const valid = (payload: ProbeRecordedV1): Message => {
    const { key, value, headers } = encodeEvent(ProbeRecorded, payload, { site, service: 'probe-writer' });
    return { key, value, headers };
  };
  const poisons: Record<string, Message> = {
    [POISON_REASONS.NOT_JSON]: {
      ...valid({ probeId: 'not-json', sequence: 1 }),
      value: '{"probeId": "not-json", sequence',
    },
    [POISON_REASONS.INVALID_PAYLOAD]: {
      ...valid({ probeId: 'wrong-schema', sequence: 1 }),
      value: JSON.stringify({ probeId: 'wrong-schema', sequence: 'first' }),
    },
    [POISON_REASONS.UNKNOWN_TYPE]: (() => {
      const message = valid({ probeId: 'unknown-type', sequence: 1 });
      return { ...message, headers: { ...message.headers, ce_type: 'ma.technopark.probe.vanished.v1' } };
    })(),
    [POISON_REASONS.MISSING_HEADER]: {
      key: 'no-envelope',
      value: JSON.stringify({ probeId: 'no-envelope', sequence: 1 }),
    },
    [POISON_REASONS.HANDLER_FAILED]: valid({ probeId: 'handler-bug', sequence: 1, note: 'reject-me' }),
  };
  const effects = () => reader.get<Model<ProbeEffect>>(getModelToken(ProbeEffect.name));

  beforeAll(async () => {
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    reader = await startProbeApp({ role: 'reader', site, mongoUrl, brokers });
    const messages = [
      valid({ probeId: 'good-before', sequence: 1 }),
      ...Object.values(poisons),
      valid({ probeId: 'good-after', sequence: 1 }),
    ];
    // One partition, so the good events really sit before and after the poison.
    await producer.send({ topic, messages: messages.map((message) => ({ ...message, partition: 0 })) });
    await waitForGroupCaughtUp(kafka, group, topic);
  }, 120_000);

  afterAll(async () => {
    ProbeConsumer.rejectedNote = 'reject-me';
    await reader.close();
    await producer.disconnect();
  });

  it('processes the good events around the poison', async () => {
    expect(await effects().find({}, { _id: 1, count: 1 }).sort({ _id: 1 }).lean()).toEqual([
      { _id: 'good-after', count: 1 },
      { _id: 'good-before', count: 1 },
    ]);
  });

  it('dead-letters each poison message with its reason, original bytes and headers', async () => {
    const deadLetters = await readTopic(kafka, deadLetterTopic);

    expect(deadLetters.map((message) => header(message, DEAD_LETTER_HEADERS.reasonCode)).sort()).toEqual(
      Object.keys(poisons).sort(),
    );
    for (const message of deadLetters) {
      const original = poisons[header(message, DEAD_LETTER_HEADERS.reasonCode) as string] as Message;
      expect(message.value?.toString()).toBe(original.value);
      expect(message.key?.toString()).toBe(original.key);
      expect(header(message, 'ce_id')).toBe((original.headers as Record<string, string> | undefined)?.['ce_id']);
      expect(header(message, DEAD_LETTER_HEADERS.topic)).toBe(topic);
      expect(header(message, DEAD_LETTER_HEADERS.reason)?.length).toBeGreaterThan(10);
    }
    const handlerFailure = deadLetters.find(
      (message) => header(message, DEAD_LETTER_HEADERS.reasonCode) === POISON_REASONS.HANDLER_FAILED,
    );
    expect(header(handlerFailure as never, DEAD_LETTER_HEADERS.reason)).toContain(
      'RangeError: probe handler-bug cannot be applied',
    );
  });

  it('re-publishes dead letters once their cause is fixed: the fixed one is processed, the rest come back', async () => {
    ProbeConsumer.rejectedNote = undefined;

    const report = await replayDeadLetters(kafka, deadLetterTopic);
    await waitForGroupCaughtUp(kafka, group, topic);

    expect(report.republished).toBe(5);
    expect(await effects().findById('handler-bug').lean()).toMatchObject({ count: 1 });
    const deadLetters = await readTopic(kafka, deadLetterTopic);
    expect(deadLetters).toHaveLength(5 + 4);
    expect((await replayDeadLetters(kafka, deadLetterTopic, { dryRun: true })).entries).toHaveLength(4);
  }, 120_000);
});
