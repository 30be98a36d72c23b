import type { Role } from '@technopark/security';
import { bearer, describeAuthorizationMatrix, type MatrixEndpoint } from '@technopark/security/testing';
import { uniqueSiteId } from '@technopark/testing';
import type { Residency } from '../src/residencies/schemas/residency.schema';
import { coworking, type ResidencySite, startResidencySite, tokens } from './support/residency-site';

type Endpoint = Omit<MatrixEndpoint, 'path' | 'passes'> & { readonly path: (residencyId: string) => string };

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
  'allocate by hand': {
    method: 'post',
    path: (id) => `/v1/residencies/${id}/allocate`,
    body: { spaceId: 'Not A Space!' },
    allowed: STAFF,
  },
  'record a move-in': {
    method: 'post',
    path: (id) => `/v1/residencies/${id}/start`,
    body: { startedOn: 'soon' },
    allowed: STAFF,
  },
  extend: { method: 'post', path: (id) => `/v1/residencies/${id}/extend`, body: { months: 0 }, allowed: STAFF },
  move: { method: 'post', path: (id) => `/v1/residencies/${id}/move`, body: {}, allowed: STAFF },
  end: { method: 'post', path: (id) => `/v1/residencies/${id}/end`, body: {}, allowed: STAFF },
  decline: {
    method: 'post',
    path: (id) => `/v1/residencies/${id}/decline`,
    body: { note: '' },
    allowed: [...STAFF, 'startup'],
  },
  'read the waitlist': { method: 'get', path: () => '/v1/waitlist', allowed: READERS },
  'reorder the waitlist': {
    method: 'put',
    path: (id) => `/v1/waitlist/${id}/position`,
    body: { position: 0 },
    allowed: STAFF,
  },
  'submit a report': {
    method: 'post',
    path: (id) => `/v1/residencies/${id}/reports`,
    body: {},
    allowed: [...STAFF, 'startup'],
  },
  "read a residency's reports": {
    method: 'get',
    path: (id) => `/v1/residencies/${id}/reports`,
    allowed: [...READERS, 'startup'],
  },
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
  const tokenFor = (role: Role, onSite = site.site) =>
    tokens.forRole(role, onSite, role === 'startup' ? { startupId: residency.startupId } : {});

  // A caller let through gets the invalid body's 400, a read's 200, or the 409 of a move the allocated residency does not allow.
  const matrix = Object.fromEntries(
    Object.entries(ENDPOINTS).map(([name, endpoint]) => [
      name,
      {
        ...endpoint,
        path: () => endpoint.path(residency._id),
        passes: endpoint.body ? 400 : endpoint.method === 'get' ? 200 : 409,
      },
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

  it("keeps a startup to its own residency's records", async () => {
    const stranger = bearer(
      await tokens.forRole('startup', site.site, { startupId: '6f1c1c2e-5a43-4b7e-9a53-0b1c2d3e4f50' }),
    );
    for (const endpoint of [ENDPOINTS['read a residency'], ENDPOINTS["read a residency's reports"]] as Endpoint[]) {
      expect((await call(endpoint, stranger)).body.code).toBe('AUTH.NOT_YOUR_STARTUP');
    }
    expect(
      (await site.http().post(`/v1/residencies/${residency._id}/decline`).set(stranger).send({}).expect(403)).body.code,
    ).toBe('AUTH.NOT_YOUR_STARTUP');
    const own = await site.http().get('/v1/residencies').set(stranger).expect(200);
    expect(own.body.items).toEqual([]);
    const nameless = bearer(await tokens.forRole('startup', site.site, { startupId: undefined }));
    await site.http().get('/v1/residencies').set(nameless).expect(401);
    const mine = bearer(await tokenFor('startup'));
    expect(
      (
        await site.http().get(`/v1/residencies?startupId=6f1c1c2e-5a43-4b7e-9a53-0b1c2d3e4f50`).set(mine).expect(200)
      ).body.items.map((item: { id: string }) => item.id),
    ).toEqual([residency._id]);
    expect((await site.http().get(`/v1/residencies/${residency._id}`).set(site.staff).expect(200)).body.status).toBe(
      'allocated',
    );
  });
});
