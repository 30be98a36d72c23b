import { StartupRegistered } from '@technopark/contracts';
import { databaseNameFor } from '@technopark/persistence';
import { infrastructureEnv } from '@technopark/testing';
import { mongo } from 'mongoose';
import { FUNDING_MATCHING_SERVICE } from '../src/funding-matching.service-descriptor';
import { MatchesRepository } from '../src/matching/matches.repository';
import { type FundingSite, startFundingSite } from './support/funding-site';
import { CASA_PAY, NETWORK_DAY, NETWORK_FUNDERS, SOUSS_AGRITECH } from './support/scripted-network';

/** A site whose matches were kept in the earlier layout, one document per pair, has no rows after the upgrade. */
describe('a site started without rows of matches', () => {
  let site: FundingSite | undefined;
  afterAll(() => site?.close());

  const matchCount = (running: FundingSite) => running.app.get(MatchesRepository).counts();

  it('computes every match again on the sweep at its start, and serves them', async () => {
    const first = await startFundingSite({ today: NETWORK_DAY });
    for (const funder of NETWORK_FUNDERS.slice(0, 3))
      await first
        .http()
        .post('/v1/funders')
        .set(first.admin)
        .send({ ...funder, sites: [first.site] })
        .expect(201);
    for (const startup of [SOUSS_AGRITECH, CASA_PAY]) await first.publish(StartupRegistered, startup.registered);
    await first.settle(async () => (await matchCount(first)).matches === 6, 'every pair computed');
    await first.close();
    const client = await mongo.MongoClient.connect(infrastructureEnv().MONGO_URL, { maxPoolSize: 1 });
    const database = client.db(databaseNameFor(FUNDING_MATCHING_SERVICE.name, first.site));
    await database.collection('match_rows').deleteMany({});
    await database.collection('qualified_matches').deleteMany({});
    await client.close();

    site = await startFundingSite({ today: NETWORK_DAY, site: first.site });
    const restarted = site;
    await restarted.settle(async () => (await matchCount(restarted)).matches === 6, 'every pair computed again');

    const souss = await site
      .http()
      .get(`/v1/startups/${SOUSS_AGRITECH.registered.startupId}/matches`)
      .set(site.staff)
      .expect(200);
    expect(souss.body.items).toHaveLength(3);
    expect((await site.sweep())['rowsRebuilt']).toBe(0);
  }, 120_000);
});
