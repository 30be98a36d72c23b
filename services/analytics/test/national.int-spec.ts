import { randomUUID } from 'node:crypto';
import { ApplicationSubmitted, ResidencyStarted } from '@technopark/contracts';
import { bearer } from '@technopark/security/testing';
import { eventually, infrastructureEnv, testKafka, uniqueSiteId } from '@technopark/testing';
import request from 'supertest';
import { type AnalyticsSite, scripted, startAnalyticsSite, tokens } from './support/analytics-site';

const actor = { id: 'staff-1', role: 'site-staff' as const };
const submitted = () =>
  scripted(
    ApplicationSubmitted,
    {
      applicationId: randomUUID(),
      startupId: randomUUID(),
      programId: 'incubation',
      callId: 'autumn',
      submittedAt: '2026-09-01T10:00:00Z',
      actor,
    },
    '2026-09-01T10:00:00Z',
  );
const started = () =>
  scripted(
    ResidencyStarted,
    {
      residencyId: randomUUID(),
      startupId: randomUUID(),
      programId: 'incubation',
      programKind: 'incubation',
      spaceId: 'office-1',
      startedOn: '2026-09-15',
      plannedEndOn: '2028-03-15',
      actor,
    },
    '2026-09-15T10:00:00Z',
  );

describe('a national analytics instance', () => {
  // Sites of their own, read by name: the broker also holds every other test's sites.
  const tag = uniqueSiteId('n');
  const rabat = `${tag}-rabat`;
  const tangier = `${tag}-tangier`;
  const agadir = `${tag}-agadir`;
  let national: AnalyticsSite;

  afterAll(() => national?.close());

  it("reads every site's topics by pattern and serves each site's KPIs and the network's", async () => {
    // The sites' services have published before the national instance starts: it reads from the beginning.
    const writer = await startAnalyticsSite();
    await writer.publish([submitted(), submitted(), started()], rabat);
    await writer.publish([submitted(), started(), started()], tangier);
    await writer.close();

    const nationalId = uniqueSiteId('national');
    national = await startAnalyticsSite({
      site: nationalId,
      env: {
        ANALYTICS_SCOPE: 'national',
        ANALYTICS_SITES: `${rabat}|${tangier}|${agadir}`,
        KAFKA_NEW_TOPICS_CHECK_SECONDS: '2',
      },
    });
    const admin = bearer(await tokens.forRole('platform-admin', 'national'));
    const http = () => request(national.app.getHttpServer());
    const ofSite = async (site: string) => (await http().get(`/v1/sites/${site}/kpis`).set(admin).expect(200)).body;
    // A site is unknown (404) until its first event is read.
    const projected = async (site: string) => {
      const response = await http().get(`/v1/sites/${site}/kpis`).set(admin);
      return response.status === 200 ? response.body : undefined;
    };
    await eventually(
      async () =>
        (await projected(tangier))?.residents.residentsNow === 2 &&
        (await projected(rabat))?.funnel.counts.submitted === 2,
      'both sites projected',
      90_000,
    );
    expect(await ofSite(rabat)).toMatchObject({
      scope: rabat,
      funnel: { counts: { submitted: 2 } },
      residents: { residentsNow: 1 },
    });
    expect(await ofSite(tangier)).toMatchObject({
      scope: tangier,
      funnel: { counts: { submitted: 1 } },
      residents: { residentsNow: 2 },
    });
    const network = (await http().get('/v1/kpis').set(admin).expect(200)).body;
    expect(network).toMatchObject({
      scope: 'all',
      funnel: { counts: { submitted: 3 } },
      residents: { residentsNow: 3 },
    });

    const rabatStaff = bearer(await tokens.forRole('site-staff', rabat));
    await http().get(`/v1/sites/${rabat}/kpis`).set(rabatStaff).expect(200);
    expect((await http().get(`/v1/sites/${tangier}/kpis`).set(rabatStaff).expect(403)).body.code).toBe(
      'AUTH.WRONG_SITE',
    );
    await http()
      .get('/v1/kpis')
      .set(bearer(await tokens.forRole('partner', rabat)))
      .expect(200);

    // It created no topic that would pass for a site's stream: only its dead letters and its KPI stream.
    const admin2 = testKafka(infrastructureEnv().KAFKA_BROKERS).admin();
    await admin2.connect();
    const own = (await admin2.listTopics()).filter((topic) => topic.startsWith(`technopark.${nationalId}.`));
    await admin2.disconnect();
    expect(own.filter((topic) => !topic.startsWith(`technopark.${nationalId}.dlq.`)).sort()).toEqual([
      `technopark.${nationalId}.kpis`,
    ]);
  }, 150_000);

  it('reads a site that comes online after it started, without a restart', async () => {
    const admin = bearer(await tokens.forRole('platform-admin', 'national'));
    const network = async () =>
      (await request(national.app.getHttpServer()).get('/v1/kpis').set(admin).expect(200)).body;
    const before = (await network()).funnel.counts.submitted;
    // Agadir's topics did not exist when the national instance subscribed.
    await national.publish([submitted(), submitted()], agadir);
    await eventually(
      async () => (await network()).funnel.counts.submitted === before + 2,
      "the new site's events",
      60_000,
    );
    expect(
      (await request(national.app.getHttpServer()).get(`/v1/sites/${agadir}/kpis`).set(admin).expect(200)).body.funnel
        .counts.submitted,
    ).toBe(2);
    const sites = async () =>
      (await request(national.app.getHttpServer()).get('/v1/sites').set(admin).expect(200)).body;
    expect(await sites()).toEqual({
      scope: 'national',
      sites: [agadir, rabat, tangier],
      // Each site's newest event time, and when it was read (now).
      freshness: [
        { site: agadir, lastEventAt: '2026-09-01T10:00:00.000Z', lastReadAt: expect.any(String) },
        { site: rabat, lastEventAt: '2026-09-15T10:00:00.000Z', lastReadAt: expect.any(String) },
        { site: tangier, lastEventAt: '2026-09-15T10:00:00.000Z', lastReadAt: expect.any(String) },
      ],
    });
    const readAt = Date.parse((await sites()).freshness[0].lastReadAt);
    expect(Math.abs(Date.now() - readAt)).toBeLessThan(60_000);

    // A late event older than the newest one read counts, and does not move the site's freshness back.
    await national.publish([submitted()], rabat);
    await eventually(async () => (await network()).funnel.counts.submitted === before + 3, 'the late event', 60_000);
    expect((await sites()).freshness[1]).toMatchObject({ site: rabat, lastEventAt: '2026-09-15T10:00:00.000Z' });
  }, 90_000);
});
