import { randomUUID } from 'node:crypto';
import { getModelToken } from '@nestjs/mongoose';
import { ApplicationScored, ApplicationSubmitted } from '@technopark/contracts';
import { eventually } from '@technopark/testing';
import type { Model } from 'mongoose';
import { KpiVersion } from '../src/kpis/kpi-version.schema';
import { KpiVersionRepository } from '../src/kpis/kpi-version.repository';
import { KpiYear } from '../src/kpis/kpi-cell.schema';
import { TimelineEntry } from '../src/timeline/timeline-entry.schema';
import { type AnalyticsSite, scripted, startAnalyticsSite } from './support/analytics-site';

const EVENTS = 60;

describe("a batch of events, projected with the batch's writes", () => {
  let analytics: AnalyticsSite;
  beforeAll(async () => {
    analytics = await startAnalyticsSite();
  }, 60_000);
  afterAll(() => analytics?.close());

  it('writes the counters, the timeline and the change sequence in a few bulks, not once per event', async () => {
    const model = <T>(name: string) => analytics.app.get<Model<T>>(getModelToken(name));
    const spies = [
      model<KpiYear>(KpiYear.name),
      model<TimelineEntry>(TimelineEntry.name),
      model<KpiVersion>(KpiVersion.name),
    ].map((collection) => ({
      bulk: jest.spyOn(collection, 'bulkWrite'),
      single: [jest.spyOn(collection, 'updateOne'), jest.spyOn(collection, 'create')],
    }));
    const startupIds = Array.from({ length: EVENTS }, () => randomUUID());
    try {
      await analytics.publishTogether(
        startupIds.map((startupId) => {
          const applicationId = randomUUID();
          return scripted(
            ApplicationSubmitted,
            { ...ApplicationSubmitted.example, startupId, applicationId, submittedAt: '2026-02-01T09:00:00Z' },
            '2026-02-01T09:00:00Z',
          );
        }),
      );
      await eventually(
        async () => (await analytics.get('/v1/kpis/funnel')).body.counts.submitted === EVENTS,
        'every submission counted',
        60_000,
      );

      const [years, timeline, versions] = spies;
      expect(timeline?.bulk.mock.calls.length).toBeGreaterThan(0);
      for (const { bulk, single } of [years, timeline, versions]) {
        expect(bulk?.mock.calls.length).toBeLessThanOrEqual(EVENTS / 6);
        for (const spy of single ?? []) expect(spy.mock.calls).toHaveLength(0);
      }
      const timelineOf = async (startupId: string) =>
        (await analytics.get(`/v1/startups/${startupId}/timeline`)).body.items.map(
          (entry: { type: string }) => entry.type,
        );
      expect(await timelineOf(startupIds[0] as string)).toEqual([ApplicationSubmitted.type]);
      expect(await timelineOf(startupIds[EVENTS - 1] as string)).toEqual([ApplicationSubmitted.type]);
    } finally {
      for (const { bulk, single } of spies) for (const spy of [bulk, ...single]) spy.mockRestore();
    }
  });

  it('moves the change sequence for counts, not for an entry on a timeline only', async () => {
    const versions = analytics.app.get(KpiVersionRepository);
    const startupId = randomUUID();
    await analytics.publishTogether([
      scripted(
        ApplicationSubmitted,
        {
          ...ApplicationSubmitted.example,
          startupId,
          applicationId: randomUUID(),
          submittedAt: '2026-03-01T09:00:00Z',
        },
        '2026-03-01T09:00:00Z',
      ),
    ]);
    // The site's freshness moves in the same write as the sequence, the last of the batch's.
    const readUpTo = async (time: string) =>
      eventually(
        async () => ((await versions.freshness())[analytics.site]?.lastEventAt?.getTime() ?? 0) >= Date.parse(time),
        `the batch of the event of ${time} stored`,
        60_000,
      );
    const timelineOf = async () => (await analytics.get(`/v1/startups/${startupId}/timeline`)).body.items.length;
    await readUpTo('2026-03-01T09:00:00Z');
    const counted = await versions.current();

    await analytics.publishTogether([
      scripted(ApplicationScored, { ...ApplicationScored.example, startupId }, '2026-03-02T09:00:00Z'),
    ]);
    await readUpTo('2026-03-02T09:00:00Z');
    expect(await timelineOf()).toBe(2);

    expect(counted).toBeGreaterThan(0);
    expect(await versions.current()).toBe(counted);
  });
});
