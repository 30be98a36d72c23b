import { randomUUID } from 'node:crypto';
import { getModelToken } from '@nestjs/mongoose';
import { topicFor } from '@technopark/contracts';
import { EffectBatch, EventEffects } from '@technopark/messaging';
import type { Model } from 'mongoose';
import { MIGRATIONS_COLLECTION, ReachRepository } from '../src/reach/reach.repository';
import { OpenResidencies, ResidencySpan } from '../src/reach/reach.schemas';
import { type AnalyticsSite, startAnalyticsSite } from './support/analytics-site';

describe("a quarter's reach, from the residencies' spans", () => {
  let analytics: AnalyticsSite;
  let reach: ReachRepository;
  beforeAll(async () => {
    analytics = await startAnalyticsSite();
    reach = analytics.app.get(ReachRepository);
  }, 60_000);
  afterAll(() => analytics?.close());

  const residency = (startedOn?: string, endedOn?: string) => ({
    residencyId: randomUUID(),
    startupId: randomUUID(),
    ...(startedOn && { startedOn }),
    ...(endedOn && { endedOn }),
  });
  type Residency = ReturnType<typeof residency>;
  /** One residency event handled, its batch stored, as the residency consumer does. */
  const spanned = async (span: Residency, site = analytics.site) => {
    const record = { topic: topicFor(site, 'residency'), partition: 0, message: { offset: '0', headers: {} } };
    const effects = new EventEffects(record as unknown as ConstructorParameters<typeof EventEffects>[0]);
    await reach.spanned(site, span, effects);
    const batch = new EffectBatch();
    batch.add(effects);
    await batch.store();
  };
  type Quarter = `${number}-Q${1 | 2 | 3 | 4}`;
  const residentsIn = async (quarters: Quarter[], site = analytics.site) =>
    Promise.all(quarters.map(async (quarter) => (await reach.ofQuarter(quarter, site)).residents));

  it('counts an ended residency in every quarter it spans, an open one from its start, and none from the waitlist', async () => {
    const ended = residency('2030-11-03', '2031-04-30');
    const open = residency('2031-02-10');
    const endedBeforeStartRead = residency('2031-01-05', '2031-01-20');
    const fromTheWaitlist = residency(undefined, '2031-03-01');
    await spanned({ ...ended, endedOn: undefined });
    await spanned(ended);
    await spanned(open);
    await spanned(endedBeforeStartRead);
    await spanned({ ...endedBeforeStartRead, endedOn: undefined }); // the start, read late
    await spanned(fromTheWaitlist);
    await spanned(ended); // a redelivery

    expect(await residentsIn(['2030-Q3', '2030-Q4', '2031-Q1', '2031-Q2', '2031-Q3'])).toEqual([0, 1, 3, 2, 1]);
  });

  it('gives the spans of an upgraded site their state and quarters once', async () => {
    const spans = analytics.app.get<Model<ResidencySpan>>(getModelToken(ResidencySpan.name));
    const site = `upgraded-${randomUUID().slice(0, 8)}`;
    const quarters: Quarter[] = ['2040-Q1', '2040-Q2', '2040-Q3', '2040-Q4'];
    await spans.collection.insertMany([
      {
        _id: `${site}|${randomUUID()}` as never,
        site,
        startupId: randomUUID(),
        startedOn: '2040-01-10',
        endedOn: '2040-08-01',
      },
      { _id: `${site}|${randomUUID()}` as never, site, startupId: randomUUID(), startedOn: '2040-05-01' },
    ]);
    expect(await residentsIn(quarters, site)).toEqual([0, 0, 0, 0]);

    // Upgraded: the service's first start with this version has not run yet.
    await spans.db.collection(MIGRATIONS_COLLECTION).deleteMany({});
    expect(await reach.upgradeStatelessSpans()).toBe(2);

    expect(await residentsIn(quarters, site)).toEqual([1, 2, 2, 1]);
    expect(await spans.countDocuments({ site, state: { $exists: false } })).toBe(0);
    expect(await spans.db.collection(MIGRATIONS_COLLECTION).countDocuments()).toBe(1);
    expect(await reach.upgradeStatelessSpans()).toBe(0);
  });

  it("keeps a site's open residencies in one document, which a quarter's figure reads", async () => {
    const site = `open-${randomUUID().slice(0, 8)}`;
    const stays = residency('2050-02-01');
    const leaves = residency('2050-01-15');
    await spanned(stays, site);
    await spanned(leaves, site);
    await spanned({ ...leaves, endedOn: '2050-03-01' }, site);
    await spanned(stays, site); // a redelivery of the start

    const documents = analytics.app.get<Model<OpenResidencies>>(getModelToken(OpenResidencies.name));
    const document = await documents.findById(site).lean<OpenResidencies>();
    expect(document?.residents).toEqual({ [stays.residencyId]: `${stays.startupId}|2050-02-01` });

    await reach.upgradeOpenResidencies(); // the first start of this version has built every site
    // The spans are not read for the open residencies any more: without them, the figure stands.
    const spans = analytics.app.get<Model<ResidencySpan>>(getModelToken(ResidencySpan.name));
    await spans.deleteMany({ site, endedOn: { $exists: false } });
    expect(await residentsIn(['2050-Q1', '2050-Q2'], site)).toEqual([2, 1]);
  });

  it("builds an upgraded site's open residencies once, from its open spans", async () => {
    const spans = analytics.app.get<Model<ResidencySpan>>(getModelToken(ResidencySpan.name));
    const documents = analytics.app.get<Model<OpenResidencies>>(getModelToken(OpenResidencies.name));
    const site = `upgraded-open-${randomUUID().slice(0, 8)}`;
    const [first, second, ended] = [randomUUID(), randomUUID(), randomUUID()];
    await spans.collection.insertMany([
      { _id: `${site}|${first}` as never, site, startupId: 'a', startedOn: '2060-01-10', state: 'open' },
      { _id: `${site}|${second}` as never, site, startupId: 'b', startedOn: '2060-04-01', state: 'open' },
      {
        _id: `${site}|${ended}` as never,
        site,
        startupId: 'c',
        startedOn: '2060-01-01',
        endedOn: '2060-02-01',
        state: 'closed',
      },
    ]);
    await spans.db.collection(MIGRATIONS_COLLECTION).deleteOne({ _id: 'open-residencies' as never });

    // By this call, or by the service's own upgrade task if it ran meanwhile.
    await reach.upgradeOpenResidencies();

    expect((await documents.findById(site).lean<OpenResidencies>())?.residents).toEqual({
      [first]: 'a|2060-01-10',
      [second]: 'b|2060-04-01',
    });
    expect(await residentsIn(['2060-Q1', '2060-Q2'], site)).toEqual([1, 2]);
    expect(await reach.upgradeOpenResidencies()).toBe(0);
  });
});
