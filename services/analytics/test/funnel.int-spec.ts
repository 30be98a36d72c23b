import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { ApplicationAccepted, ApplicationRejected, ApplicationSubmitted, type EventContract, topicFor } from '@technopark/contracts';
import { encodeEvent } from '@technopark/messaging';
import { startTestApp } from '@technopark/platform/testing';
import { bearer, TestTokens } from '@technopark/security/testing';
import { eventually, infrastructureEnv, testKafka, uniqueSiteId } from '@technopark/testing';
import { Partitioners, type Producer } from 'kafkajs';
import request from 'supertest';
import { ANALYTICS_SERVICE } from '../src/analytics.service-descriptor';
import { AppModule } from '../src/app.module';

const tokens = new TestTokens();
const actor = { id: 'staff-1', role: 'site-staff' as const };

describe('the application funnel, from the events on the topic', () => {
  const site = uniqueSiteId('funnel');
  let app: INestApplication;
  let producer: Producer;

  const reference = (programId: string) => ({ applicationId: randomUUID(), startupId: randomUUID(), programId, callId: `${programId}-call`, actor });
  const message = <T extends object>(contract: EventContract<T>, payload: T, time: string) => {
    const { key, value, headers } = encodeEvent(contract, payload, { site, service: 'applications' }, { time: new Date(time) });
    return { key, value, headers };
  };
  const funnel = async (query = '') => (await request(app.getHttpServer()).get(`/v1/kpis/funnel${query}`).set(bearer(await tokens.forRole('site-staff', site))).expect(200)).body;

  beforeAll(async () => {
    producer = testKafka(infrastructureEnv().KAFKA_BROKERS).producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    app = await startTestApp(ANALYTICS_SERVICE, AppModule, { SITE_ID: site, ...infrastructureEnv(), ...tokens.environment });
  }, 60_000);
  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
  });

  it('counts each stage once per event, by event month and program, even when events are delivered twice', async () => {
    const a = reference('incubation');
    const b = reference('incubation');
    const c = reference('acceleration');
    const accepted = message(ApplicationAccepted, { ...a, programKind: 'incubation', programName: 'Incubation', durationMonths: 18, includesWorkspace: true, workspaceNeeds: { desks: 2, office: false }, averageScore: 81 }, '2026-03-10T10:00:00Z');
    const messages = [
      message(ApplicationSubmitted, { ...a, submittedAt: '2026-02-01T09:00:00Z' }, '2026-02-01T09:00:00Z'),
      message(ApplicationSubmitted, { ...b, submittedAt: '2026-02-03T09:00:00Z' }, '2026-02-03T09:00:00Z'),
      message(ApplicationSubmitted, { ...c, submittedAt: '2026-03-01T09:00:00Z' }, '2026-03-01T09:00:00Z'),
      accepted,
      message(ApplicationRejected, b, '2026-03-12T10:00:00Z'),
    ];
    await producer.send({ topic: topicFor(site, 'applications'), messages: [...messages, accepted, accepted] });

    await eventually(async () => (await funnel()).counts.rejected === 1, 'the funnel counted', 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await funnel()).toEqual({ counts: { submitted: 3, 'in-review': 0, accepted: 1, rejected: 1, waitlisted: 0, withdrawn: 0 }, acceptanceRate: 0.5 });
    expect((await funnel('?from=2026-03&to=2026-03')).counts).toMatchObject({ submitted: 1, accepted: 1, rejected: 1 });
    expect((await funnel('?programId=acceleration')).counts).toMatchObject({ submitted: 1, accepted: 0 });
    const invalid = await request(app.getHttpServer()).get('/v1/kpis/funnel?from=March').set(bearer(await tokens.forRole('site-staff', site))).expect(400);
    expect(invalid.body.fields.map((field: { field: string }) => field.field)).toEqual(['from']);
  });
});
