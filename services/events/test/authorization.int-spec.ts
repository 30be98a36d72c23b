import type { Role } from '@technopark/security';
import { bearer, describeAuthorizationMatrix, type MatrixEndpoint } from '@technopark/security/testing';
import { uniqueSiteId } from '@technopark/testing';
import { eventBody, type EventsSite, startEventsSite, tokens } from './support/events-site';

type Endpoint = Omit<MatrixEndpoint, 'path' | 'passes'> & {
  readonly path: (ids: Ids) => string;
  readonly passes?: number;
};
interface Ids {
  eventId: string;
  registrationId: string;
}

const STAFF: Role[] = ['platform-admin', 'site-staff'];
// Who follows a competition's judging: staff, jurors (committee members) and the event's host.
const JURY_SIDE: Role[] = [...STAFF, 'committee-member', 'event-host'];
const startupId = '6f1c1c2e-5a43-4b7e-9a53-0b1c2d3e4f50';

const ENDPOINTS: Record<string, Endpoint> = {
  'draft an event': { method: 'post', path: () => '/v1/events', body: { kind: 'X' }, allowed: STAFF },
  'list events': { method: 'get', path: () => '/v1/events', allowed: STAFF },
  'read an event': { method: 'get', path: (ids) => `/v1/events/${ids.eventId}`, allowed: STAFF },
  'change an event': {
    method: 'patch',
    path: (ids) => `/v1/events/${ids.eventId}`,
    body: { capacity: 0 },
    allowed: STAFF,
  },
  publish: {
    method: 'post',
    path: () => '/v1/events/00000000-0000-4000-8000-00000000dead/publish',
    allowed: STAFF,
    passes: 404,
  },
  postpone: {
    method: 'post',
    path: (ids) => `/v1/events/${ids.eventId}/postpone`,
    body: { reason: '' },
    allowed: STAFF,
  },
  cancel: { method: 'post', path: (ids) => `/v1/events/${ids.eventId}/cancel`, body: { reason: '' }, allowed: STAFF },
  complete: { method: 'post', path: (ids) => `/v1/events/${ids.eventId}/complete`, allowed: STAFF, passes: 422 },
  register: {
    method: 'post',
    path: (ids) => `/v1/events/${ids.eventId}/registrations`,
    body: { seats: 0 },
    allowed: [...STAFF, 'startup', 'individual'],
  },
  'list registrations': { method: 'get', path: (ids) => `/v1/events/${ids.eventId}/registrations`, allowed: STAFF },
  'read a registration': {
    method: 'get',
    path: (ids) => `/v1/events/${ids.eventId}/registrations/00000000-0000-4000-8000-00000000dead`,
    allowed: [...STAFF, 'startup', 'individual'],
    passes: 404,
  },
  'cancel a registration': {
    method: 'post',
    path: (ids) => `/v1/events/${ids.eventId}/registrations/00000000-0000-4000-8000-00000000dead/cancel`,
    allowed: [...STAFF, 'startup', 'individual'],
    passes: 404,
  },
  'check in': {
    method: 'post',
    path: (ids) => `/v1/events/${ids.eventId}/check-ins`,
    body: { code: 1 },
    allowed: [...STAFF, 'event-host'],
  },
  'let a walk-in in': {
    method: 'post',
    path: (ids) => `/v1/events/${ids.eventId}/walk-ins`,
    body: { startupId: 'x' },
    allowed: [...STAFF, 'event-host'],
  },
  'list rooms': { method: 'get', path: () => '/v1/rooms', allowed: STAFF },
  'record an interest': {
    method: 'post',
    path: (ids) => `/v1/events/${ids.eventId}/interests`,
    body: { funderId: 'X' },
    allowed: [...STAFF, 'funder'],
  },
  'list interests': { method: 'get', path: (ids) => `/v1/events/${ids.eventId}/interests`, allowed: STAFF },
  'my calendar link': { method: 'get', path: () => '/v1/me/calendar-link', allowed: ['startup', 'individual'] },
  'read a room': { method: 'get', path: () => '/v1/rooms/none', allowed: STAFF, passes: 404 },
  'set up a competition': {
    method: 'put',
    path: (ids) => `/v1/events/${ids.eventId}/competition`,
    body: { rubric: 'x' },
    allowed: STAFF,
  },
  // The matrix's event is a workshop: there is no competition to read, a 404 once let through.
  'read a competition': {
    method: 'get',
    path: (ids) => `/v1/events/${ids.eventId}/competition`,
    allowed: JURY_SIDE,
    passes: 404,
  },
  'read the standings': {
    method: 'get',
    path: (ids) => `/v1/events/${ids.eventId}/competition/standings`,
    allowed: JURY_SIDE,
    passes: 404,
  },
  'publish results': {
    method: 'post',
    path: (ids) => `/v1/events/${ids.eventId}/competition/results`,
    body: { tieOrder: 'x' },
    allowed: STAFF,
  },
  'enter a team': {
    method: 'post',
    path: (ids) => `/v1/events/${ids.eventId}/teams`,
    body: { name: '' },
    allowed: [...STAFF, 'startup', 'individual'],
  },
  'list teams': { method: 'get', path: (ids) => `/v1/events/${ids.eventId}/teams`, allowed: JURY_SIDE },
  'score a team': {
    method: 'put',
    path: (ids) => `/v1/events/${ids.eventId}/teams/00000000-0000-4000-8000-00000000dead/score`,
    body: { marks: 'x' },
    allowed: ['committee-member', 'event-host'],
  },
};

describe('who may do what in the events service', () => {
  let site: EventsSite;
  const ids: Ids = { eventId: '', registrationId: '' };
  const otherSite = uniqueSiteId('rabat');

  beforeAll(async () => {
    site = await startEventsSite();
    ids.eventId = (await site.http().post('/v1/events').set(site.staff).send(eventBody()).expect(201)).body.id;
    await site.http().post(`/v1/events/${ids.eventId}/publish`).set(site.staff).expect(200);
    const startup = bearer(await tokens.forRole('startup', site.site, { startupId }));
    ids.registrationId = (
      await site.http().post(`/v1/events/${ids.eventId}/registrations`).set(startup).send({}).expect(201)
    ).body.id;
  }, 60_000);
  afterAll(() => site.close());

  const tokenFor = (role: Role, onSite = site.site) =>
    tokens.forRole(
      role,
      onSite,
      role === 'startup' ? { startupId } : role === 'event-host' ? { eventId: ids.eventId } : {},
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

  it('shows the public programme to anyone, without a token', async () => {
    await site.http().get('/v1/public/events').expect(200);
    await site.http().get(`/v1/public/events/${ids.eventId}`).expect(200);
    const results = await site.http().get(`/v1/public/events/${ids.eventId}/results`);
    expect([results.status, results.body.code]).toEqual([404, 'COMPETITION.RESULTS_NOT_PUBLISHED']);
  });

  it('lets a person read only their own registration, and a host check in at their own event only', async () => {
    const stranger = bearer(await tokens.forRole('individual', site.site, { subject: 'someone-else' }));
    await site.http().get(`/v1/events/${ids.eventId}/registrations/${ids.registrationId}`).set(stranger).expect(404);
    const host = bearer(
      await tokens.forRole('event-host', site.site, { eventId: '00000000-0000-4000-8000-000000000002' }),
    );
    const denied = await site.http().post(`/v1/events/${ids.eventId}/check-ins`).set(host).send({ code: 'x' });
    expect([denied.status, denied.body.code]).toEqual([403, 'AUTH.NOT_YOUR_EVENT']);
  });
});
