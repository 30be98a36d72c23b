import type { INestApplication } from '@nestjs/common';
import { startTestApp } from '@technopark/platform/testing';
import { TestTokens } from '@technopark/security/testing';
import { UNREACHABLE, uniqueSiteId } from '@technopark/testing';
import request from 'supertest';
import { AppModule } from '../src/app.module';
import { APPLICATIONS_SERVICE } from '../src/applications.service-descriptor';

describe('the applications OpenAPI document', () => {
  let app: INestApplication;
  let document: {
    paths: Record<string, Record<string, { responses: Record<string, { content?: object }>; security?: object[] }>>;
    components: { schemas: Record<string, { properties?: Record<string, { example?: unknown }> }> };
  };

  beforeAll(async () => {
    app = await startTestApp(APPLICATIONS_SERVICE, AppModule, {
      SITE_ID: uniqueSiteId(),
      ...UNREACHABLE,
      ...new TestTokens().environment,
    });
    document = (await request(app.getHttpServer()).get('/docs/openapi.json').expect(200)).body;
  });
  afterAll(() => app.close());

  /** What an operation declares it answers with a status: its content, as text. */
  const answers = (path: string, method: string, status: string) =>
    JSON.stringify(document.paths[path]?.[method]?.responses[status]?.content ?? {});

  it('documents every endpoint with the schema it answers, behind the bearer scheme', () => {
    expect(answers('/v1/applications', 'post', '201')).toContain('#/components/schemas/ApplicationView');
    expect(answers('/v1/applications', 'get', '200')).toContain('#/components/schemas/ApplicationPage');
    expect(answers('/v1/applications/{applicationId}/decision', 'post', '200')).toContain(
      '#/components/schemas/ApplicationView',
    );
    expect(answers('/v1/startups/shared-with-partners', 'get', '200')).toContain(
      '#/components/schemas/PartnerStartupPage',
    );
    expect(answers('/v1/programs', 'get', '200')).toContain('#/components/schemas/ProgramPage');
    expect(answers('/v1/calls/{callId}', 'get', '200')).toContain('#/components/schemas/CallView');
    for (const [path, methods] of Object.entries(document.paths).filter(([path]) => path.startsWith('/v1/'))) {
      for (const operation of Object.values(methods))
        expect({ path, security: operation.security }).toEqual({ path, security: [{ bearer: [] }] });
    }
  });

  it('gives examples for request bodies and never lists internal fields', () => {
    expect(document.components.schemas['CreateApplicationDto']?.properties?.['callId']?.example).toBe(
      'incubation-2026-autumn',
    );
    expect(document.components.schemas['RegisterStartupDto']?.properties?.['founders']).toBeDefined();
    expect(Object.keys(document.components.schemas['PartnerStartupView']?.properties ?? {})).not.toContain('founders');
    expect(JSON.stringify(document.components.schemas)).not.toMatch(/liveKey|idempotencyKey|cohortSeat|_outbox/);
  });

  it('states the limits the server enforces, from the same validators, and which patch fields take null', () => {
    const schema = (name: string) =>
      (document.components.schemas[name] ?? {}) as { properties?: Record<string, Record<string, unknown>> };
    expect(schema('CreateProgramDto').properties?.['name']).toMatchObject({ minLength: 1, maxLength: 200 });
    expect(schema('CreateProgramDto').properties?.['rubric']).toMatchObject({ minItems: 1, maxItems: 10 });
    expect(schema('CreateProgramDto').properties?.['durationMonths']).toMatchObject({ minimum: 1, maximum: 60 });
    expect(schema('UpdateProgramDto').properties?.['description']).toMatchObject({ nullable: true });
    expect(schema('UpdateProgramDto').properties?.['name']?.['nullable']).toBeUndefined();
    expect(schema('RegisterStartupDto').properties?.['founders']).toMatchObject({ minItems: 1 });
  });

  it('declares the error answers of every operation with the one error shape', () => {
    expect(answers('/v1/programs/{programId}', 'patch', '400')).toContain('#/components/schemas/Error');
    expect(answers('/v1/calls/{callId}', 'get', '404')).toContain('#/components/schemas/Error');
    expect(answers('/v1/applications/{applicationId}/submit', 'post', '409')).toContain('#/components/schemas/Error');
    expect(answers('/v1/programs', 'post', '401')).toContain('#/components/schemas/Error');
    expect(document.components.schemas['Error']).toMatchObject({ required: ['statusCode', 'code', 'message'] });
  });

  it('takes a PATCH body as JSON Merge Patch too, and declares 415 wherever a body is read', () => {
    const patch = document.paths['/v1/startups/{startupId}']?.['patch'] as unknown as {
      requestBody: { content: Record<string, unknown> };
    };
    expect(Object.keys(patch.requestBody.content).sort()).toEqual(['application/json', 'application/merge-patch+json']);
    expect(patch.requestBody.content['application/merge-patch+json']).toEqual(
      patch.requestBody.content['application/json'],
    );
    expect(answers('/v1/startups/{startupId}', 'patch', '415')).toContain('#/components/schemas/Error');
    expect(answers('/v1/applications', 'post', '415')).toContain('#/components/schemas/Error');
    expect(answers('/v1/calls/{callId}', 'get', '415')).toBe('{}');
  });
});
