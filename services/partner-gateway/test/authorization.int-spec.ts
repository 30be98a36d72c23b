import { randomUUID } from 'node:crypto';
import { StartupRegistered } from '@technopark/contracts';
import type { Role } from '@technopark/security';
import { describeAuthorizationMatrix, type MatrixEndpoint } from '@technopark/security/testing';
import { eventually, uniqueSiteId } from '@technopark/testing';
import { type GatewayHq, startGatewayHq, tokens } from './support/gateway-hq';
import { siteEvents } from './support/site-events';

type Endpoint = Omit<MatrixEndpoint, 'path' | 'passes'> & { readonly path: () => string; readonly passes?: number };

const partnerId = `auth-${randomUUID().slice(0, 8)}`;
const startupId = randomUUID();
let subscriptionId = '';
const STAFF_AND_PARTNER: Role[] = ['platform-admin', 'partner'];
const STARTUP_SIDE: Role[] = ['platform-admin', 'startup'];
const partners = `/v1/partners/${partnerId}`;
const subscription = () => `${partners}/subscriptions/${subscriptionId}`;
const consents = `/v1/startups/${startupId}/partner-consents`;
const unknownDelivery = `${partners}/deliveries/nothing-here`;

const ENDPOINTS: Record<string, Endpoint> = {
  'register a partner': {
    method: 'post',
    path: () => '/v1/partners',
    body: { partnerId: 'X' },
    allowed: ['platform-admin'],
  },
  'list partners': { method: 'get', path: () => '/v1/partners', allowed: ['platform-admin'] },
  'read a partner': { method: 'get', path: () => partners, allowed: STAFF_AND_PARTNER },
  "read a partner's status": { method: 'get', path: () => `${partners}/status`, allowed: STAFF_AND_PARTNER },
  "read a partner's AsyncAPI": { method: 'get', path: () => `${partners}/asyncapi.json`, allowed: STAFF_AND_PARTNER },
  subscribe: {
    method: 'post',
    path: () => `${partners}/subscriptions`,
    body: { delivery: 1 },
    allowed: STAFF_AND_PARTNER,
  },
  'list subscriptions': { method: 'get', path: () => `${partners}/subscriptions`, allowed: STAFF_AND_PARTNER },
  'read a subscription': { method: 'get', path: subscription, allowed: STAFF_AND_PARTNER },
  'rotate a secret': {
    method: 'post',
    path: () => `${partners}/subscriptions/${randomUUID()}/rotate-secret`,
    allowed: STAFF_AND_PARTNER,
    passes: 404,
  },
  'retry now': {
    method: 'post',
    path: () => `${partners}/subscriptions/${randomUUID()}/retry-now`,
    allowed: STAFF_AND_PARTNER,
    passes: 404,
  },
  resume: { method: 'post', path: () => `${subscription()}/resume`, allowed: STAFF_AND_PARTNER, passes: 409 },
  'end a subscription': {
    method: 'delete',
    path: () => `${partners}/subscriptions/${randomUUID()}`,
    allowed: STAFF_AND_PARTNER,
    passes: 404,
  },
  replay: { method: 'post', path: () => `${subscription()}/replay`, body: {}, allowed: STAFF_AND_PARTNER },
  "read a replay's progress": {
    method: 'get',
    path: () => `${subscription()}/replays/replay-${randomUUID()}`,
    allowed: STAFF_AND_PARTNER,
    passes: 404,
  },
  'read the delivery log': { method: 'get', path: () => `${partners}/deliveries`, allowed: STAFF_AND_PARTNER },
  'read a delivery': { method: 'get', path: () => unknownDelivery, allowed: STAFF_AND_PARTNER, passes: 404 },
  redeliver: { method: 'post', path: () => `${unknownDelivery}/redeliver`, allowed: STAFF_AND_PARTNER, passes: 404 },
  "read a startup's consents": { method: 'get', path: () => consents, allowed: STARTUP_SIDE },
  'read the consent history': { method: 'get', path: () => `${consents}/history`, allowed: STARTUP_SIDE },
  grant: {
    method: 'post',
    path: () => `${consents}/${partnerId}/grant`,
    body: { scopes: ['x'] },
    allowed: STARTUP_SIDE,
  },
  revoke: {
    method: 'post',
    path: () => `${consents}/${partnerId}/revoke`,
    body: { scopes: [] },
    allowed: STARTUP_SIDE,
  },
};

describe('who may call the partner gateway', () => {
  let hq: GatewayHq;
  const otherSite = uniqueSiteId('other');

  beforeAll(async () => {
    hq = await startGatewayHq();
    await hq.registerPartner(partnerId, { name: 'Matrix partner' });
    const created = await hq
      .http()
      .post(`${partners}/subscriptions`)
      .set(hq.admin)
      .send({ delivery: { kind: 'webhook', url: 'http://127.0.0.1:9/hooks' } })
      .expect(201);
    subscriptionId = created.body.subscriptionId;
    await hq.publish(hq.sites[0], StartupRegistered, siteEvents.registered(startupId, false));
    await eventually(
      async () => (await hq.http().get(consents).set(hq.admin)).status === 200,
      'the startup known',
      60_000,
    );
  }, 90_000);
  afterAll(() => hq?.close());

  const tokenFor = (role: Role, onSite = 'national') =>
    tokens.forRole(role, onSite, role === 'partner' ? { partnerId } : role === 'startup' ? { startupId } : {});

  // A caller let through gets the invalid body's 400, a read's 200, or the stated answer.
  const matrix = Object.fromEntries(
    Object.entries(ENDPOINTS).map(([name, endpoint]) => [
      name,
      { ...endpoint, passes: endpoint.passes ?? (endpoint.body ? 400 : 200) },
    ]),
  );
  describeAuthorizationMatrix(matrix, () => ({
    otherSite,
    tokenFor,
    call: (endpoint, headers) => {
      const pending = hq.http()[endpoint.method](endpoint.path()).set(headers);
      return endpoint.body ? pending.send(endpoint.body) : pending;
    },
  }));
});
