import type { INestApplication } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { topicFor } from '@technopark/contracts';
import { ROLES, type Role } from '@technopark/security';
import { bearer, TestTokens } from '@technopark/security/testing';
import { eventually, header, infrastructureEnv, readTopic, testKafka, uniqueSiteId } from '@technopark/testing';
import type { Connection } from 'mongoose';
import request from 'supertest';
import { startTestApp } from '../src/testing/start-test-app';
import { SECURED_FIXTURE, SecuredFixtureModule } from './fixtures/secured/secured-fixture.module';

const tokens = new TestTokens();
const site = uniqueSiteId('casablanca');
const otherSite = uniqueSiteId('rabat');
const now = () => Math.floor(Date.now() / 1000);

interface Endpoint {
  readonly name: string;
  readonly method: 'get' | 'post';
  readonly path: (startupId: string) => string;
  /** Expected status per role, for a token of this site (site-scoped roles of another site always get 403). */
  readonly expected: Record<Role, number>;
}

const ENDPOINTS: Endpoint[] = [
  {
    name: 'register a startup',
    method: 'post',
    path: () => '/v1/startups',
    expected: {
      'platform-admin': 201,
      'site-staff': 201,
      'committee-member': 403,
      startup: 403,
      partner: 403,
      funder: 403,
      individual: 403,
      'event-host': 403,
    },
  },
  {
    name: 'read a startup',
    method: 'get',
    path: (id) => `/v1/startups/${id}`,
    expected: {
      'platform-admin': 200,
      'site-staff': 200,
      'committee-member': 200,
      startup: 200,
      partner: 403,
      funder: 403,
      individual: 403,
      'event-host': 403,
    },
  },
  {
    name: 'read a partner profile',
    method: 'get',
    path: (id) => `/v1/startups/${id}/partner-profile`,
    expected: {
      'platform-admin': 403,
      'site-staff': 403,
      'committee-member': 403,
      startup: 403,
      partner: 200,
      funder: 403,
      individual: 403,
      'event-host': 403,
    },
  },
  {
    name: 'who am I',
    method: 'get',
    path: () => '/v1/me',
    expected: {
      'platform-admin': 200,
      'site-staff': 200,
      'committee-member': 200,
      startup: 200,
      partner: 200,
      funder: 200,
      individual: 200,
      'event-host': 200,
    },
  },
];

const SITE_SCOPED: Role[] = ['site-staff', 'committee-member'];
const BAD_TOKENS: Record<string, () => Promise<string | undefined>> = {
  'no token': async () => undefined,
  'an expired token': () => tokens.forRole('platform-admin', site, { expiresIn: now() - 300 }),
  'a token not valid yet': () => tokens.forRole('platform-admin', site, { notBefore: now() + 600 }),
  'a token signed with another key': () => tokens.forge({ roles: ['platform-admin'] }),
  'a token for another audience': () => tokens.forRole('platform-admin', site, { audience: 'another-api' }),
  'a token from another issuer': () => tokens.forRole('platform-admin', site, { issuer: 'https://evil.example' }),
  'a token whose payload was altered': async () => widenToAdmin(await tokens.forRole('partner', site)),
  'a malformed token': async () => 'abc.def',
};

function widenToAdmin(token: string): string {
  const [head, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload as string, 'base64url').toString());
  return [
    head,
    Buffer.from(JSON.stringify({ ...claims, roles: ['platform-admin'] })).toString('base64url'),
    signature,
  ].join('.');
}

