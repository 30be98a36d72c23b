import type { INestApplication } from '@nestjs/common';
import { startTestApp } from '@technopark/platform/testing';
import { TestTokens } from '@technopark/security/testing';
import { UNREACHABLE, uniqueSiteId } from '@technopark/testing';
import request from 'supertest';
import { AppModule } from '../src/app.module';
import { EVENTS_SERVICE } from '../src/events.service-descriptor';
import { EVENTS_TEST_ENVIRONMENT } from './support/events-environment';

type Operation = {
  responses: Record<string, { content?: object }>;
  security?: object[];
  parameters?: object[];
  requestBody?: object;
};

describe('the events OpenAPI document', () => {
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
  const declared = (path: string, method: string) => Object.keys(document.paths[path]?.[method]?.responses ?? {});

  beforeAll(async () => {
    app = await startTestApp(EVENTS_SERVICE, AppModule, {
      SITE_ID: uniqueSiteId(),
      ...UNREACHABLE,
      ...new TestTokens().environment,
      ...EVENTS_TEST_ENVIRONMENT,
    });
    document = (await request(app.getHttpServer()).get('/docs/openapi.json').expect(200)).body;
  });
  afterAll(() => app.close());

  it('types the success answer of every operation; only the public programme and calendar links need no token', () => {
    expect(operations().length).toBeGreaterThanOrEqual(16);
    for (const { path, method, operation } of operations()) {
      const success = Object.entries(operation.responses).find(([status]) => status.startsWith('2'));
      // Calendar feeds answer iCalendar text, every other operation a JSON schema.
      const typed = path.endsWith('.ics')
        ? Object.keys(success?.[1].content ?? {}).includes('text/calendar')
        : JSON.stringify(success?.[1].content ?? {}).includes('#/components/schemas/');
      expect({ path, method, typed }).toEqual({ path, method, typed: true });
      const open = path.startsWith('/v1/public/') || path.startsWith('/v1/calendars/');
      const expected = open ? undefined : [{ bearer: [] }];
      expect({ path, method, security: operation.security }).toEqual({ path, method, security: expected });
    }
  });

  it('declares the 400, and the 404, 409 and 422 each operation can answer', () => {
    const withInput = operations().filter(({ operation }) => operation.requestBody || operation.parameters?.length);
    for (const { path, method } of withInput)
      expect({ path, method, has400: declared(path, method).includes('400') }).toEqual({ path, method, has400: true });
    expect(declared('/v1/events', 'post')).toEqual(expect.arrayContaining(['201', '422']));
    expect(declared('/v1/events/{eventId}', 'patch')).toEqual(expect.arrayContaining(['200', '404', '409', '422']));
    expect(declared('/v1/events/{eventId}/publish', 'post')).toEqual(
      expect.arrayContaining(['200', '404', '409', '422']),
    );
    expect(declared('/v1/events/{eventId}/registrations', 'post')).toEqual(
      expect.arrayContaining(['200', '201', '404', '409', '422']),
    );
    expect(declared('/v1/events/{eventId}/check-ins', 'post')).toEqual(
      expect.arrayContaining(['201', '404', '409', '422']),
    );
  });

  it('never lists internal fields', () => {
    expect(JSON.stringify(document.components.schemas)).not.toMatch(
      /claims|"queue"|idempotencyKey|requestHash|_outbox|_appliedEvents|"round"/,
    );
  });
});
