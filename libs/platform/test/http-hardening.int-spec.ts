import type { INestApplication } from '@nestjs/common';
import { bearer, TestTokens } from '@technopark/security/testing';
import { UNREACHABLE } from '@technopark/testing';
import request from 'supertest';
import { startTestApp } from '../src/testing/start-test-app';
import { SECURED_FIXTURE, SecuredFixtureModule } from './fixtures/secured/secured-fixture.module';

const tokens = new TestTokens();

/** The fixture with no reachable Kafka or MongoDB: these checks happen before any data is touched. */
function startFixture(environment: Record<string, string> = {}): Promise<INestApplication> {
  return startTestApp(SECURED_FIXTURE, SecuredFixtureModule, {
    SITE_ID: 'casablanca',
    PORT: '1',
    ...UNREACHABLE,
    ...tokens.environment,
    ...environment,
  });
}

describe('HTTP hardening', () => {
  let app: INestApplication | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('limits each client to RATE_LIMIT_REQUESTS per window, answering 429 with Retry-After', async () => {
    app = await startFixture({ RATE_LIMIT_REQUESTS: '3', RATE_LIMIT_WINDOW_SECONDS: '60' });
    const token = await tokens.forRole('site-staff', 'casablanca');
    for (let i = 0; i < 3; i++) await request(app.getHttpServer()).get('/v1/me').set(bearer(token)).expect(200);

    const limited = await request(app.getHttpServer()).get('/v1/me').set(bearer(token)).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body).toMatchObject({
      statusCode: 429,
      code: 'REQUEST.RATE_LIMITED',
      message: expect.stringContaining('at most 3 requests per 60 s'),
    });
    // The budget is per client, not per route: bad tokens spend it too.
    await request(app.getHttpServer()).get('/v1/startups/x').expect(429);
  });

  it('tells clients behind a proxy apart only when TRUST_PROXY says a proxy is there', async () => {
    const from = (client: string) => ({ 'X-Forwarded-For': client });
    app = await startFixture({ RATE_LIMIT_REQUESTS: '1', TRUST_PROXY: '1' });
    await request(app.getHttpServer()).get('/v1/me').set(from('203.0.113.7')).expect(401);
    await request(app.getHttpServer()).get('/v1/me').set(from('203.0.113.7')).expect(429);
    await request(app.getHttpServer()).get('/v1/me').set(from('198.51.100.9')).expect(401);
    await app.close();

    app = await startFixture({ RATE_LIMIT_REQUESTS: '1' });
    await request(app.getHttpServer()).get('/v1/me').set(from('203.0.113.7')).expect(401);
    // Without a trusted proxy the header is the client's own claim: it cannot buy a new budget.
    await request(app.getHttpServer()).get('/v1/me').set(from('198.51.100.9')).expect(429);
  });

  it('keeps health and metrics reachable without a token and outside the rate limit', async () => {
    app = await startFixture({ RATE_LIMIT_REQUESTS: '1' });
    for (let i = 0; i < 3; i++) {
      await request(app.getHttpServer()).get('/health').expect(200);
      await request(app.getHttpServer()).get('/metrics').expect(200);
    }
    await request(app.getHttpServer()).get('/docs/openapi.json').expect(200);
  });

  it('documents the bearer scheme and the 401/403 answers of protected routes in OpenAPI', async () => {
    app = await startFixture();
    const document = (await request(app.getHttpServer()).get('/docs/openapi.json').expect(200)).body;
    expect(document.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
    expect(document.paths['/v1/me'].get.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(document.paths['/v1/startups'].post.responses)).toEqual(
      expect.arrayContaining(['401', '403', '429']),
    );
    expect(document.paths['/health'].get.security).toBeUndefined();
  });

  it('sends protective headers (helmet) and no framework banner', async () => {
    app = await startFixture();
    const response = await request(app.getHttpServer()).get('/health').expect(200);
    expect(response.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN' });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['strict-transport-security']).toBeDefined();
    expect(response.headers['x-powered-by']).toBeUndefined();
    await request(app.getHttpServer()).get('/docs').expect(200).expect('Content-Type', /html/);
  });

  it("allows browser calls only from the site's CORS_ORIGINS", async () => {
    app = await startFixture({ CORS_ORIGINS: 'https://casablanca.technopark.ma' });
    const allowed = await request(app.getHttpServer()).options('/v1/me').set({
      Origin: 'https://casablanca.technopark.ma',
      'Access-Control-Request-Method': 'GET',
      'Access-Control-Request-Headers': 'authorization',
    });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://casablanca.technopark.ma');
    expect(allowed.headers['access-control-allow-headers']).toContain('authorization');

    const foreign = await request(app.getHttpServer())
      .options('/v1/me')
      .set({ Origin: 'https://rabat.technopark.ma', 'Access-Control-Request-Method': 'GET' });
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses every cross-origin browser call when the site lists no origin', async () => {
    app = await startFixture();
    const response = await request(app.getHttpServer())
      .get('/health')
      .set({ Origin: 'https://anywhere.example' })
      .expect(200);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers an oversized body with 413 and a clear JSON error, before touching any data', async () => {
    app = await startFixture({ HTTP_BODY_LIMIT_KB: '4' });
    const token = await tokens.forRole('site-staff', 'casablanca');
    const response = await request(app.getHttpServer())
      .post('/v1/startups')
      .set(bearer(token))
      .send({ name: 'x'.repeat(8_000), partnerSharingConsent: true });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({
      statusCode: 413,
      code: 'REQUEST.TOO_LARGE',
      message: expect.stringMatching(/too large/i),
    });
  });

  it('answers malformed JSON with 400 REQUEST.MALFORMED_JSON', async () => {
    app = await startFixture();
    const token = await tokens.forRole('site-staff', 'casablanca');
    const response = await request(app.getHttpServer())
      .post('/v1/startups')
      .set({ ...bearer(token), 'Content-Type': 'application/json' })
      .send('{"name": "x",');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      code: 'REQUEST.MALFORMED_JSON',
      message: expect.any(String),
    });
  });

  it('reads application/merge-patch+json and any +json body as JSON', async () => {
    app = await startFixture();
    const token = await tokens.forRole('site-staff', 'casablanca');
    for (const type of ['application/merge-patch+json', 'application/vnd.technopark+json; charset=utf-8']) {
      const response = await request(app.getHttpServer())
        .post('/v1/startups')
        .set({ ...bearer(token), 'Content-Type': type })
        .send('{"name": "Atlas Soil", "unknownField": 1}');
      // Only a parsed body can name the field it should not have.
      expect(response.status).toBe(400);
      expect(response.body.fields).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'unknownField' })]),
      );
    }
  });

  it('refuses a body it cannot read with 415 REQUEST.UNSUPPORTED_MEDIA_TYPE, instead of treating it as empty', async () => {
    app = await startFixture();
    const token = await tokens.forRole('site-staff', 'casablanca');
    const asText = await request(app.getHttpServer())
      .post('/v1/startups')
      .set({ ...bearer(token), 'Content-Type': 'text/plain' })
      .send('{"name": "Atlas Soil"}');
    expect(asText.status).toBe(415);
    expect(asText.body).toMatchObject({
      statusCode: 415,
      error: 'Unsupported Media Type',
      code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
      message: expect.stringContaining('text/plain'),
      accepted: expect.arrayContaining(['application/json']),
    });
    const untyped = await request(app.getHttpServer())
      .post('/v1/startups')
      .set(bearer(token))
      .serialize((body: string) => body)
      .send('{"name": "Atlas Soil"}')
      .unset('Content-Type');
    expect(untyped.status).toBe(415);
    expect(untyped.body.message).toContain('without a Content-Type');
    // A request with no body at all is not a media type question.
    await request(app.getHttpServer()).post('/v1/startups').set(bearer(token)).expect(400);
  });

  it('answers an unknown route with 404 ROUTE.NOT_FOUND, and a wrong method on a known path with 405 and Allow', async () => {
    app = await startFixture();
    const unknown = await request(app.getHttpServer()).get('/v1/matches').expect(404);
    expect(unknown.body).toMatchObject({
      statusCode: 404,
      code: 'ROUTE.NOT_FOUND',
      message: expect.stringContaining('/v1/matches'),
    });
    const wrongMethod = await request(app.getHttpServer()).delete('/v1/startups').expect(405);
    expect(wrongMethod.headers['allow']).toBe('POST');
    expect(wrongMethod.body).toMatchObject({ statusCode: 405, code: 'ROUTE.METHOD_NOT_ALLOWED', allowed: ['POST'] });
  });

  it('refuses a body nested 2,000 levels deep with 400 REQUEST.TOO_DEEP, not a stack overflow', async () => {
    app = await startFixture();
    const token = await tokens.forRole('site-staff', 'casablanca');
    const deep = '{"a":'.repeat(2_000) + '1' + '}'.repeat(2_000);
    const response = await request(app.getHttpServer())
      .post('/v1/startups')
      .set({ ...bearer(token), 'Content-Type': 'application/json' })
      .send(`{"name":"x","partnerSharingConsent":true,"extra":${deep}}`);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'REQUEST.TOO_DEEP' });
  });

  it('refuses null for a field that needs a value, naming it', async () => {
    app = await startFixture();
    const token = await tokens.forRole('site-staff', 'casablanca');
    const response = await request(app.getHttpServer())
      .post('/v1/startups')
      .set(bearer(token))
      .send({ name: null, partnerSharingConsent: true })
      .expect(400);
    expect(response.body.fields).toEqual([
      expect.objectContaining({
        field: 'name',
        problems: expect.arrayContaining([expect.stringContaining('must not be null')]),
      }),
    ]);
  });

  it('answers 400 naming each invalid field, after checking the token', async () => {
    app = await startFixture();
    await request(app.getHttpServer()).post('/v1/startups').send({ name: '' }).expect(401);
    const response = await request(app.getHttpServer())
      .post('/v1/startups')
      .set(bearer(await tokens.forRole('site-staff', 'casablanca')))
      .send({ name: '', extra: 1 })
      .expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'REQUEST.INVALID' });
    expect(response.body.fields.map((field: { field: string }) => field.field).sort()).toEqual([
      'extra',
      'name',
      'partnerSharingConsent',
    ]);
  });

  it("answers 503 with Retry-After, not 401, when the identity provider's keys cannot be fetched", async () => {
    app = await startFixture({ AUTH_PUBLIC_KEY_FILE: '', AUTH_JWKS_URL: 'http://127.0.0.1:1/certs' });
    const response = await request(app.getHttpServer())
      .get('/v1/me')
      .set(bearer(await tokens.forRole('site-staff', 'casablanca')))
      .expect(503);
    expect(response.headers['retry-after']).toBe('30');
    expect(response.body).toMatchObject({ code: 'AUTH.KEYS_UNAVAILABLE' });
  });
});

