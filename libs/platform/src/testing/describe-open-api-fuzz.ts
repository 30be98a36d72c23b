import type { INestApplication, Type } from '@nestjs/common';
import type { Role } from '@technopark/security';
import { TestTokens } from '@technopark/security/testing';
import { infrastructureEnv, uniqueSiteId } from '@technopark/testing';
import type { AddressInfo } from 'node:net';
import type { ServiceDescriptor } from '../config/service-descriptor';
import { fuzzOpenApi } from './open-api-fuzzer';
import { startTestApp } from './start-test-app';

export interface OpenApiFuzzOptions {
  /** Examples per operation (default 20): bounded, so the suite stays within CI's budget. */
  readonly maxExamples?: number;
  /** Routes left out, as a regular expression; only streams that never end belong here. */
  readonly excludePathRegex?: string;
  readonly environment?: Record<string, string>;
  /** Who the fuzzer calls as (default site staff of the site): a national service's staff are platform admins. */
  readonly role?: Role;
  /** Creates resources before the run; the returned ids fill the path parameters of the same name. */
  readonly seedResources?: (context: FuzzSeedContext) => Promise<Record<string, string>>;
}

export interface FuzzSeedContext {
  readonly app: INestApplication;
  readonly tokens: TestTokens;
  readonly site: string;
}

/**
 * Every `/v1` operation of the service, fuzzed against the real broker and database with a
 * site-staff token (or the role given): the run fails on any 5xx and on any answer that breaks its documented schema.
 */
export function describeOpenApiFuzz(
  service: ServiceDescriptor,
  rootModule: Type,
  options: OpenApiFuzzOptions = {},
): void {
  describe(`${service.name} under an OpenAPI fuzzer`, () => {
    const tokens = new TestTokens();
    const site = uniqueSiteId('fuzz');
    let app: INestApplication;

    beforeAll(async () => {
      // The fuzzer sends thousands of requests from one address: the rate limit is not what is tested here.
      app = await startTestApp(service, rootModule, {
        SITE_ID: site,
        ...infrastructureEnv(),
        ...tokens.environment,
        RATE_LIMIT_REQUESTS: '1000000',
        ...options.environment,
      });
    });
    afterAll(() => app.close());

    it(
      'answers every /v1 operation without a 5xx or an answer that breaks its schema',
      async () => {
        const { port } = app.getHttpServer().address() as AddressInfo;
        const pathParameters = (await options.seedResources?.({ app, tokens, site })) ?? {};
        const figures = await fuzzOpenApi({
          pathParameters,
          schemaUrl: `http://127.0.0.1:${port}/docs/openapi.json`,
          bearerToken: await tokens.forRole(options.role ?? 'site-staff', site, { subject: 'fuzzer' }),
          maxExamples: options.maxExamples ?? 20,
          excludePathRegex: ['^/(health|metrics)', options.excludePathRegex].filter(Boolean).join('|'),
        });
        process.stdout.write(
          `fuzz ${service.name}: ${figures.operations} operations, ${figures.requests} requests, ${figures.serverErrors} 5xx, ${figures.schemaFailures} schema failures; answers by status ${JSON.stringify(figures.statuses)}\n`,
        );
        expect(figures.failures).toEqual([]);
        expect(figures.operations).toBeGreaterThan(0);
      },
      20 * 60_000,
    );
  });
}
