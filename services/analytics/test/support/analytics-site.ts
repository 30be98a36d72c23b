import type { INestApplication } from '@nestjs/common';
import { type EventContract, topicFor } from '@technopark/contracts';
import { encodeEvent } from '@technopark/messaging';
import { Clock } from '@technopark/platform';
import { startTestApp } from '@technopark/platform/testing';
import { bearer, TestTokens } from '@technopark/security/testing';
import { connectTestProducer, infrastructureEnv, testKafka, uniqueSiteId } from '@technopark/testing';
import request from 'supertest';
import { ANALYTICS_SERVICE } from '../../src/analytics.service-descriptor';
import { AppModule } from '../../src/app.module';

export const tokens = new TestTokens();

/** Sites not closed yet: a test that fails half-way must not leave a service running (Jest would never exit). */
const running = new Set<AnalyticsSite>();
// Under Jest only: the benchmark reuses this helper outside it.
if (typeof afterAll === 'function') {
  afterAll(async () => {
    for (const site of running) await site.close().catch(() => undefined);
  });
}

/** A day that does not move: figures that depend on "now" (cohorts reaching their marks) stay checkable. */
class FixedClock extends Clock {
  constructor(private readonly day: string) {
    super();
  }

  override now(): Date {
    return new Date(`${this.day}T12:00:00Z`);
  }
}

/** An event as another service would have published it, at a given time. */
export interface ScriptedEvent {
  readonly contract: EventContract;
  readonly payload: object;
  readonly time: string;
  readonly producer: string;
}

export function scripted<T extends object>(
  contract: EventContract<T>,
  payload: T,
  time: string,
  producer = contract.producer,
): ScriptedEvent {
  return { contract: contract as EventContract, payload, time, producer };
}

export interface AnalyticsSite {
  readonly site: string;
  readonly app: INestApplication;
  /** Produces the events to their streams' topics; each event may be listed several times (a redelivery). */
  publish(events: readonly ScriptedEvent[], onSite?: string): Promise<void>;
  /** Produces the events of one stream in one request, so the consumer reads them as one batch. */
  publishTogether(events: readonly ScriptedEvent[]): Promise<void>;
  get(path: string, expected?: number): Promise<request.Response>;
  close(): Promise<void>;
}

/** An analytics service on a fresh site, with a producer standing in for the other services. */
export async function startAnalyticsSite(
  options: { site?: string; today?: string; env?: Record<string, string> } = {},
): Promise<AnalyticsSite> {
  const site = options.site ?? uniqueSiteId('analytics');
  const producer = await connectTestProducer(testKafka(infrastructureEnv().KAFKA_BROKERS));
  const fixed = options.today ? new FixedClock(options.today) : undefined;
  const app = await startTestApp(
    ANALYTICS_SERVICE,
    AppModule,
    { SITE_ID: site, ...infrastructureEnv(), ...tokens.environment, ...options.env },
    (builder) => (fixed ? builder.overrideProvider(Clock).useValue(fixed) : builder),
  );
  const staff = bearer(await tokens.forRole('site-staff', site));
  const encoded = new Map<ScriptedEvent, ReturnType<typeof encodeEvent>>();
  const started: AnalyticsSite = {
    site,
    app,
    async publish(events, onSite = site) {
      for (const event of events) {
        const message =
          encoded.get(event) ??
          encodeEvent(
            event.contract,
            event.payload,
            { site: onSite, service: event.producer },
            { time: new Date(event.time) },
          );
        encoded.set(event, message);
        await producer.send(topicFor(onSite, event.contract.stream), [message]);
      }
    },
    async publishTogether(events) {
      const messages = events.map((event) =>
        encodeEvent(event.contract, event.payload, { site, service: event.producer }, { time: new Date(event.time) }),
      );
      const stream = (events[0] as ScriptedEvent).contract.stream;
      await producer.send(topicFor(site, stream), messages);
    },
    async get(path, expected = 200) {
      return request(app.getHttpServer()).get(path).set(staff).expect(expected);
    },
    async close() {
      running.delete(started);
      await producer.disconnect();
      await app.close();
    },
  };
  running.add(started);
  return started;
}
