import { ResidencyStarted, StartupRegistered } from '@technopark/contracts';
import type { Role } from '@technopark/security';
import { bearer, describeAuthorizationMatrix, type MatrixEndpoint } from '@technopark/security/testing';
import { uniqueSiteId } from '@technopark/testing';
import { type FundingSite, startFundingSite, tokens } from './support/funding-site';
import { NETWORK_DAY, NETWORK_FUNDERS, SOUSS_AGRITECH } from './support/scripted-network';

type Endpoint = Omit<MatrixEndpoint, 'path' | 'passes'> & {
  readonly path: (ids: Ids) => string;
  readonly passes?: number;
};
interface Ids {
  introductionId: string;
  fundingId: string;
}

const STAFF: Role[] = ['platform-admin', 'site-staff'];
const startupId = SOUSS_AGRITECH.registered.startupId;
const matchId = `${startupId}:seed-alpha`;
const badNote = { note: '' };

const ENDPOINTS: Record<string, Endpoint> = {
  'register a funder': {
    method: 'post',
    path: () => '/v1/funders',
    body: { funderId: 'X' },
    allowed: ['platform-admin'],
  },
  'list funders': { method: 'get', path: () => '/v1/funders', allowed: [...STAFF, 'startup', 'funder'] },
  'read a funder': { method: 'get', path: () => '/v1/funders/seed-alpha', allowed: [...STAFF, 'startup', 'funder'] },
  'change a funder': {
    method: 'patch',
    path: () => '/v1/funders/seed-alpha',
    body: { ticketMinMad: -1 },
    allowed: ['platform-admin'],
  },
  'read a funding profile': {
    method: 'get',
    path: () => `/v1/startups/${startupId}/funding-profile`,
    allowed: [...STAFF, 'startup'],
  },
  'say what it seeks': {
    method: 'put',
    path: () => `/v1/startups/${startupId}/funding-profile/seeking`,
    body: { amountMad: 0 },
    allowed: [...STAFF, 'startup'],
  },
  "read a startup's matches": {
    method: 'get',
    path: () => `/v1/startups/${startupId}/matches`,
    allowed: [...STAFF, 'startup'],
  },
  'read a match': { method: 'get', path: () => `/v1/matches/${matchId}`, allowed: [...STAFF, 'startup'] },
  "read a funder's deal flow": {
    method: 'get',
    path: () => '/v1/funders/seed-alpha/deal-flow',
    allowed: [...STAFF, 'funder'],
  },
  'pin a match': { method: 'post', path: () => `/v1/matches/${matchId}/pin`, body: {}, allowed: STAFF },
  'unpin a match': { method: 'delete', path: () => `/v1/matches/${matchId}/pin`, allowed: STAFF, passes: 409 },
  'suppress a match': { method: 'post', path: () => `/v1/matches/${matchId}/suppress`, body: {}, allowed: STAFF },
  'unsuppress a match': {
    method: 'delete',
    path: () => `/v1/matches/${matchId}/suppress`,
    allowed: STAFF,
    passes: 409,
  },
  'read the weights': { method: 'get', path: () => '/v1/match-weights', allowed: STAFF },
  'set the weights': { method: 'put', path: () => '/v1/match-weights', body: { threshold: 101 }, allowed: STAFF },
  'ask for an introduction': {
    method: 'post',
    path: () => '/v1/introductions',
    body: { startupId: 'x' },
    allowed: [...STAFF, 'startup'],
  },
  'list introductions': { method: 'get', path: () => '/v1/introductions', allowed: [...STAFF, 'startup', 'funder'] },
  'read an introduction': {
    method: 'get',
    path: (ids) => `/v1/introductions/${ids.introductionId}`,
    allowed: [...STAFF, 'startup', 'funder'],
  },
  consent: {
    method: 'post',
    path: (ids) => `/v1/introductions/${ids.introductionId}/consent`,
    body: badNote,
    allowed: ['startup'],
  },
  accept: {
    method: 'post',
    path: (ids) => `/v1/introductions/${ids.introductionId}/accept`,
    body: badNote,
    allowed: [...STAFF, 'funder'],
  },
  decline: {
    method: 'post',
    path: (ids) => `/v1/introductions/${ids.introductionId}/decline`,
    body: badNote,
    allowed: [...STAFF, 'funder'],
  },
  meet: {
    method: 'post',
    path: (ids) => `/v1/introductions/${ids.introductionId}/meet`,
    body: badNote,
    allowed: [...STAFF, 'funder'],
  },
  diligence: {
    method: 'post',
    path: (ids) => `/v1/introductions/${ids.introductionId}/diligence`,
    body: badNote,
    allowed: [...STAFF, 'funder'],
  },
  'term sheet': {
    method: 'post',
    path: (ids) => `/v1/introductions/${ids.introductionId}/term-sheet`,
    body: badNote,
    allowed: [...STAFF, 'funder'],
  },
  close: {
    method: 'post',
    path: (ids) => `/v1/introductions/${ids.introductionId}/close`,
    body: badNote,
    allowed: [...STAFF, 'funder', 'startup'],
  },
  'record a raise': {
    method: 'post',
    path: () => '/v1/fundings',
    body: { amountMad: 0 },
    allowed: [...STAFF, 'startup'],
  },
  'list raises': { method: 'get', path: () => '/v1/fundings', allowed: [...STAFF, 'startup', 'funder'] },
  'read a raise': {
    method: 'get',
    path: (ids) => `/v1/fundings/${ids.fundingId}`,
    allowed: [...STAFF, 'startup', 'funder'],
  },
};

