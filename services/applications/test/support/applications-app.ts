import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { Role } from '@technopark/security';
import { bearer, TestTokens } from '@technopark/security/testing';
import { Clock } from '@technopark/platform';
import { startTestApp, TestClock } from '@technopark/platform/testing';
import { infrastructureEnv, siteRequests, uniqueSiteId } from '@technopark/testing';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { APPLICATIONS_SERVICE } from '../../src/applications.service-descriptor';

const DAY = 24 * 60 * 60 * 1000;

/** The real applications service on a fresh site, and callers with a token per role. */
export class ApplicationsApp {
  readonly tokens = new TestTokens();
  readonly site = uniqueSiteId('apps');
  app!: INestApplication;
  private readonly tokenCache = new Map<string, string>();

  /** The service's time: tests move it instead of waiting. */
  readonly clock = new TestClock();

  async start(environment: Record<string, string> = {}): Promise<this> {
    const environmentOfSite = {
      SITE_ID: this.site,
      ...infrastructureEnv(),
      ...this.tokens.environment,
      DECISION_MINIMUM_SCORES: '2',
      ...environment,
    };
    this.app = await startTestApp(APPLICATIONS_SERVICE, AppModule, environmentOfSite, (builder) =>
      builder.overrideProvider(Clock).useValue(this.clock),
    );
    return this;
  }

  close(): Promise<void> {
    return this.app.close();
  }

  /** A request as `role` (with `subject`/`startupId` when given), e.g. `as('site-staff').post(...)`. */
  as(role: Role, options: { subject?: string; startupId?: string; site?: string } = {}) {
    const server = this.app.getHttpServer();
    const token = () => this.token(role, options);
    const send =
      (method: 'get' | 'post' | 'patch') =>
      async (path: string, body?: object | string, headers: Record<string, string> = {}) => {
        const pending = request(server)
          [method](path)
          .set({ ...bearer(await token()), ...headers });
        return body === undefined ? pending : pending.send(body);
      };
    return { get: send('get'), post: send('post'), patch: send('patch') };
  }

  /** A program with the standard rubric and an open call closing in 30 days. */
  async openCall(
    options: { capacity?: number; opensInDays?: number } = {},
  ): Promise<{ programId: string; callId: string }> {
    const programId = `program-${randomUUID().slice(0, 8)}`;
    const callId = `${programId}-call`;
    const staff = this.as('site-staff');
    await expectStatus(staff.post('/v1/programs', programBody(programId)), 201);
    const opensAt = new Date(Date.now() + (options.opensInDays ?? -1) * DAY);
    const call = {
      id: callId,
      title: 'Test cohort',
      opensAt,
      closesAt: new Date(opensAt.getTime() + 30 * DAY),
      cohortCapacity: options.capacity ?? 10,
    };
    await expectStatus(staff.post(`/v1/programs/${programId}/calls`, call), 201);
    return { programId, callId };
  }

  /** A startup registered by itself; returns its id (the token's startup_id). */
  async registerStartup(name = 'Souss Agritech', overrides: object = {}): Promise<string> {
    const startupId = randomUUID();
    await expectStatus(
      this.as('startup', { startupId }).post('/v1/startups', { ...startupBody(name), ...overrides }),
      201,
    );
    return startupId;
  }

  async draft(startupId: string, callId: string): Promise<string> {
    const response = await expectStatus(
      this.as('startup', { startupId }).post('/v1/applications', applicationBody(callId)),
      201,
    );
    return response.body.id;
  }

  private async token(
    role: Role,
    { subject, startupId, site }: { subject?: string; startupId?: string; site?: string },
  ): Promise<string> {
    const key = `${role}|${subject}|${startupId}|${site}`;
    if (!this.tokenCache.has(key)) {
      this.tokenCache.set(
        key,
        await this.tokens.forRole(role, site ?? this.site, {
          ...(subject && { subject }),
          ...(startupId && { startupId }),
        }),
      );
    }
    return this.tokenCache.get(key) as string;
  }
}

export async function expectStatus<T extends { status: number; body: unknown }>(
  pending: Promise<T>,
  status: number,
): Promise<T> {
  const response = await pending;
  if (response.status !== status)
    throw new Error(`expected HTTP ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
  return response;
}

/** An incubation program with workspace and the standard rubric. */
export const programBody = (id: string) => siteRequests.program(id);

export function startupBody(name: string) {
  return {
    name,
    legalForm: 'tpe',
    foundedOn: '2024-03-11',
    sectors: ['agritech', 'ai'],
    stage: 'mvp',
    teamSize: 4,
    founders: [{ fullName: 'Salma Bennani', email: 'salma@example.ma', phone: '+212600000000' }],
    partnerSharingConsent: true,
  };
}

export function applicationBody(callId: string) {
  return {
    callId,
    answers: [{ question: 'What problem do you solve?', answer: 'Water use on small farms.' }],
    needs: { desks: 4, office: false, fundingAmountMad: 500000, mentoring: true },
    pitch: 'Cheap soil sensors for 2,000 farms.',
  };
}

export const MARKS = { team: 8, market: 6, innovation: 7, feasibility: 5 };
