import { join } from 'node:path';
import { type EventContract, topicFor } from '@technopark/contracts';
import { encodeEvent } from '@technopark/messaging';
import { bearer, TestTokens } from '@technopark/security/testing';
import {
  connectTestProducer,
  eventually,
  freePort,
  runTypeScriptProcess,
  testKafka,
  uniqueSiteId,
} from '@technopark/testing';

/** An event as another service would have published it, at a given time. */
export interface ScriptedEvent {
  readonly contract: EventContract;
  readonly payload: object;
  readonly time: string;
}

export function scripted<T extends object>(contract: EventContract<T>, payload: T, time: string): ScriptedEvent {
  return { contract: contract as EventContract, payload, time };
}

/** The analytics service as it runs on a site: its own process, fed through Kafka, read over HTTP. */
export interface AnalyticsProcess {
  publish(events: readonly ScriptedEvent[]): Promise<void>;
  /** The answer body of a GET as site staff; throws on any status but 200. */
  get(path: string): Promise<unknown>;
  close(): Promise<void>;
}

const ANALYTICS_MAIN = join(__dirname, '../../services/analytics/src/main.ts');

/** Starts analytics on a fresh site of the given servers, and a producer standing in for the other services. */
export async function startAnalyticsProcess(servers: {
  kafkaBrokers: string;
  mongoUrl: string;
}): Promise<AnalyticsProcess> {
  const site = uniqueSiteId('bench');
  const tokens = new TestTokens();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const service = runTypeScriptProcess(ANALYTICS_MAIN, {
    SITE_ID: site,
    PORT: String(port),
    HOST: '127.0.0.1',
    KAFKA_BROKERS: servers.kafkaBrokers,
    MONGO_URL: servers.mongoUrl,
    LOG_LEVEL: 'warn',
    ...tokens.environment,
  });
  const producer = await connectTestProducer(testKafka(servers.kafkaBrokers));
  const staff = bearer(await tokens.forRole('site-staff', site));
  await eventually(
    async () => (await fetch(`${url}/health/ready`).catch(() => undefined))?.status === 200,
    'the analytics service ready',
    90_000,
  );
  return {
    async publish(events) {
      for (const event of events) {
        const message = encodeEvent(
          event.contract,
          event.payload,
          { site, service: event.contract.producer },
          { time: new Date(event.time) },
        );
        await producer.send(topicFor(site, event.contract.stream), [message]);
      }
    },
    async get(path) {
      const response = await fetch(url + path, { headers: staff });
      if (response.status !== 200)
        throw new Error(`bench: GET ${path} answered ${response.status}: ${await response.text()}`);
      return response.json();
    },
    async close() {
      await producer.disconnect();
      service.child.kill('SIGTERM');
      await service.exit;
    },
  };
}
