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
import { FUNDING_MATCHING_SERVICE } from '../../src/funding-matching.service-descriptor';
import { FundingSweeper } from '../../src/funding-sweeper';
import { MatchingQueue } from '../../src/matching/matching-queue';

export { TestClock };
export const tokens = new TestTokens();

/** Sites not closed yet: a test that fails half-way must not leave a service running. */
const running = new Set<FundingSite>();
afterAll(async () => {
  for (const site of running) await site.close().catch(() => undefined);
});

export interface FundingSite {
  readonly app: INestApplication;
  readonly site: string;
  readonly clock: TestClock;
  readonly staff: Record<string, string>;
  readonly admin: Record<string, string>;
  http(): ReturnType<typeof request>;
  /** Produces events as their services would, to the site's topics. */
  publish(contract: EventContract, payload: object): Promise<void>;
  /** Waits until the consumer and the background recomputations have caught up, as `probe` says. */
  settle(probe: () => Promise<boolean>, description: string): Promise<void>;
  /** One sweep, as the background task runs it, then the recomputations it queued. */
  sweep(): Promise<Record<string, number>>;
  /** The CloudEvents types and payloads published on one of the site's streams about one subject. */
  eventsAbout(stream: string, subject: string): Promise<PublishedEvent[]>;
  close(): Promise<void>;
}

/** A funding-matching service on a fresh site of its own, with its clock on `today`. */
export async function startFundingSite(
  /** `site`: start again on a site an earlier start used (its database as that one left it). */
  options: { today?: string; env?: Record<string, string>; site?: string } = {},
): Promise<FundingSite> {
  const site = options.site ?? uniqueSiteId('funding');
  const clock = options.today ? TestClock.startingOn(options.today) : new TestClock();
  const kafka = testKafka(infrastructureEnv().KAFKA_BROKERS);
  const producer = await connectTestProducer(kafka);
  const app = await startTestApp(
    FUNDING_MATCHING_SERVICE,
    AppModule,
    { SITE_ID: site, ...infrastructureEnv(), ...tokens.environment, SWEEP_INTERVAL_SECONDS: '3600', ...options.env },
    (builder) => builder.overrideProvider(Clock).useValue(clock),
  );
  const queue = app.get(MatchingQueue);
  const started: FundingSite = {
    app,
    site,
    clock,
    staff: bearer(await tokens.forRole('site-staff', site)),
    admin: bearer(await tokens.forRole('platform-admin', site)),
    http: () => request(app.getHttpServer()),
    async publish(contract, payload) {
      const message = encodeEvent(contract, payload, { site, service: contract.producer });
      await producer.send(topicFor(site, contract.stream), [message]);
    },
    async settle(probe, description) {
      await eventually(
        async () => {
          await queue.idle();
          return probe();
        },
        description,
        60_000,
      );
    },
    async sweep() {
      const report = await app.get(FundingSweeper).sweep();
      await queue.idle();
      return report;
    },
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
