import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Admin, Kafka } from 'kafkajs';
import { createKafkaClient } from './kafka-client.factory';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging-options';

const CHECK_TIMEOUT_MS = 3_000;

/** Readiness of the broker connection: a real metadata request that names a controller. */
@Injectable()
export class KafkaHealthIndicator implements OnApplicationShutdown {
  private admin: Admin | undefined;
  private readonly kafka: Kafka;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly health: HealthIndicatorService,
  ) {
    this.kafka = createKafkaClient(options, { failFast: true });
  }

  check(key = 'kafka') {
    const brokers = this.options.brokers.join(',');
    return this.health
      .check(key)
      .attempt(() => this.probe(brokers))
      .withTimeout(CHECK_TIMEOUT_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.dropAdmin();
  }

  private async probe(brokers: string) {
    try {
      const cluster = await this.describeCluster();
      if (cluster.controller === null) throw new Error('the cluster has no active controller');
      return { brokers, clusterBrokers: cluster.brokers.length };
    } catch (error) {
      await this.dropAdmin();
      throw new Error(`Kafka unreachable at ${brokers}: ${(error as Error).message}`);
    }
  }

  private async describeCluster() {
    if (!this.admin) {
      this.admin = this.kafka.admin();
      await this.admin.connect();
    }
    return this.admin.describeCluster();
  }

  private async dropAdmin(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect().catch(() => undefined);
  }
}
