import { randomUUID } from 'node:crypto';
import { ROLES, type Role } from '@technopark/security';
import { bearer } from '@technopark/security/testing';
import { uniqueSiteId } from '@technopark/testing';
import { type AnalyticsSite, startAnalyticsSite, tokens } from './support/analytics-site';

interface Endpoint {
  readonly path: (site: string, startupId: string) => string;
  /** Roles let through (a token of this site); every other role gets 403. */
  readonly allowed: readonly Role[];
}

const READERS: Role[] = ['platform-admin', 'site-staff', 'committee-member'];
const FIGURES: Role[] = [...READERS, 'partner'];

// Aggregates are for partners too; records that name startups are not.
const ENDPOINTS: Record<string, Endpoint> = {
  'every KPI': { path: () => '/v1/kpis', allowed: FIGURES },
  'the funnel': { path: () => '/v1/kpis/funnel?sector=ai', allowed: FIGURES },
  residents: { path: () => '/v1/kpis/residents', allowed: FIGURES },
  'monthly series': { path: () => '/v1/kpis/series', allowed: FIGURES },
  'the KPI stream': { path: () => '/v1/kpis/stream', allowed: FIGURES },
  'the sites served': { path: () => '/v1/sites', allowed: FIGURES },
  "a site's KPIs": { path: (site) => `/v1/sites/${site}/kpis`, allowed: FIGURES },
  "a site's KPI stream": { path: (site) => `/v1/sites/${site}/kpis/stream`, allowed: FIGURES },
  'the records behind a figure': {
    path: () => '/v1/kpis/records?kpi=funnel.accepted&from=2026-01&to=2026-12',
    allowed: READERS,
  },
  "a startup's timeline": {
    path: (_site, startupId) => `/v1/startups/${startupId}/timeline`,
    allowed: [...READERS, 'startup'],
  },
};

describe('who may read which figures on a site', () => {
  let analytics: AnalyticsSite;
  let base: string;
  const startupId = randomUUID();
  const otherSite = uniqueSiteId('tangier');

  beforeAll(async () => {
    analytics = await startAnalyticsSite();
    base = (await analytics.app.getUrl()).replace('[::1]', '127.0.0.1');
  }, 60_000);
  afterAll(() => analytics?.close());

  /** Over real HTTP, reading only the head: an allowed stream never ends by itself. */
  async function call(
    endpoint: Endpoint,
    headers: Record<string, string>,
  ): Promise<{ status: number; body: { code?: string } }> {
    const controller = new AbortController();
    const response = await fetch(base + endpoint.path(analytics.site, startupId), {
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

  describe.each(Object.entries(ENDPOINTS))('%s', (_name, endpoint) => {
    it.each(ROLES.map((role) => [role] as const))('as %s', async (role) => {
      const response = await call(endpoint, bearer(await tokenFor(role)));
      expect([role, response.status, response.body.code]).toEqual(
        endpoint.allowed.includes(role) ? [role, 200, undefined] : [role, 403, 'AUTH.ROLE_NOT_ALLOWED'],
      );
    });

    it('refuses staff and committee of another site, and callers without a token', async () => {
      for (const role of ['site-staff', 'committee-member'] as const) {
        const response = await call(endpoint, bearer(await tokenFor(role, otherSite)));
        expect([role, response.status, response.body.code]).toEqual([
          role,
          403,
          endpoint.allowed.includes(role) ? 'AUTH.WRONG_SITE' : 'AUTH.ROLE_NOT_ALLOWED',
        ]);
      }
      expect((await call(endpoint, {})).status).toBe(401);
    });
  });

  it('keeps a startup to its own timeline', async () => {
    const stranger = bearer(await tokens.forRole('startup', analytics.site, { startupId: randomUUID() }));
    const response = await call(ENDPOINTS["a startup's timeline"] as Endpoint, stranger);
    expect([response.status, response.body.code]).toEqual([403, 'AUTH.NOT_YOUR_STARTUP']);
  });
});
