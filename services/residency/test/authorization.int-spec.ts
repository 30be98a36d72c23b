import { ROLES, type Role } from '@technopark/security';
import { bearer } from '@technopark/security/testing';
import { uniqueSiteId } from '@technopark/testing';
import type { Residency } from '../src/residencies/schemas/residency.schema';
import { coworking, type ResidencySite, startResidencySite, tokens } from './support/residency-site';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

interface Endpoint {
  readonly method: Method;
  readonly path: (residencyId: string) => string;
  /** Sent by mutations: invalid, so a caller let through gets a 400 and nothing changes. */
  readonly body?: object;
  /** Roles let through (a token of this site); every other role gets 403. */
  readonly allowed: readonly Role[];
}

const STAFF: Role[] = ['platform-admin', 'site-staff'];
const READERS: Role[] = [...STAFF, 'committee-member'];

const ENDPOINTS: Record<string, Endpoint> = {
  'register a space': { method: 'post', path: () => '/v1/spaces', body: { id: 'x' }, allowed: STAFF },
  'list spaces': { method: 'get', path: () => '/v1/spaces', allowed: READERS },
  'read a space': { method: 'get', path: () => '/v1/spaces/hub', allowed: READERS },
  'change a space': { method: 'patch', path: () => '/v1/spaces/hub', body: { seats: 0 }, allowed: STAFF },
  'retire a space': { method: 'delete', path: () => '/v1/spaces/hub', allowed: STAFF },
  'list residencies': { method: 'get', path: () => '/v1/residencies', allowed: [...READERS, 'startup'] },
  'read a residency': { method: 'get', path: (id) => `/v1/residencies/${id}`, allowed: [...READERS, 'startup'] },
  'allocate by hand': { method: 'post', path: (id) => `/v1/residencies/${id}/allocate`, body: { spaceId: 'Not A Space!' }, allowed: STAFF },
  'record a move-in': { method: 'post', path: (id) => `/v1/residencies/${id}/start`, body: { startedOn: 'soon' }, allowed: STAFF },
  'extend': { method: 'post', path: (id) => `/v1/residencies/${id}/extend`, body: { months: 0 }, allowed: STAFF },
  'move': { method: 'post', path: (id) => `/v1/residencies/${id}/move`, body: {}, allowed: STAFF },
  'end': { method: 'post', path: (id) => `/v1/residencies/${id}/end`, body: {}, allowed: STAFF },
  'decline': { method: 'post', path: (id) => `/v1/residencies/${id}/decline`, body: { note: '' }, allowed: [...STAFF, 'startup'] },
  'read the waitlist': { method: 'get', path: () => '/v1/waitlist', allowed: READERS },
  'reorder the waitlist': { method: 'put', path: (id) => `/v1/waitlist/${id}/position`, body: { position: 0 }, allowed: STAFF },
  'submit a report': { method: 'post', path: (id) => `/v1/residencies/${id}/reports`, body: {}, allowed: [...STAFF, 'startup'] },
  "read a residency's reports": { method: 'get', path: (id) => `/v1/residencies/${id}/reports`, allowed: [...READERS, 'startup'] },
  "read the site's reports": { method: 'get', path: () => '/v1/reports', allowed: READERS },
  'read the occupancy': { method: 'get', path: () => '/v1/occupancy', allowed: [...READERS, 'partner'] },
};

describe('who may do what on a site', () => {
  let site: ResidencySite;
  let residency: Residency;
  const otherSite = uniqueSiteId('rabat');

  beforeAll(async () => {
    site = await startResidencySite({ spaces: [coworking('hub', 4)] });
    residency = await site.accept(2);
  });
  afterAll(() => site?.app.close());

  const call = (endpoint: Endpoint, headers: Record<string, string>) => {
    const pending = site.http()[endpoint.method](endpoint.path(residency._id)).set(headers);
    return endpoint.body ? pending.send(endpoint.body) : pending;
  };
  const tokenFor = (role: Role, onSite = site.site) => tokens.forRole(role, onSite, role === 'startup' ? { startupId: residency.startupId } : {});

  describe.each(Object.entries(ENDPOINTS))('%s', (_name, endpoint) => {
    it.each(ROLES.map((role) => [role] as const))('as %s', async (role) => {
      const response = await call(endpoint, bearer(await tokenFor(role)));
      if (endpoint.allowed.includes(role)) {
        expect([401, 403]).not.toContain(response.status);
        expect(response.status).toBe(endpoint.body ? 400 : endpoint.method === 'get' ? 200 : 409);
      } else {
        expect(response.status).toBe(403);
        expect(response.body.code).toBe('AUTH.ROLE_NOT_ALLOWED');
      }
    });

    it('refuses staff and committee of another site, and callers without a token', async () => {
      for (const role of ['site-staff', 'committee-member'] as const) {
        const response = await call(endpoint, bearer(await tokenFor(role, otherSite)));
        expect([role, response.status, response.body.code]).toEqual([role, 403, endpoint.allowed.includes(role) ? 'AUTH.WRONG_SITE' : 'AUTH.ROLE_NOT_ALLOWED']);
      }
      expect((await call(endpoint, {})).status).toBe(401);
    });
  });

  it("keeps a startup to its own residency's records", async () => {
    const stranger = bearer(await tokens.forRole('startup', site.site, { startupId: '6f1c1c2e-5a43-4b7e-9a53-0b1c2d3e4f50' }));
    for (const endpoint of [ENDPOINTS['read a residency'], ENDPOINTS["read a residency's reports"]] as Endpoint[]) {
      expect((await call(endpoint, stranger)).body.code).toBe('AUTH.NOT_YOUR_STARTUP');
    }
    expect((await site.http().post(`/v1/residencies/${residency._id}/decline`).set(stranger).send({}).expect(403)).body.code).toBe('AUTH.NOT_YOUR_STARTUP');
    const own = await site.http().get('/v1/residencies').set(stranger).expect(200);
    expect(own.body.items).toEqual([]);
    const nameless = bearer(await tokens.forRole('startup', site.site, { startupId: undefined }));
    await site.http().get('/v1/residencies').set(nameless).expect(401);
    const mine = bearer(await tokenFor('startup'));
    expect((await site.http().get(`/v1/residencies?startupId=6f1c1c2e-5a43-4b7e-9a53-0b1c2d3e4f50`).set(mine).expect(200)).body.items.map((item: { id: string }) => item.id)).toEqual([residency._id]);
    expect((await site.http().get(`/v1/residencies/${residency._id}`).set(site.staff).expect(200)).body.status).toBe('allocated');
  });
});
