import { randomUUID } from 'node:crypto';
import {
  CompetitionResultsPublished,
  type CompetitionResultsPublishedV1,
  StartupRegistered,
} from '@technopark/contracts';
import { type FundingSite, startFundingSite } from './support/funding-site';
import { NETWORK_DAY, NETWORK_FUNDERS, SOUSS_AGRITECH } from './support/scripted-network';

const startupId = SOUSS_AGRITECH.registered.startupId;

describe("competitions' cash prizes, from the events service's results", () => {
  let site: FundingSite;

  beforeAll(async () => {
    site = await startFundingSite({ today: NETWORK_DAY });
    const seedAlpha = NETWORK_FUNDERS.find((funder) => funder.funderId === 'seed-alpha');
    await site
      .http()
      .post('/v1/funders')
      .set(site.admin)
      .send({ ...seedAlpha, sites: [site.site] })
      .expect(201);
    await site.publish(StartupRegistered, SOUSS_AGRITECH.registered);
  }, 120_000);
  afterAll(() => site.close());

  it('records a prize a funder sponsors as a grant the startup raised, once, and leaves the other prizes out', async () => {
    const team = (rank: number, overrides: Partial<CompetitionResultsPublishedV1['results'][number]>) => ({
      teamId: randomUUID(),
      teamName: `Team ${rank}`,
      memberCount: 2,
      rank,
      score: 90 - rank,
      ...overrides,
    });
    const results: CompetitionResultsPublishedV1 = {
      eventId: randomUUID(),
      kind: 'competition',
      jurors: 3,
      results: [
        team(1, { startupId, prize: { label: 'Grand prix', amountMad: 100_000, sponsorId: 'seed-alpha' } }),
        // A group of people: no startup raised it.
        team(2, { prize: { label: 'Second prize', amountMad: 30_000, sponsorId: 'seed-alpha' } }),
        // A sponsor that is no funder of this site, a prize without cash, a prize from the site itself.
        team(3, {
          startupId: randomUUID(),
          prize: { label: 'Third prize', amountMad: 10_000, sponsorId: 'no-such-fund' },
        }),
        team(4, { startupId, prize: { label: 'Jury’s favourite' } }),
        team(5, { startupId, prize: { label: 'Site award', amountMad: 5_000 } }),
      ],
      actor: { id: 'staff-12', role: 'site-staff' },
    };
    await site.publish(CompetitionResultsPublished, results);
    await site.publish(CompetitionResultsPublished, results);

    await site.settle(async () => (await site.eventsAbout('fundings', startupId)).length >= 1, 'the prize raised');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const fundings = (await site.http().get(`/v1/fundings?startupId=${startupId}`).set(site.staff).expect(200)).body
      .items;
    expect(fundings).toEqual([
      expect.objectContaining({
        startupId,
        funderId: 'seed-alpha',
        amountMad: 100_000,
        instrument: 'grant',
        raisedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        evidence: { kind: 'grant-decision', reference: `competition ${results.eventId}: Grand prix, rank 1` },
        recordedBy: { id: 'competition-results', role: 'system' },
      }),
    ]);
    const raised = await site.eventsAbout('fundings', startupId);
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({
      type: 'ma.technopark.funding.raised.v1',
      data: { fundingId: fundings[0].id, amount: 100_000, instrument: 'grant', evidence: 'grant-decision' },
    });
  });
});
