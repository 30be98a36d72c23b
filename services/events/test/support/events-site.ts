import type { INestApplication } from '@nestjs/common';
import { type EventContract, topicFor } from '@technopark/contracts';
import { encodeEvent } from '@technopark/messaging';
import { Clock } from '@technopark/platform';
import { startTestApp, TestClock } from '@technopark/platform/testing';
import { bearer, TestTokens } from '@technopark/security/testing';
import {
  connectTestProducer,
  eventually,
  infrastructureEnv,
  testKafka,
  uniqueSiteId,
  eventsAbout,
  type PublishedEvent,
} from '@technopark/testing';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { EVENTS_SERVICE } from '../../src/events.service-descriptor';
import { EventsSweeper } from '../../src/events-sweeper';
import { EVENTS_TEST_ENVIRONMENT } from './events-environment';

export const tokens = new TestTokens();

/** Sites not closed yet: a test that fails half-way must not leave a service running. */
const running = new Set<EventsSite>();
afterAll(async () => {
  for (const site of running) await site.close().catch(() => undefined);
});

export interface EventsSite {
  readonly app: INestApplication;
  readonly site: string;
  readonly clock: TestClock;
  readonly staff: Record<string, string>;
  http(): ReturnType<typeof request>;
  /** Produces events as their services would, to the site's topics. */
  publish(contract: EventContract, payload: object): Promise<void>;
  sweep(): ReturnType<EventsSweeper['sweep']>;
  /** The CloudEvents types and payloads published on one of the site's streams about one subject. */
  eventsAbout(stream: string, subject: string): Promise<PublishedEvent[]>;
  close(): Promise<void>;
}

/** An events service on a fresh site of its own. */
export async function startEventsSite(env: Record<string, string> = {}): Promise<EventsSite> {
  const site = env['SITE_ID'] ?? uniqueSiteId('events');
  const clock = new TestClock();
  const kafka = testKafka(infrastructureEnv().KAFKA_BROKERS);
  const producer = await connectTestProducer(kafka);
  const app = await startTestApp(
    EVENTS_SERVICE,
    AppModule,
    {
      SITE_ID: site,
      ...infrastructureEnv(),
      ...tokens.environment,
      ...EVENTS_TEST_ENVIRONMENT,
      SWEEP_INTERVAL_SECONDS: '3600',
      RATE_LIMIT_REQUESTS: '100000',
      ...env,
    },
    (builder) => builder.overrideProvider(Clock).useValue(clock),
  );
  const started: EventsSite = {
    app,
    site,
    clock,
    staff: bearer(await tokens.forRole('site-staff', site)),
    http: () => request(app.getHttpServer()),
    async publish(contract, payload) {
      const message = encodeEvent(contract, payload, { site, service: contract.producer });
      await producer.send(topicFor(site, contract.stream), [message]);
    },
    sweep: () => app.get(EventsSweeper).sweep(),
    eventsAbout: (stream, subject) => eventsAbout(kafka, topicFor(site, stream), subject),
    async close() {
      running.delete(started);
      await producer.disconnect();
      await app.close();
    },
  };
  running.add(started);
  return started;
}

/** Waits for what an event consumed changes. */
export const until = (probe: () => Promise<boolean>, what: string) => eventually(probe, what, 60_000);

const HOUR = 3_600_000;

/** A draft's body: registration open now, the event in two days, online unless it names a room. */
export function eventBody(overrides: Record<string, unknown> = {}, startInHours = 48): Record<string, unknown> {
  const now = Date.now();
  return {
    kind: 'workshop',
    title: { fr: 'Atelier levée de fonds', en: 'Fundraising workshop' },
    startsAt: new Date(now + startInHours * HOUR).toISOString(),
    endsAt: new Date(now + (startInHours + 3) * HOUR).toISOString(),
    capacity: 40,
    registrationOpensAt: new Date(now - HOUR).toISOString(),
    registrationClosesAt: new Date(now + (startInHours - 1) * HOUR).toISOString(),
    eligibility: 'public',
    onlineUrl: 'https://meet.example.ma/technopark',
    ...overrides,
  };
}
