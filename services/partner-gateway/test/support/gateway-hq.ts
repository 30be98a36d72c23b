import type { INestApplication } from '@nestjs/common';
import { type EventContract, topicFor } from '@technopark/contracts';
import { encodeEvent } from '@technopark/messaging';
import { startTestApp } from '@technopark/platform/testing';
import { bearer, TestTokens } from '@technopark/security/testing';
import { connectTestProducer, infrastructureEnv, testKafka, uniqueSiteId } from '@technopark/testing';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { PARTNER_GATEWAY_SERVICE } from '../../src/partner-gateway.service-descriptor';
import { GATEWAY_TEST_ENVIRONMENT } from './gateway-environment';

export const tokens = new TestTokens();

const running = new Set<GatewayHq>();
afterAll(async () => {
  for (const hq of running) await hq.close().catch(() => undefined);
});

export interface GatewayHq {
  readonly app: INestApplication;
  /** What names its sites and its own database: a gateway started again with it is the same HQ after an outage. */
  readonly tag: string;
  /** The sites this gateway reads (unique to the test). */
  readonly sites: readonly [string, string];
  readonly admin: Record<string, string>;
  http(): ReturnType<typeof request>;
  /** Registers a partner program as HQ staff do. */
  registerPartner(partnerId: string, options?: { name?: string; programIds?: string[] }): Promise<void>;
  /** A token of one partner program, or of one startup. */
  partner(partnerId: string): Promise<Record<string, string>>;
  startup(startupId: string): Promise<Record<string, string>>;
  /** An event as a site's service publishes it, on that site's topic (as MirrorMaker replicates it to HQ). */
  publish(site: string, contract: EventContract, payload: object): Promise<void>;
  /** HQ down: the gateway stops; the sites (this test's producer) keep publishing. */
  stopGateway(): Promise<void>;
  close(): Promise<void>;
}

/** A partner gateway reading two fresh sites (or those of `tag`, again), delivering fast enough for a test. */
export async function startGatewayHq(env: Record<string, string> = {}, tag = uniqueSiteId('gw')): Promise<GatewayHq> {
  const sites = [`${tag}-casa`, `${tag}-rabat`] as const;
  const producer = await connectTestProducer(testKafka(infrastructureEnv().KAFKA_BROKERS));
  const app = await startTestApp(PARTNER_GATEWAY_SERVICE, AppModule, {
    SITE_ID: `${tag}-hq`,
    ...infrastructureEnv(),
    ...tokens.environment,
    ...GATEWAY_TEST_ENVIRONMENT,
    PARTNER_SITES: sites.join('|'),
    KAFKA_NEW_TOPICS_CHECK_SECONDS: '2',
    DELIVERY_POLL_MS: '100',
    DELIVERY_FIRST_RETRY_SECONDS: '1',
    RATE_LIMIT_REQUESTS: '100000',
    ...(process.env['KAFKA_PARTNER_BROKERS'] && { PARTNER_KAFKA_BOOTSTRAP: process.env['KAFKA_PARTNER_BROKERS'] }),
    ...env,
  });
  let stopped = false;
  const hq: GatewayHq = {
    app,
    tag,
    sites,
    admin: bearer(await tokens.forRole('platform-admin', 'national')),
    http: () => request(app.getHttpServer()),
    async registerPartner(partnerId, { name = `Partner ${partnerId}`, programIds = [] } = {}) {
      await request(app.getHttpServer())
        .post('/v1/partners')
        .set(hq.admin)
        .send({ partnerId, name, programIds, contactEmail: `ops@${partnerId}.example` })
        .expect(201);
    },
    partner: async (partnerId) => bearer(await tokens.forRole('partner', 'national', { partnerId })),
    startup: async (startupId) => bearer(await tokens.forRole('startup', 'national', { startupId })),
    async publish(site, contract, payload) {
      await producer.send(topicFor(site, contract.stream), [
        encodeEvent(contract, payload, { site, service: contract.producer }),
      ]);
    },
    async stopGateway() {
      if (stopped) return;
      stopped = true;
      await app.close();
    },
    async close() {
      running.delete(hq);
      await producer.disconnect();
      await hq.stopGateway();
    },
  };
  running.add(hq);
  return hq;
}
