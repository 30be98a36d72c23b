import { bearer } from '@technopark/security/testing';
import request from 'supertest';
import { type AnalyticsSite, startAnalyticsSite, tokens } from './support/analytics-site';

describe('KPI questions that have no answer get a 4xx, not zeros', () => {
  let site: AnalyticsSite;
  let staff: Record<string, string>;
  const http = () => request(site.app.getHttpServer());

  beforeAll(async () => {
    site = await startAnalyticsSite();
    staff = bearer(await tokens.forRole('site-staff', site.site));
  });
  afterAll(() => site.close());

  it.each(['/v1/kpis', '/v1/kpis/funnel', '/v1/kpis/residents', '/v1/kpis/series'])(
    'refuses an inverted range on %s with 400 KPI.INVERTED_RANGE',
    async (path) => {
      const refused = await http().get(`${path}?from=2026-12&to=2026-01`).set(staff).expect(400);
      expect(refused.body).toMatchObject({ code: 'KPI.INVERTED_RANGE', fields: [{ field: 'from' }] });
    },
  );

  it('refuses an unknown KPI in a drill-down, naming the counted ones', async () => {
    const refused = await http()
      .get('/v1/kpis/records?kpi=funnel.nonsense&from=2026-01&to=2026-12')
      .set(staff)
      .expect(400);
    expect(refused.body.fields).toEqual([
      expect.objectContaining({ field: 'kpi', problems: [expect.stringContaining('funnel.accepted')] }),
    ]);
    await http().get('/v1/kpis/records?kpi=funnel.accepted&from=2026-12&to=2026-01').set(staff).expect(400);
    await http().get('/v1/kpis/records?kpi=funnel.accepted&from=2026-01&to=2026-12').set(staff).expect(200);
  });

  it('refuses a malformed site with 400 and an unknown one with 404, without echoing it as a scope', async () => {
    const admin = bearer(await tokens.forRole('platform-admin', site.site));
    const malformed = await http().get('/v1/sites/..%2F..%2Fetc/kpis').set(admin);
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).not.toContain('"scope"');
    const unknown = await http().get('/v1/sites/atlantis/kpis').set(admin).expect(404);
    expect(unknown.body).toMatchObject({ code: 'KPI.UNKNOWN_SITE', knownSites: [site.site] });
    await http().get(`/v1/sites/${site.site}/kpis`).set(admin).expect(200);
  });
});
