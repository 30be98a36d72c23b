import type { INestApplication, Type } from '@nestjs/common';
import { bearer, TestTokens } from '@technopark/security/testing';
import { eventually, infrastructureEnv, UNREACHABLE, uniqueSiteId } from '@technopark/testing';
import request from 'supertest';
import type { ServiceDescriptor } from '../config/service-descriptor';
import { startTestApp } from './start-test-app';

/** Timers and sockets alive in this process, counted by kind. */
function activeHandles(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo())
    if (kind === 'Timeout' || kind.startsWith('TCP')) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

/**
 * What every service must do from its first day, checked against the real broker and
 * database: liveness, readiness that tells the truth either way, and its OpenAPI page.
 */
export function describeServiceBoot(
  service: ServiceDescriptor,
  rootModule: Type,
  options: { readonly environment?: Record<string, string> } = {},
): void {
  describe(`${service.name} service boot`, () => {
    const tokens = new TestTokens();
    const start = (environment: Record<string, string>) =>
      startTestApp(service, rootModule, { ...tokens.environment, ...options.environment, ...environment });
    let app: INestApplication | undefined;

    afterEach(async () => {
      await app?.close();
      app = undefined;
    });

    it('is live and ready when Kafka and MongoDB answer', async () => {
      const site = uniqueSiteId();
      app = await start({ SITE_ID: site, ...infrastructureEnv() });
      const server = app.getHttpServer();

      const live = await request(server).get('/health').expect(200);
      expect(live.body).toMatchObject({ status: 'ok', name: service.name, site });

      await eventually(async () => (await request(server).get('/health/ready')).status === 200, 'readiness 200');
      const ready = await request(server).get('/health/ready').expect(200);
      expect(ready.body.details.mongodb).toMatchObject({
        status: 'up',
        database: `${service.name}_${site}`.replace(/-/g, '_'),
      });
      expect(ready.body.details.kafka).toMatchObject({ status: 'up' });
    });

    it('is live but not ready, with the reason, when Kafka and MongoDB are unreachable', async () => {
      app = await start({ SITE_ID: uniqueSiteId(), ...UNREACHABLE });
      const server = app.getHttpServer();

      await request(server).get('/health').expect(200);
      const ready = await request(server).get('/health/ready').expect(503);
      expect(ready.body.error.mongodb).toMatchObject({
        status: 'down',
        message: expect.stringContaining('MongoDB at 127.0.0.1:1'),
      });
      expect(ready.body.error.kafka).toMatchObject({
        status: 'down',
        message: expect.stringMatching(/Kafka unreachable at 127\.0\.0\.1:1: .*ECONNREFUSED/),
      });
    });

    it('leaves no retry, timer or socket behind when closed while Kafka and MongoDB are unreachable', async () => {
      const before = activeHandles();
      app = await start({ SITE_ID: uniqueSiteId(), ...UNREACHABLE });
      // Long enough for the first start-up attempts to fail and their retries to be scheduled.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await app.close();
      app = undefined;
      // Closed handles are released a few ticks later; a retry loop or a buffered query would still be alive seconds on.
      const leftovers = () =>
        Object.entries(activeHandles())
          .filter(([kind, count]) => count > (before[kind] ?? 0))
          .map(([kind]) => kind);
      await eventually(
        async () => leftovers().length === 0,
        'the closed app to release its timers and sockets',
        5_000,
      ).catch(() => undefined);
      expect(leftovers()).toEqual([]);
    });

    it('publishes its OpenAPI document with the health endpoints', async () => {
      app = await start({ SITE_ID: uniqueSiteId(), ...UNREACHABLE });
      const document = await request(app.getHttpServer()).get('/docs/openapi.json').expect(200);
      expect(document.body.info.title).toContain(service.name);
      expect(Object.keys(document.body.paths)).toEqual(
        expect.arrayContaining(['/health', '/health/ready', '/metrics']),
      );
    });

    it('exposes Prometheus metrics, the event backbone included, labelled with service and site', async () => {
      const site = uniqueSiteId();
      app = await start({ SITE_ID: site, ...UNREACHABLE });
      const metrics = await request(app.getHttpServer())
        .get('/metrics')
        .expect(200)
        .expect('Content-Type', /text\/plain/);
      for (const name of [
        'technopark_events_produced_total',
        'technopark_events_consumed_total',
        'technopark_event_handler_duration_seconds',
        'technopark_events_dead_lettered_total',
        'technopark_consumer_lag',
        'process_cpu_seconds_total',
      ]) {
        expect(metrics.text).toContain(`# TYPE ${name} `);
      }
      expect(metrics.text).toContain(`process_cpu_seconds_total{service="${service.name}",site="${site}"}`);
    });

    it('answers its API only to a valid token with a role on its site', async () => {
      const site = uniqueSiteId();
      app = await start({ SITE_ID: site, ...UNREACHABLE });
      const server = app.getHttpServer();

      const missing = await request(server).get('/v1/me').expect(401);
      expect(missing.headers['www-authenticate']).toBe('Bearer realm="technopark"');
      await request(server)
        .get('/v1/me')
        .set(bearer(await tokens.forRole('site-staff', site, { expiresIn: Math.floor(Date.now() / 1000) - 300 })))
        .expect(401);
      await request(server)
        .get('/v1/me')
        .set(bearer(await tokens.forge({ roles: ['platform-admin'] })))
        .expect(401);
      await request(server)
        .get('/v1/me')
        .set(bearer(await tokens.forRole('site-staff', site, { audience: 'another-api' })))
        .expect(401);
      const wrongSite = await request(server)
        .get('/v1/me')
        .set(bearer(await tokens.forRole('site-staff', 'another-site')))
        .expect(403);
      expect(wrongSite.body.code).toBe('AUTH.WRONG_SITE');
      const me = await request(server)
        .get('/v1/me')
        .set(bearer(await tokens.forRole('site-staff', site, { subject: 'staff-1' })))
        .expect(200);
      expect(me.body).toMatchObject({ subject: 'staff-1', actingAs: 'site-staff', site });
      expect(me.headers['x-content-type-options']).toBe('nosniff');
    });
  });
}
