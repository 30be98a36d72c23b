import type { Kafka } from 'kafkajs';
import { TransientEventError } from '../errors';
import type { TopicProvisioner } from '../admin/topic-provisioner';
import type { MessagingMetrics } from '../metrics/messaging-metrics';
import { EventProducer } from './event-producer';

describe('EventProducer after shutdown', () => {
  it('opens no connection once the service has shut down, and says the relay will publish', async () => {
    const connect = jest.fn(async () => undefined);
    const kafka = {
      producer: () => ({
        connect,
        disconnect: jest.fn(),
        sendBatch: jest.fn(),
        on: jest.fn(),
        events: { DISCONNECT: 'disconnect' },
      }),
    } as unknown as Kafka;
    const topics = { ensure: jest.fn(async () => undefined) } as unknown as TopicProvisioner;
    const producer = new EventProducer(kafka, topics, {} as MessagingMetrics);

    await producer.onApplicationShutdown();
    await expect(
      producer.send([{ topic: 'technopark.rabat.applications', key: 'a', value: '{}', headers: {} }]),
    ).rejects.toBeInstanceOf(TransientEventError);
    expect(connect).not.toHaveBeenCalled();
  });
});
