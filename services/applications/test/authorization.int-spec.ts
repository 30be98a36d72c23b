import type { Role } from '@technopark/security';
import { describeAuthorizationMatrix, type MatrixEndpoint } from '@technopark/security/testing';
import { uniqueSiteId } from '@technopark/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { ApplicationsApp } from './support/applications-app';

const STAFF: Role[] = ['platform-admin', 'site-staff'];
// The catalogue is readable by every role, a funder's contact or an event's guest included: programs
// and calls are public.
const EVERYONE: Role[] = [
  'platform-admin',
  'site-staff',
  'committee-member',
  'startup',
  'partner',
  'funder',
  'individual',
  'event-host',
];
const NO_SUCH_APPLICATION = randomUUID();

/** Filled once the site has a program, a call, a startup and its application. */
const ids = { programId: '', callId: '', startupId: '', applicationId: '' };
const ENDPOINTS: Record<string, MatrixEndpoint> = {
  'create a program': {
    method: 'post',
    path: () => '/v1/programs',
    body: { id: 'Not A Slug' },
    allowed: STAFF,
    passes: 400,
  },
  'change a program': {
    method: 'patch',
    path: () => `/v1/programs/${ids.programId}`,
    body: { durationMonths: 0 },
    allowed: STAFF,
    passes: 400,
  },
  'list programs': { method: 'get', path: () => '/v1/programs', allowed: EVERYONE, passes: 200 },
  'read a program': { method: 'get', path: () => `/v1/programs/${ids.programId}`, allowed: EVERYONE, passes: 200 },
  'open a call': {
    method: 'post',
    path: () => `/v1/programs/${ids.programId}/calls`,
    body: { id: 'x' },
    allowed: STAFF,
    passes: 400,
  },
  'change a call': {
    method: 'patch',
    path: () => `/v1/calls/${ids.callId}`,
    body: { cohortCapacity: 0 },
    allowed: STAFF,
    passes: 400,
  },
  'list calls': { method: 'get', path: () => '/v1/calls', allowed: EVERYONE, passes: 200 },
  'read a call': { method: 'get', path: () => `/v1/calls/${ids.callId}`, allowed: EVERYONE, passes: 200 },
  'register a startup': {
    method: 'post',
    path: () => '/v1/startups',
    body: { name: '' },
    allowed: [...STAFF, 'startup'],
    passes: 400,
  },
  'change a startup': {
    method: 'patch',
    path: () => `/v1/startups/${ids.startupId}`,
    body: { teamSize: -1 },
    allowed: [...STAFF, 'startup'],
    passes: 400,
  },
  'list startups': {
    method: 'get',
    path: () => '/v1/startups',
    allowed: [...STAFF, 'committee-member', 'startup'],
    passes: 200,
  },
  'read a startup': {
    method: 'get',
    path: () => `/v1/startups/${ids.startupId}`,
    allowed: [...STAFF, 'committee-member', 'startup'],
    passes: 200,
  },
  'list startups shared with partners': {
    method: 'get',
    path: () => '/v1/startups/shared-with-partners',
    allowed: [...STAFF, 'partner'],
    passes: 200,
  },
  'create an application': {
    method: 'post',
    path: () => '/v1/applications',
    body: { callId: '' },
    allowed: [...STAFF, 'startup'],
    passes: 400,
  },
  'list applications': {
    method: 'get',
    path: () => '/v1/applications',
    allowed: [...STAFF, 'committee-member', 'startup'],
    passes: 200,
  },
  'read an application': {
    method: 'get',
    path: () => `/v1/applications/${ids.applicationId}`,
    allowed: [...STAFF, 'committee-member', 'startup'],
    passes: 200,
  },
  submit: {
    method: 'post',
    path: () => `/v1/applications/${NO_SUCH_APPLICATION}/submit`,
    allowed: [...STAFF, 'startup'],
    passes: 404,
  },
  withdraw: {
    method: 'post',
    path: () => `/v1/applications/${NO_SUCH_APPLICATION}/withdraw`,
    allowed: [...STAFF, 'startup'],
    passes: 404,
  },
  'start the review': {
    method: 'post',
    path: () => `/v1/applications/${NO_SUCH_APPLICATION}/review`,
    allowed: STAFF,
    passes: 404,
  },
  score: {
    method: 'post',
    path: () => `/v1/applications/${ids.applicationId}/scores`,
    body: { marks: 'ten' },
    allowed: ['committee-member'],
    passes: 400,
  },
  decide: {
    method: 'post',
    path: () => `/v1/applications/${ids.applicationId}/decision`,
    body: { outcome: 'maybe' },
    allowed: [...STAFF, 'committee-member'],
    passes: 400,
  },
};

describe('who may do what with applications, startups and the catalogue', () => {
  const service = new ApplicationsApp();
  const otherSite = uniqueSiteId('rabat');

  beforeAll(async () => {
    await service.start();
    ({ programId: ids.programId, callId: ids.callId } = await service.openCall());
    ids.startupId = await service.registerStartup();
    ids.applicationId = await service.draft(ids.startupId, ids.callId);
  });
  afterAll(() => service.close());

  describeAuthorizationMatrix(ENDPOINTS, () => ({
    otherSite,
    tokenFor: (role, site = service.site) =>
      service.tokens.forRole(role, site, role === 'startup' ? { startupId: ids.startupId } : {}),
    call: (endpoint, headers) => {
      const pending = request(service.app.getHttpServer())[endpoint.method](endpoint.path()).set(headers);
      return endpoint.body ? pending.send(endpoint.body) : pending;
    },
  }));
});
