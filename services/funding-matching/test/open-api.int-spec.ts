import type { INestApplication } from '@nestjs/common';
import { startTestApp } from '@technopark/platform/testing';
import { TestTokens } from '@technopark/security/testing';
import { UNREACHABLE, uniqueSiteId } from '@technopark/testing';
import request from 'supertest';
import { AppModule } from '../src/app.module';
import { FUNDING_MATCHING_SERVICE } from '../src/funding-matching.service-descriptor';

type Operation = {
  responses: Record<string, { content?: object }>;
  security?: object[];
  parameters?: object[];
  requestBody?: object;
};

describe('the funding-matching OpenAPI document', () => {
  let app: INestApplication;
  let document: {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, { properties?: Record<string, { example?: unknown }> }> };
  };
  const operations = () =>
    Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/v1/') && path !== '/v1/me')
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
      );

  beforeAll(async () => {
    app = await startTestApp(FUNDING_MATCHING_SERVICE, AppModule, {
      SITE_ID: uniqueSiteId(),
      ...UNREACHABLE,
      ...new TestTokens().environment,
    });
    document = (await request(app.getHttpServer()).get('/docs/openapi.json').expect(200)).body;
  });
  afterAll(() => app.close());

  it('types the success answer of every operation, behind the bearer scheme', () => {
    expect(operations().length).toBeGreaterThanOrEqual(28);
    for (const { path, method, operation } of operations()) {
      const success = Object.entries(operation.responses).find(([status]) => status.startsWith('2'));
      expect({
        path,
        method,
        typed: JSON.stringify(success?.[1].content ?? {}).includes('#/components/schemas/'),
      }).toEqual({
        path,
        method,
        typed: true,
      });
      expect({ path, method, security: operation.security }).toEqual({ path, method, security: [{ bearer: [] }] });
    }
  });

  it('declares the 400, and the 404, 409 and 422 each operation can answer', () => {
    const declared = (path: string, method: string) => Object.keys(document.paths[path]?.[method]?.responses ?? {});
    const withInput = operations().filter(({ operation }) => operation.requestBody || operation.parameters?.length);
    expect(withInput.length).toBeGreaterThanOrEqual(25);
    for (const { path, method } of withInput)
      expect({ path, method, has400: declared(path, method).includes('400') }).toEqual({ path, method, has400: true });
    expect(declared('/v1/funders', 'post')).toEqual(expect.arrayContaining(['201', '409', '422']));
    expect(declared('/v1/funders/{funderId}', 'patch')).toEqual(expect.arrayContaining(['200', '404', '409', '422']));
    expect(declared('/v1/introductions', 'post')).toEqual(expect.arrayContaining(['201', '409', '422']));
    for (const action of ['consent', 'accept', 'decline', 'meet', 'diligence', 'term-sheet', 'close'])
      expect(declared(`/v1/introductions/{introductionId}/${action}`, 'post')).toEqual(
        expect.arrayContaining(['200', '404', '409']),
      );
    expect(declared('/v1/fundings', 'post')).toEqual(expect.arrayContaining(['201', '404', '409', '422']));
    expect(declared('/v1/match-weights', 'put')).toEqual(expect.arrayContaining(['200', '409', '422']));
    expect(declared('/v1/matches/{matchId}/pin', 'post')).toEqual(expect.arrayContaining(['200', '404', '409']));
  });

  it('gives examples for request bodies and never lists internal fields', () => {
    expect(document.components.schemas['CreateFunderDto']?.properties?.['funderId']?.example).toBe(
      'plug-and-play-morocco',
    );
    expect(document.components.schemas['SeekingDto']?.properties?.['amountMad']?.example).toBe(800_000);
    expect(JSON.stringify(document.components.schemas)).not.toMatch(
      /digest|idempotencyKey|requestHash|liveKey|_outbox|_appliedEvents/,
    );
  });
});
