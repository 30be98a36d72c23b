import { describeOpenApiFuzz, type FuzzSeedContext } from '@technopark/platform/testing';
import { bearer } from '@technopark/security/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { AppModule } from '../src/app.module';
import { APPLICATIONS_SERVICE } from '../src/applications.service-descriptor';
import { applicationBody, expectStatus, programBody, startupBody } from './support/applications-app';

const DAY = 24 * 3600 * 1000;

/** A program with an open call, a startup and its draft application, so the fuzzer reaches existing resources. */
async function seedResources({ app, tokens, site }: FuzzSeedContext): Promise<Record<string, string>> {
  const http = () => request(app.getHttpServer());
  const staff = bearer(await tokens.forRole('site-staff', site));
  const programId = 'fuzzed-program';
  const callId = 'fuzzed-program-call';
  const startupId = randomUUID();
  const startup = bearer(await tokens.forRole('startup', site, { startupId }));
  await expectStatus(http().post('/v1/programs').set(staff).send(programBody(programId)), 201);
  const opensAt = new Date(Date.now() - DAY);
  await expectStatus(
    http()
      .post(`/v1/programs/${programId}/calls`)
      .set(staff)
      .send({
        id: callId,
        title: 'Fuzzed cohort',
        opensAt,
        closesAt: new Date(opensAt.getTime() + 30 * DAY),
        cohortCapacity: 10,
      }),
    201,
  );
  await expectStatus(http().post('/v1/startups').set(startup).send(startupBody('Fuzzed startup')), 201);
  const application = await expectStatus(
    http().post('/v1/applications').set(startup).send(applicationBody(callId)),
    201,
  );
  return { programId, callId, startupId, applicationId: application.body.id };
}

describeOpenApiFuzz(APPLICATIONS_SERVICE, AppModule, { seedResources });