describe('access control on a running service', () => {
  let app: INestApplication;
  let startupId: string;
  let server: ReturnType<INestApplication['getHttpServer']>;

  const call = (endpoint: Endpoint, token?: string) => {
    const pending = request(server)
      [endpoint.method](endpoint.path(startupId))
      .set(token ? bearer(token) : {});
    return endpoint.method === 'post' ? pending.send({ name: 'Matrix Labs', partnerSharingConsent: true }) : pending;
  };

  beforeAll(async () => {
    app = await startTestApp(SECURED_FIXTURE, SecuredFixtureModule, {
      SITE_ID: site,
      PORT: '1',
      ...infrastructureEnv(),
      ...tokens.environment,
    });
    server = app.getHttpServer();
    const created = await request(server)
      .post('/v1/startups')
      .set(bearer(await tokens.forRole('site-staff', site)))
      .send({ name: 'Atlas Robotics', partnerSharingConsent: true })
      .expect(201);
    startupId = created.body.id;
  });

  afterAll(() => app?.close());

  describe.each(ENDPOINTS)('$name', (endpoint) => {
    it.each(Object.keys(BAD_TOKENS))('answers 401 with a Bearer challenge to %s', async (fault) => {
      const response = await call(endpoint, await BAD_TOKENS[fault]?.());
      expect(response.status).toBe(401);
      expect(response.headers['www-authenticate']).toMatch(
        fault === 'no token'
          ? /^Bearer realm="technopark"$/
          : /^Bearer realm="technopark", error="invalid_token", error_description=".+"$/,
      );
      expect(response.body).toMatchObject({
        statusCode: 401,
        code: expect.stringMatching(/^AUTH\./),
        message: expect.any(String),
      });
    });

    it.each([...ROLES])('answers a %s token of this site as the matrix says', async (role) => {
      const token = await tokens.forRole(role, site, role === 'startup' ? { startupId } : {});
      const response = await call(endpoint, token);
      expect(response.status).toBe(endpoint.expected[role]);
      if (response.status === 403)
        expect(response.body).toMatchObject({
          code: 'AUTH.ROLE_NOT_ALLOWED',
          message: expect.stringContaining('this endpoint is for'),
        });
    });

    it.each(SITE_SCOPED)('refuses a %s token of another site with 403 and no data', async (role) => {
      const response = await call(endpoint, await tokens.forRole(role, otherSite));
      expect(response.status).toBe(403);
      expect(JSON.stringify(response.body)).not.toContain('Atlas Robotics');
    });
  });

  it("checks site-scoped roles against the route's site where a route names one", async () => {
    const rabatStaff = bearer(await tokens.forRole('site-staff', otherSite));
    expect((await request(server).get(`/v1/sites/${otherSite}/summary`).set(rabatStaff).expect(200)).body).toEqual({
      site: otherSite,
    });
    const denied = await request(server).get(`/v1/sites/${site}/summary`).set(rabatStaff).expect(403);
    expect(denied.body.message).toBe(`the token grants site-staff for ${otherSite}, not for ${site}`);
  });

  it("lets a startup read its own record but not another startup's", async () => {
    const other = await request(server)
      .post('/v1/startups')
      .set(bearer(await tokens.forRole('site-staff', site)))
      .send({ name: 'Other Startup', partnerSharingConsent: false })
      .expect(201);
    const ownToken = await tokens.forRole('startup', site, { startupId });

    await request(server).get(`/v1/startups/${startupId}`).set(bearer(ownToken)).expect(200);
    const denied = await request(server).get(`/v1/startups/${other.body.id}`).set(bearer(ownToken)).expect(403);
    expect(denied.body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      code: 'AUTH.NOT_YOUR_STARTUP',
      message: 'this record belongs to another startup',
    });
  });

  it('records who made a change, and the actor travels in the event it causes to its consumers', async () => {
    const adminToken = await tokens.forRole('platform-admin', site, { subject: 'admin-42' });
    const created = await request(server)
      .post('/v1/startups')
      .set(bearer(adminToken))
      .send({ name: 'Actor Check', partnerSharingConsent: false })
      .expect(201);

    const stored = await app
      .get<Connection>(getConnectionToken())
      .collection('startups')
      .findOne({ _id: created.body.id });
    expect(stored?.['registeredBy']).toEqual({ id: 'admin-42', role: 'platform-admin' });

    const kafka = testKafka(infrastructureEnv().KAFKA_BROKERS);
    await eventually(
      async () =>
        (await readTopic(kafka, topicFor(site, 'startups'))).some(
          (record) => header(record, 'ce_subject') === created.body.id,
        ),
      'the event on the topic',
    );
    const [record] = (await readTopic(kafka, topicFor(site, 'startups'))).filter(
      (each) => header(each, 'ce_subject') === created.body.id,
    );
    expect(record && header(record, 'ce_type')).toBe('ma.technopark.startup.registered.v1');
    expect(JSON.parse(String(record?.value)).actor).toEqual({ id: 'admin-42', role: 'platform-admin' });

    // The consumer behind the same global guards got it too: the token guard leaves Kafka handlers alone.
    const log = app.get<Connection>(getConnectionToken()).collection('registration_log');
    await eventually(
      async () => (await log.findOne({ _id: created.body.id }))?.['registeredBy']?.id === 'admin-42',
      'the consumer to record the actor',
    );
  });
});
