import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { type ApplicationAcceptedV1, topicFor } from '@technopark/contracts';
import { Clock } from '@technopark/platform';
import { startTestApp, TestClock } from '@technopark/platform/testing';
import { bearer, TestTokens } from '@technopark/security/testing';
import { infrastructureEnv, testKafka, uniqueSiteId, eventsAbout, type PublishedEvent } from '@technopark/testing';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { AllocationService } from '../../src/residencies/allocation.service';
import { CapacityFollowUp } from '../../src/residencies/capacity-follow-up';
import type { Residency } from '../../src/residencies/schemas/residency.schema';
import { RESIDENCY_SERVICE } from '../../src/residency.service-descriptor';

export { TestClock };

export const tokens = new TestTokens();

export function accepted(desks: number, overrides: Partial<ApplicationAcceptedV1> = {}): ApplicationAcceptedV1 {
  return {
    applicationId: randomUUID(),
    startupId: randomUUID(),
    programId: 'incubation',
    callId: 'incubation-2026-autumn',
    programKind: 'incubation',
    programName: 'Incubation',
    durationMonths: 18,
    includesWorkspace: true,
    workspaceNeeds: { desks, office: false },
    averageScore: 80,
    actor: { id: 'staff-1', role: 'site-staff' },
    ...overrides,
  };
}

export interface ResidencySite {
  readonly app: INestApplication;
  readonly site: string;
  readonly clock: TestClock;
  readonly staff: Record<string, string>;
  http(): ReturnType<typeof request>;
  /** What the consumer does with an `application.accepted`. */
  accept(desks: number, overrides?: Partial<ApplicationAcceptedV1>): Promise<Residency>;
  /** The CloudEvents types and payloads published on one of the site's streams about one subject. */
  eventsAbout(stream: string, subject: string): Promise<PublishedEvent[]>;
}

/** A residency service on a fresh site of its own, with the given spaces registered by staff. */
export async function startResidencySite(
  options: { spaces?: object[]; site?: string; clock?: TestClock; env?: Record<string, string> } = {},
): Promise<ResidencySite> {
  const site = options.site ?? uniqueSiteId('residency');
  const clock = options.clock ?? new TestClock();
  const app = await startTestApp(
    RESIDENCY_SERVICE,
    AppModule,
    { SITE_ID: site, ...infrastructureEnv(), ...tokens.environment, ...options.env },
    (builder) => builder.overrideProvider(Clock).useValue(clock),
  );
  const staff = bearer(await tokens.forRole('site-staff', site));
  const http = () => request(app.getHttpServer());
  for (const space of options.spaces ?? []) await http().post('/v1/spaces').set(staff).send(space).expect(201);
  const kafka = testKafka(infrastructureEnv().KAFKA_BROKERS);
  return {
    app,
    site,
    clock,
    staff,
    http,
    async accept(desks, overrides) {
      const residency = await app.get(AllocationService).onAccepted(accepted(desks, overrides), clock.now());
      await app.get(CapacityFollowUp).afterChange(false);
      return residency as Residency;
    },
    eventsAbout: (stream, subject) => eventsAbout(kafka, topicFor(site, stream), subject),
  };
}

export const office = (id: string, seats: number, areaM2 = seats * 7) => ({
  id,
  kind: 'office',
  name: `Office ${id}`,
  areaM2,
  seats,
});
export const coworking = (id: string, seats: number, areaM2 = seats * 10) => ({
  id,
  kind: 'coworking',
  name: `Coworking ${id}`,
  areaM2,
  seats,
});
