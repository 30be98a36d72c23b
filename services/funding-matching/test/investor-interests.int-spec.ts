import { randomUUID } from 'node:crypto';
import {
  InvestorInterestRecorded,
  ResidencyStarted,
  ResidentReportSubmitted,
  StartupRegistered,
} from '@technopark/contracts';
import { type FundingSite, startFundingSite } from './support/funding-site';
import { NETWORK_DAY, NETWORK_FUNDERS, SOUSS_AGRITECH } from './support/scripted-network';

const startupId = SOUSS_AGRITECH.registered.startupId;

describe("interests recorded at investor sessions, from the events service's events", () => {
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
    await site.publish(ResidencyStarted, SOUSS_AGRITECH.started as object);
    await site.publish(ResidentReportSubmitted, SOUSS_AGRITECH.report as object);
    await site.settle(
      async () => (await site.http().get(`/v1/matches/${startupId}:seed-alpha`).set(site.staff)).status === 200,
      'the match',
    );
  }, 120_000);
  afterAll(() => site.close());

  it('makes an interest an introduction awaiting the startup’s consent, once however often it is delivered', async () => {
    const interest = {
      interestId: randomUUID(),
      eventId: randomUUID(),
      funderId: 'seed-alpha',
      startupId,
      actor: { id: 'contact-seed', role: 'funder' as const },
    };
    await site.publish(InvestorInterestRecorded, interest);
    await site.publish(InvestorInterestRecorded, interest);
    // An interest in a startup funding matching does not know is logged, and the consumer goes on.
    await site.publish(InvestorInterestRecorded, { ...interest, interestId: randomUUID(), startupId: randomUUID() });
    const listed = async () =>
      (await site.http().get(`/v1/introductions?startupId=${startupId}`).set(site.staff)).body.items as {
        funderId: string;
        status: string;
      }[];
    await site.settle(async () => (await listed()).length === 1, 'the introduction');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const introductions = await listed();
    expect(introductions).toHaveLength(1);
    expect(introductions[0]).toMatchObject({ funderId: 'seed-alpha', status: 'awaiting-consent' });
  });
});
