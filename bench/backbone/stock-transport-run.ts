import { ProbeEffect, ProbeEffectSchema } from '@technopark/messaging/testing';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ClientKafka, EventPattern, Payload, Transport, type MicroserviceOptions } from '@nestjs/microservices';
import { InjectModel, MongooseModule } from '@nestjs/mongoose';
import { applyOnce } from '@technopark/messaging';
import { randomUUID } from 'node:crypto';
import { Partitioners, type Kafka } from 'kafkajs';
import type { Model } from 'mongoose';
import { kilobyte, until } from './measure';

let applied = 0;

/**
 * The stock `@nestjs/microservices` Kafka transport (ClientKafka.emit → @EventPattern) doing
 * the same effect per event as the backbone's consumer: an idempotent upsert.
 */
export async function stockTransportRun(
  kafka: Kafka,
  connection: { mongoUrl: string; brokers: string },
  events: number,
): Promise<number> {
  const topic = `bench.stock.${randomUUID().slice(0, 8)}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 3 }] });
  await admin.disconnect();
  const kafkaOptions = {
    client: { clientId: 'bench-stock', brokers: connection.brokers.split(',') },
    producer: { createPartitioner: Partitioners.DefaultPartitioner },
  };

  @Controller()
  class StockConsumer {
    constructor(@InjectModel(ProbeEffect.name) private readonly effects: Model<ProbeEffect>) {}

    @EventPattern(topic)
    async onEvent(@Payload() received: object): Promise<void> {
      const event = received as { id: string; probeId: string; sequence: number };
      await applyOnce(this.effects, event.probeId, { $inc: { count: 1 }, $push: { sequences: event.sequence } }, event);
      applied += 1;
    }
  }
  @Module({
    imports: [
      MongooseModule.forRoot(connection.mongoUrl, { dbName: `bench_stock_${topic.slice(-8)}`, maxPoolSize: 1 }),
      MongooseModule.forFeature([{ name: ProbeEffect.name, schema: ProbeEffectSchema }]),
    ],
    controllers: [StockConsumer],
  })
  class StockModule {}

  const server = await NestFactory.createMicroservice<MicroserviceOptions>(StockModule, {
    transport: Transport.KAFKA,
    options: {
      ...kafkaOptions,
      consumer: { groupId: `bench-stock-${topic.slice(-8)}` },
      subscribe: { fromBeginning: true },
    },
    logger: ['error'],
  });
  await server.listen();
  const client = new ClientKafka({ ...kafkaOptions, producerOnlyMode: true });
  await client.connect();
  applied = 0;
  const started = Date.now();
  for (let sent = 0; sent < events; sent += 100) {
    await Promise.all(
      Array.from({ length: Math.min(100, events - sent) }, (_, index) => {
        const probeId = `stock-${(sent + index) % 100}`;
        return client
          .emit(topic, {
            key: probeId,
            value: { id: randomUUID(), probeId, sequence: sent + index, padding: kilobyte(probeId) },
          })
          .toPromise();
      }),
    );
  }
  await until(async () => applied >= events, 600_000, 'the stock transport to apply every event');
  const perSecond = events / ((Date.now() - started) / 1000);
  await client.close();
  await server.close();
  return perSecond;
}
