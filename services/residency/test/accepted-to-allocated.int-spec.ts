import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { topicFor } from '@technopark/contracts';
import { startTestApp } from '@technopark/platform/testing';
import { bearer, TestTokens } from '@technopark/security/testing';
import {
  eventually,
  freePort,
  header,
  infrastructureEnv,
  readTopic,
  runTypeScriptProcess,
  testKafka,
  type TypeScriptProcess,
  uniqueSiteId,
} from '@technopark/testing';
import request from 'supertest';
import { AppModule } from '../src/app.module';
import { RESIDENCY_SERVICE } from '../src/residency.service-descriptor';

// The applications service runs as its own process: services never import each other.
const APPLICATIONS_MAIN = join(__dirname, '../../applications/src/main.ts');
const DAY = 24 * 60 * 60 * 1000;

describe('from an accepted application to an allocated workspace, across two services', () => {
  const tokens = new TestTokens();
  const site = uniqueSiteId('e2e');
  let residency: INestApplication;
  let applications: TypeScriptProcess;
  let applicationsUrl: string;

  beforeAll(async () => {
    const port = await freePort();
    applicationsUrl = `http://127.0.0.1:${port}`;
    applications = runTypeScriptProcess(APPLICATIONS_MAIN, {
      SITE_ID: site,
      PORT: String(port),
      HOST: '127.0.0.1',
      ...infrastructureEnv(),
      ...tokens.environment,
      DECISION_MINIMUM_SCORES: '1',
    });
    residency = await startTestApp(RESIDENCY_SERVICE, AppModule, {
      SITE_ID: site,
      ...infrastructureEnv(),
      ...tokens.environment,
    });
    await eventually(
      async () => (await fetch(`${applicationsUrl}/health/ready`).catch(() => undefined))?.status === 200,
      'the applications service ready',
      60_000,
    );
  }, 90_000);

  afterAll(async () => {
    applications?.child.kill('SIGTERM');
    await applications?.exit;
    await residency?.close();
  });

  it('publishes residency.allocated for the accepted application and counts the resident', async () => {
    const staff = bearer(await tokens.forRole('site-staff', site));
    const startupId = randomUUID();
    const startup = bearer(await tokens.forRole('startup', site, { startupId }));
    const member = bearer(await tokens.forRole('committee-member', site));
    const api = request(applicationsUrl);

    await request(residency.getHttpServer())
      .post('/v1/spaces')
      .set(staff)
      .send({ id: 'coworking', kind: 'coworking', name: 'Coworking', areaM2: 120, seats: 35 })
      .expect(201);
    await api
      .post('/v1/programs')
      .set(staff)
      .send({
        id: 'incubation',
        name: 'Incubation',
        kind: 'incubation',
        targetSectors: [],
        durationMonths: 18,
        includesWorkspace: true,
        rubric: [{ criterion: 'team', weight: 100 }],
      })
      .expect(201);
    await api
      .post('/v1/programs/incubation/calls')
      .set(staff)
      .send({
        id: 'autumn',
        title: 'Autumn',
        opensAt: new Date(Date.now() - DAY),
        closesAt: new Date(Date.now() + 30 * DAY),
        cohortCapacity: 5,
      })
      .expect(201);
    await api
      .post('/v1/startups')
      .set(startup)
      .send({
        name: 'Nomad Studio',
        legalForm: 'tpe',
        foundedOn: '2025-01-01',
        sectors: ['gaming'],
        stage: 'mvp',
        teamSize: 3,
        founders: [{ fullName: 'A B', email: 'a@b.ma' }],
        partnerSharingConsent: false,
      })
      .expect(201);
    const draft = await api
      .post('/v1/applications')
      .set(startup)
      .send({
        callId: 'autumn',
        answers: [],
        needs: { desks: 3, office: false, fundingAmountMad: 0, mentoring: true },
        pitch: 'Games',
      })
      .expect(201);
    const id = draft.body.id;
    await api.post(`/v1/applications/${id}/submit`).set(startup).expect(200);
    await api.post(`/v1/applications/${id}/review`).set(staff).expect(200);
    await api
      .post(`/v1/applications/${id}/scores`)
      .set(member)
      .send({ marks: { team: 9 } })
      .expect(200);
    await api
      .post(`/v1/applications/${id}/decision`)
      .set(staff)
      .send({ outcome: 'accepted', reason: 'Welcome' })
      .expect(200);

    const kafka = testKafka(infrastructureEnv().KAFKA_BROKERS);
    await eventually(
      async () =>
        (await readTopic(kafka, topicFor(site, 'residencies')).catch(() => [])).some(
          (record) => header(record, 'ce_subject') === id,
        ),
      'residency.allocated on the topic',
      60_000,
    );
    const [allocated] = (await readTopic(kafka, topicFor(site, 'residencies'))).filter(
      (record) => header(record, 'ce_subject') === id,
    );
    expect(allocated && header(allocated, 'ce_type')).toBe('ma.technopark.residency.allocated.v1');
    expect(JSON.parse(String(allocated?.value))).toMatchObject({
      residencyId: id,
      startupId,
      programId: 'incubation',
      programKind: 'incubation',
      spaceId: 'coworking',
      spaceKind: 'coworking',
      seats: 3,
    });
    const occupancy = await request(residency.getHttpServer()).get('/v1/occupancy').set(staff).expect(200);
    expect(occupancy.body).toMatchObject({
      coworkingPositions: { used: 3, total: 35 },
      residents: 0,
      awaitingMoveIn: 1,
      waitlist: 0,
    });
    const published = async () =>
      (await readTopic(kafka, topicFor(site, 'occupancy')).catch(() => [])).map((record) =>
        JSON.parse(String(record.value)),
      );
    await eventually(
      async () => (await published()).some((figures) => figures.awaitingMoveIn === 1),
      'occupancy.changed with the allocation',
      30_000,
    );
    expect((await published()).at(-1)).toMatchObject({ coworkingPositions: { used: 3, total: 35 }, awaitingMoveIn: 1 });
  });
});
