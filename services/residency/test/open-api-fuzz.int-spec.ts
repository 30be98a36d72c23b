import { describeOpenApiFuzz, type FuzzSeedContext } from '@technopark/platform/testing';
import { bearer } from '@technopark/security/testing';
import request from 'supertest';
import { AppModule } from '../src/app.module';
import { AllocationService } from '../src/residencies/allocation.service';
import { RESIDENCY_SERVICE } from '../src/residency.service-descriptor';
import { accepted, coworking, office } from './support/residency-site';

/** Spaces, an allocated residency and a waitlisted one, so the fuzzer reaches existing resources. */
async function seedResources({ app, tokens, site }: FuzzSeedContext): Promise<Record<string, string>> {
  const staff = bearer(await tokens.forRole('site-staff', site));
  for (const space of [office('fuzzed-office', 4), coworking('fuzzed-hub', 6)])
    await request(app.getHttpServer()).post('/v1/spaces').set(staff).send(space).expect(201);
  const allocation = app.get(AllocationService);
  const allocated = await allocation.onAccepted(accepted(3), new Date());
  await allocation.onAccepted(accepted(50), new Date());
  return { spaceId: 'fuzzed-office', residencyId: String(allocated?._id) };
}

describeOpenApiFuzz(RESIDENCY_SERVICE, AppModule, { seedResources });