describe('security configuration', () => {
  it.each([
    [
      { AUTH_PUBLIC_KEY_FILE: '' },
      'AUTH_JWKS_URL is missing, expected exactly one of AUTH_JWKS_URL, AUTH_PUBLIC_KEY_FILE, AUTH_SHARED_SECRET',
    ],
    [{ AUTH_SHARED_SECRET: 'short' }, 'AUTH_SHARED_SECRET is set (value hidden), expected exactly one of'],
    [
      { AUTH_PUBLIC_KEY_FILE: '/nonexistent/key.pem' },
      "AUTH_PUBLIC_KEY_FILE is '/nonexistent/key.pem', expected the path of a readable PEM public key file",
    ],
    [{ AUTH_ISSUER: '' }, 'AUTH_ISSUER is missing, expected the issuer (iss) of accepted tokens'],
  ])('stops the service with a message naming the variable (%o)', async (overrides, message) => {
    await expect(startFixture(overrides)).rejects.toThrow(message);
  });

  it('never prints the value of a secret variable', async () => {
    const error = await startFixture({ AUTH_PUBLIC_KEY_FILE: '', AUTH_SHARED_SECRET: 'too-short-secret' }).catch(
      (caught: Error) => caught,
    );
    expect(String(error)).toContain('AUTH_SHARED_SECRET is set (value hidden)');
    expect(String(error)).not.toContain('too-short-secret');
  });
});
