import type { INestApplication } from '@nestjs/common';
import { startTestApp } from '@technopark/platform/testing';
import { TestTokens } from '@technopark/security/testing';
import { UNREACHABLE, uniqueSiteId } from '@technopark/testing';
import request from 'supertest';
import { AppModule } from '../src/app.module';
import { PARTNER_GATEWAY_SERVICE } from '../src/partner-gateway.service-descriptor';
import { GATEWAY_TEST_ENVIRONMENT } from './support/gateway-environment';

type Operation = {
  responses: Record<string, { content?: object }>;
  security?: object[];
  parameters?: object[];
  requestBody?: object;
};

describe('the partner gateway OpenAPI document', () => {
  let app: INestApplication;
  let document: { paths: Record<string, Record<string, Operation>>; components: { schemas: object } };
  const operations = () =>
    Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/v1/') && path !== '/v1/me')
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
      );
  const declared = (path: string, method: string) => Object.keys(document.paths[path]?.[method]?.responses ?? {});

  beforeAll(async () => {
    app = await startTestApp(PARTNER_GATEWAY_SERVICE, AppModule, {
      SITE_ID: uniqueSiteId(),
      ...UNREACHABLE,
      ...new TestTokens().environment,
      ...GATEWAY_TEST_ENVIRONMENT,
    });
    document = (await request(app.getHttpServer()).get('/docs/openapi.json').expect(200)).body;
  });
  afterAll(() => app.close());

  it('types the success answer of every operation, each behind a token', () => {
    expect(operations().length).toBeGreaterThanOrEqual(14);
    for (const { path, method, operation } of operations()) {
      const success = Object.entries(operation.responses).find(([status]) => status.startsWith('2'));
      const typed = JSON.stringify(success?.[1].content ?? {}).includes('#/components/schemas/');
      expect({ path, method, typed, security: operation.security }).toEqual({
        path,
        method,
        typed: true,
        security: [{ bearer: [] }],
      });
    }
  });

  it('declares the 400, and the 404 and 409 each operation can answer', () => {
    const withInput = operations().filter(({ operation }) => operation.requestBody || operation.parameters?.length);
    for (const { path, method } of withInput)
      expect({ path, method, has400: declared(path, method).includes('400') }).toEqual({ path, method, has400: true });
    expect(declared('/v1/partners', 'post')).toEqual(expect.arrayContaining(['201', '409']));
    expect(declared('/v1/startups/{startupId}/partner-consents/{partnerId}/revoke', 'post')).toEqual(
      expect.arrayContaining(['200', '404', '409']),
    );
    expect(declared('/v1/partners/{partnerId}/subscriptions/{subscriptionId}/resume', 'post')).toEqual(
      expect.arrayContaining(['200', '404', '409']),
    );
    expect(declared('/v1/partners/{partnerId}/deliveries/{deliveryId}/redeliver', 'post')).toEqual(
      expect.arrayContaining(['200', '404', '409']),
    );
  });

  it('never lists stored secrets or internal fields', () => {
    expect(JSON.stringify(document.components.schemas)).not.toMatch(/sealed|_outbox|_appliedEvents|"sequence"/);
  });
});
