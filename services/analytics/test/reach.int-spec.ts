import { randomUUID } from 'node:crypto';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { MIGRATIONS_COLLECTION, ReachRepository } from '../src/reach/reach.repository';
import { ResidencySpan } from '../src/reach/reach.schemas';
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
  type Quarter = `${number}-Q${1 | 2 | 3 | 4}`;
  const residentsIn = async (quarters: Quarter[], site = analytics.site) =>
    Promise.all(quarters.map(async (quarter) => (await reach.ofQuarter(quarter, site)).residents));

  it('counts an ended residency in every quarter it spans, an open one from its start, and none from the waitlist', async () => {
    const ended = residency('2030-11-03', '2031-04-30');
    const open = residency('2031-02-10');
    const endedBeforeStartRead = residency('2031-01-05', '2031-01-20');
    const fromTheWaitlist = residency(undefined, '2031-03-01');
    await reach.spanned(analytics.site, { ...ended, endedOn: undefined });
    await reach.spanned(analytics.site, ended);
    await reach.spanned(analytics.site, open);
    await reach.spanned(analytics.site, endedBeforeStartRead);
    await reach.spanned(analytics.site, { ...endedBeforeStartRead, endedOn: undefined }); // the start, read late
    await reach.spanned(analytics.site, fromTheWaitlist);
    await reach.spanned(analytics.site, ended); // a redelivery

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
});
