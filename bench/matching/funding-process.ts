import { join } from 'node:path';
import { type EventContract, topicFor } from '@technopark/contracts';
import { processRss } from '@technopark/infra';
import { encodeEvent } from '@technopark/messaging';
import { databaseNameFor } from '@technopark/persistence';
import { mongo } from 'mongoose';
import { bearer, TestTokens } from '@technopark/security/testing';
import {
  connectTestProducer,
  eventually,
  freePort,
  runTypeScriptProcess,
  testKafka,
  uniqueSiteId,
} from '@technopark/testing';

/** Funding matching as it runs on a site: its own process, fed through Kafka, driven over HTTP. */
export interface FundingProcess {
  readonly site: string;
  publish(contract: EventContract, payloads: readonly object[]): Promise<void>;
  call(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  /** Resident memory of the service process, MB. */
  rssMb(): number;
  close(): Promise<void>;
}

const FUNDING_MAIN = join(__dirname, '../../services/funding-matching/src/main.ts');

export async function startFundingProcess(servers: {
  kafkaBrokers: string;
  mongoUrl: string;
}): Promise<FundingProcess> {
  const site = uniqueSiteId('bench');
  const tokens = new TestTokens();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const service = runTypeScriptProcess(FUNDING_MAIN, {
    SITE_ID: site,
    PORT: String(port),
    HOST: '127.0.0.1',
    KAFKA_BROKERS: servers.kafkaBrokers,
    MONGO_URL: servers.mongoUrl,
    LOG_LEVEL: 'warn',
    // The bench is one client making the site's requests of an hour.
    RATE_LIMIT_REQUESTS: '1000000',
    ...tokens.environment,
  });
  const producer = await connectTestProducer(testKafka(servers.kafkaBrokers));
  const admin = bearer(await tokens.forRole('platform-admin', site));
  await eventually(
    async () => (await fetch(`${url}/health/ready`).catch(() => undefined))?.status === 200,
    'the funding-matching service ready',
    120_000,
  );
  return {
    site,
    async publish(contract, payloads) {
      const messages = payloads.map((payload) => encodeEvent(contract, payload, { site, service: contract.producer }));
      for (let start = 0; start < messages.length; start += 500)
        await producer.send(topicFor(site, contract.stream), messages.slice(start, start + 500));
    },
    async call(method, path, body) {
      const response = await fetch(url + path, {
        method,
        headers: { ...admin, ...(body !== undefined && { 'content-type': 'application/json' }) },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    rssMb() {
      return processRss(service.child.pid as number) ?? 0;
    },
    /** Stops the service and drops its database: a bench network is tens of thousands of matches. */
    async close() {
      await producer.disconnect();
      service.child.kill('SIGTERM');
      await service.exit;
      const client = await mongo.MongoClient.connect(servers.mongoUrl, { maxPoolSize: 1 });
      await client.db(databaseNameFor('funding-matching', site)).dropDatabase();
      await client.close();
    },
  };
}
