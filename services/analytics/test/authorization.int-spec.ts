import { randomUUID } from 'node:crypto';
import type { Role } from '@technopark/security';
import { bearer, describeAuthorizationMatrix, type MatrixEndpoint } from '@technopark/security/testing';
import { uniqueSiteId } from '@technopark/testing';
import { type AnalyticsSite, startAnalyticsSite, tokens } from './support/analytics-site';

const READERS: Role[] = ['platform-admin', 'site-staff', 'committee-member'];
const FIGURES: Role[] = [...READERS, 'partner'];

/** Read when a test runs: the site is started in `beforeAll`. */
let site = '';
const startupId = randomUUID();

// Aggregates are for partners too; records that name startups are not.
const ENDPOINTS: Record<string, MatrixEndpoint> = {
  'every KPI': { method: 'get', path: () => '/v1/kpis', allowed: FIGURES, passes: 200 },
  'the funnel': { method: 'get', path: () => '/v1/kpis/funnel?sector=ai', allowed: FIGURES, passes: 200 },
  residents: { method: 'get', path: () => '/v1/kpis/residents', allowed: FIGURES, passes: 200 },
  'monthly series': { method: 'get', path: () => '/v1/kpis/series', allowed: FIGURES, passes: 200 },
  'the KPI stream': { method: 'get', path: () => '/v1/kpis/stream', allowed: FIGURES, passes: 200 },
  'the sites served': { method: 'get', path: () => '/v1/sites', allowed: FIGURES, passes: 200 },
  "a site's KPIs": { method: 'get', path: () => `/v1/sites/${site}/kpis`, allowed: FIGURES, passes: 200 },
  "a site's KPI stream": { method: 'get', path: () => `/v1/sites/${site}/kpis/stream`, allowed: FIGURES, passes: 200 },
  'the records behind a figure': {
    method: 'get',
    path: () => '/v1/kpis/records?kpi=funnel.accepted&from=2026-01&to=2026-12',
    allowed: READERS,
    passes: 200,
  },
  "a startup's timeline": {
    method: 'get',
    path: () => `/v1/startups/${startupId}/timeline`,
    allowed: [...READERS, 'startup'],
    passes: 200,
  },
};

describe('who may read which figures on a site', () => {
  let analytics: AnalyticsSite;
  let base: string;
  const otherSite = uniqueSiteId('tangier');

  beforeAll(async () => {
    analytics = await startAnalyticsSite();
    site = analytics.site;
    base = (await analytics.app.getUrl()).replace('[::1]', '127.0.0.1');
  }, 60_000);
  afterAll(() => analytics?.close());

  /** Over real HTTP, reading only the head: an allowed stream never ends by itself. */
  async function call(
    endpoint: MatrixEndpoint,
    headers: Record<string, string>,
  ): Promise<{ status: number; body: { code?: string } }> {
    const controller = new AbortController();
    const response = await fetch(base + endpoint.path(), {
      headers,
      signal: controller.signal,
    });
    const streaming = response.headers.get('content-type')?.startsWith('text/event-stream');
    const body = streaming ? {} : ((await response.json()) as { code?: string });
    controller.abort();
    return { status: response.status, body };
  }
  const tokenFor = (role: Role, onSite = analytics.site) =>
    tokens.forRole(role, onSite, role === 'startup' ? { startupId } : {});

  describeAuthorizationMatrix(ENDPOINTS, () => ({
    call,
    otherSite,
    tokenFor,
  }));

  it('keeps a startup to its own timeline', async () => {
    const stranger = bearer(await tokens.forRole('startup', analytics.site, { startupId: randomUUID() }));
    const response = await call(ENDPOINTS["a startup's timeline"] as MatrixEndpoint, stranger);
    expect([response.status, response.body.code]).toEqual([403, 'AUTH.NOT_YOUR_STARTUP']);
  });
});
