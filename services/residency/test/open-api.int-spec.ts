import type { INestApplication } from '@nestjs/common';
import { startTestApp } from '@technopark/platform/testing';
import { TestTokens } from '@technopark/security/testing';
import { UNREACHABLE, uniqueSiteId } from '@technopark/testing';
import request from 'supertest';
import { AppModule } from '../src/app.module';
import { RESIDENCY_SERVICE } from '../src/residency.service-descriptor';

describe('the residency OpenAPI document', () => {
  let app: INestApplication;
  let document: {
    paths: Record<string, Record<string, { responses: Record<string, { content?: object }>; security?: object[] }>>;
    components: { schemas: Record<string, { properties?: Record<string, { example?: unknown }> }> };
  };

  beforeAll(async () => {
    app = await startTestApp(RESIDENCY_SERVICE, AppModule, {
      SITE_ID: uniqueSiteId(),
      ...UNREACHABLE,
      ...new TestTokens().environment,
    });
    document = (await request(app.getHttpServer()).get('/docs/openapi.json').expect(200)).body;
  });
  afterAll(() => app.close());

  it('documents every endpoint with the schema it answers, behind the bearer scheme', () => {
    const answers = (path: string, method: string, status: string) =>
      JSON.stringify(document.paths[path]?.[method]?.responses[status]?.content ?? {});
    expect(answers('/v1/spaces', 'post', '201')).toContain('#/components/schemas/SpaceView');
    expect(answers('/v1/spaces', 'get', '200')).toContain('#/components/schemas/SpacePage');
    expect(answers('/v1/residencies', 'get', '200')).toContain('#/components/schemas/ResidencyPage');
    for (const action of ['allocate', 'start', 'extend', 'move', 'end', 'decline'])
      expect(answers(`/v1/residencies/{residencyId}/${action}`, 'post', '200')).toContain(
        '#/components/schemas/ResidencyView',
      );
    expect(answers('/v1/waitlist', 'get', '200')).toContain('#/components/schemas/WaitlistPage');
    expect(answers('/v1/residencies/{residencyId}/reports', 'post', '201')).toContain(
      '#/components/schemas/ReportView',
    );
    expect(answers('/v1/reports', 'get', '200')).toContain('#/components/schemas/ReportPage');
    expect(answers('/v1/occupancy', 'get', '200')).toContain('#/components/schemas/OccupancyView');
    for (const [path, methods] of Object.entries(document.paths).filter(([path]) => path.startsWith('/v1/'))) {
      for (const operation of Object.values(methods))
        expect({ path, security: operation.security }).toEqual({ path, security: [{ bearer: [] }] });
    }
  });

  it('gives examples for request bodies and never lists internal fields', () => {
    expect(document.components.schemas['CreateSpaceDto']?.properties?.['id']?.example).toBe('b2-office-14');
    expect(document.components.schemas['SubmitReportDto']?.properties?.['period']?.example).toBe('2026-Q3');
    expect(JSON.stringify(document.components.schemas)).not.toMatch(/holders|heldSince|occupant|waitlistRank|_outbox/);
  });
});