describe('who may do what in funding matching', () => {
  let site: FundingSite;
  const ids: Ids = { introductionId: '', fundingId: '' };
  const otherSite = uniqueSiteId('rabat');

  beforeAll(async () => {
    site = await startFundingSite({ today: NETWORK_DAY });
    await site
      .http()
      .post('/v1/funders')
      .set(site.admin)
      .send({ ...NETWORK_FUNDERS[0], sites: [site.site], contact: { name: 'Deal desk', email: 'deals@seed.example' } })
      .expect(201);
    await site.publish(StartupRegistered, SOUSS_AGRITECH.registered);
    await site.publish(ResidencyStarted, SOUSS_AGRITECH.started as object);
    await site.settle(
      async () => (await site.http().get(`/v1/matches/${matchId}`).set(site.staff)).status === 200,
      'the match',
    );
    const founder = bearer(await tokens.forRole('startup', site.site, { startupId }));
    ids.introductionId = (
      await site.http().post('/v1/introductions').set(founder).send({ startupId, funderId: 'seed-alpha' }).expect(201)
    ).body.id;
    ids.fundingId = (
      await site
        .http()
        .post('/v1/fundings')
        .set(site.staff)
        .send({
          startupId,
          funderId: 'seed-alpha',
          amountMad: 100_000,
          instrument: 'equity',
          raisedOn: NETWORK_DAY,
          evidence: { kind: 'bank-transfer', reference: 'TX-0001' },
        })
        .expect(201)
    ).body.id;
  }, 120_000);

  const tokenFor = (role: Role, onSite = site.site) =>
    tokens.forRole(
      role,
      onSite,
      role === 'startup' ? { startupId } : role === 'funder' ? { funderId: 'seed-alpha' } : {},
    );

  // A caller let through gets the invalid body's 400, a read's 200, or the stated answer.
  const matrix = Object.fromEntries(
    Object.entries(ENDPOINTS).map(([name, endpoint]) => [
      name,
      { ...endpoint, path: () => endpoint.path(ids), passes: endpoint.passes ?? (endpoint.body ? 400 : 200) },
    ]),
  );
  describeAuthorizationMatrix(matrix, () => ({
    otherSite,
    tokenFor,
    call: (endpoint, headers) => {
      const pending = site.http()[endpoint.method](endpoint.path()).set(headers);
      return endpoint.body ? pending.send(endpoint.body) : pending;
    },
  }));

  it('keeps a startup to its own records and a funder to its own deal flow', async () => {
    const stranger = bearer(
      await tokens.forRole('startup', site.site, { startupId: '6f1c1c2e-5a43-4b7e-9a53-0b1c2d3e4f50' }),
    );
    for (const path of [
      `/v1/startups/${startupId}/funding-profile`,
      `/v1/startups/${startupId}/matches`,
      `/v1/matches/${matchId}`,
      `/v1/introductions/${ids.introductionId}`,
      `/v1/fundings/${ids.fundingId}`,
    ])
      expect([path, (await site.http().get(path).set(stranger)).body.code]).toEqual([path, 'AUTH.NOT_YOUR_STARTUP']);
    expect((await site.http().get('/v1/introductions').set(stranger).expect(200)).body.items).toEqual([]);
    const otherFunder = bearer(await tokens.forRole('funder', site.site, { funderId: 'vc-beta' }));
    expect((await site.http().get('/v1/funders/seed-alpha/deal-flow').set(otherFunder).expect(403)).body.code).toBe(
      'AUTH.NOT_YOUR_FUNDER',
    );
    expect((await site.http().get(`/v1/fundings/${ids.fundingId}`).set(otherFunder).expect(403)).body.code).toBe(
      'AUTH.NOT_YOUR_FUNDER',
    );
    expect((await site.http().get('/v1/introductions').set(otherFunder).expect(200)).body.items).toEqual([]);
    const own = await site
      .http()
      .get('/v1/funders/seed-alpha')
      .set(bearer(await tokenFor('funder')))
      .expect(200);
    const others = await site.http().get('/v1/funders/seed-alpha').set(otherFunder).expect(200);
    expect([own.body.contact !== undefined || own.body.id === 'seed-alpha', others.body.contact]).toEqual([
      true,
      undefined,
    ]);
    const nameless = bearer(await tokens.forRole('funder', site.site, { funderId: undefined }));
    await site.http().get('/v1/funders').set(nameless).expect(401);
  });
});
