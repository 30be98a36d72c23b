import type { INestApplication } from '@nestjs/common';
import { startTestApp } from '@technopark/platform/testing';
import { TestTokens } from '@technopark/security/testing';
import { UNREACHABLE, uniqueSiteId } from '@technopark/testing';
import request from 'supertest';
import { ANALYTICS_SERVICE } from '../src/analytics.service-descriptor';
import { AppModule } from '../src/app.module';

type Operation = {
  responses: Record<string, { content?: object }>;
  security?: object[];
  parameters?: { name: string; schema?: { enum?: string[] } }[];
};

describe('the analytics OpenAPI document', () => {
  let app: INestApplication;
  let document: {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
  };

  beforeAll(async () => {
    app = await startTestApp(ANALYTICS_SERVICE, AppModule, {
      SITE_ID: uniqueSiteId(),
      ...UNREACHABLE,
      ...new TestTokens().environment,
    });
    document = (await request(app.getHttpServer()).get('/docs/openapi.json').expect(200)).body;
  });
  afterAll(() => app.close());

  it('documents the schema every endpoint answers', () => {
    const answers = (path: string) => JSON.stringify(document.paths[path]?.['get']?.responses['200']?.content ?? {});
    expect(answers('/v1/kpis')).toContain('#/components/schemas/KpisView');
    expect(answers('/v1/sites/{site}/kpis')).toContain('#/components/schemas/KpisView');
    expect(answers('/v1/kpis/funnel')).toContain('#/components/schemas/FunnelView');
    expect(answers('/v1/kpis/residents')).toContain('#/components/schemas/ResidentsView');
    expect(answers('/v1/kpis/series')).toContain('#/components/schemas/SeriesView');
    expect(answers('/v1/kpis/community')).toContain('#/components/schemas/CommunityView');
    expect(answers('/v1/sites')).toContain('#/components/schemas/SitesView');
    expect(answers('/v1/kpis/records')).toContain('#/components/schemas/RecordPage');
    expect(answers('/v1/startups/{startupId}/timeline')).toContain('#/components/schemas/TimelinePage');
    expect(answers('/v1/kpis/stream')).toContain('text/event-stream');
    expect(Object.keys(document.components.schemas['KpisView']?.properties ?? {})).toEqual([
      'scope',
      'range',
      'funnel',
      'residents',
      'occupancy',
      'cohorts',
      'economy',
      'funding',
      'community',
    ]);
    expect(
      document.paths['/v1/kpis/funnel']?.['get']?.parameters?.find((parameter) => parameter.name === 'sector')?.schema
        ?.enum,
    ).toContain('agritech');
    expect(Object.keys(document.paths)).not.toContain('/dashboard');
  });

  it('puts every /v1 route behind the bearer scheme, with its 401, 403 and 429 answers', () => {
    const routes = Object.entries(document.paths).filter(([path]) => path.startsWith('/v1/'));
    expect(routes.length).toBe(13); // twelve of analytics, and /v1/me of every service
    for (const [path, methods] of routes) {
      for (const operation of Object.values(methods)) {
        expect({ path, security: operation.security }).toEqual({ path, security: [{ bearer: [] }] });
        expect({ path, answers: ['401', '403', '429'].filter((status) => operation.responses[status]) }).toEqual({
          path,
          answers: ['401', '403', '429'],
        });
      }
    }
  });
});
