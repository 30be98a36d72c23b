import { randomUUID } from 'node:crypto';
import { getModelToken } from '@nestjs/mongoose';
import {
  ApplicationSubmitted,
  ResidentReportSubmitted,
  type ResidentReportSubmittedV1,
  StartupRegistered,
  topicFor,
} from '@technopark/contracts';
import { EffectBatch, EventEffects, type ReceivedEvent } from '@technopark/messaging';
import { eventually } from '@technopark/testing';
import type { Model } from 'mongoose';
import { JobsRepository } from '../src/economy/jobs.repository';
import { StartupHeadcount } from '../src/economy/startup-headcount.schema';
import { JOBS_KPI } from '../src/kpis/economy-kpis';
import { KpiYear } from '../src/kpis/kpi-cell.schema';
import { KpiCellsRepository } from '../src/kpis/kpi-cells.repository';
import { StartupSectors } from '../src/sectors/startup-sectors.schema';
import { StartupSectorsRepository } from '../src/sectors/startup-sectors.repository';
import { type AnalyticsSite, scripted, startAnalyticsSite } from './support/analytics-site';

const MONTH = '2026-03';

describe("changes decided from a startup's state (sector counts, jobs), added with the batch by their own record", () => {
  let analytics: AnalyticsSite;
  let sectors: StartupSectorsRepository;
  let cells: KpiCellsRepository;
  beforeAll(async () => {
    analytics = await startAnalyticsSite();
    sectors = analytics.app.get(StartupSectorsRepository);
    cells = analytics.app.get(KpiCellsRepository);
  }, 60_000);
  afterAll(() => analytics?.close());

  /** A record of the applications topic, as the consumer holds it. */
  const recordAt = (offset: number, partition = 0) =>
    ({
      topic: topicFor(analytics.site, 'applications'),
      partition,
      message: { offset: String(offset), headers: {} },
    }) as unknown as ConstructorParameters<typeof EventEffects>[0];

  const submittedInAi = async () =>
    (
      await cells.find({
        kpis: ['funnel.submitted'],
        site: analytics.site,
        from: MONTH,
        to: MONTH,
        dimension: 'sector:ai',
      })
    ).reduce((sum, cell) => sum + cell.value, 0);

  /** One handler run for the record: the startup's submission counted under its sectors, its effects queued. */
  async function countSubmission(
    fact: { eventId: string; startupId: string },
    offset: number,
    partition = 0,
  ): Promise<EffectBatch> {
    const effects = new EventEffects(recordAt(offset, partition));
    await sectors.onFunnelCounts(
      { eventId: fact.eventId, site: analytics.site, startupId: fact.startupId },
      [{ eventId: fact.eventId, kpi: 'funnel.submitted', period: MONTH }],
      effects,
    );
    const batch = new EffectBatch();
    batch.add(effects);
    return batch;
  }

  it("adds a startup's sector counts once when its record is read again after a crash, and never from another event's record", async () => {
    const startupId = randomUUID();
    const before = await submittedInAi();
    const startups = analytics.app.get<Model<StartupSectors>>(getModelToken(StartupSectors.name));
    await startups.create({
      _id: `${analytics.site}|${startupId}`,
      site: analytics.site,
      startupId,
      sectors: ['ai'],
      contributions: [],
      pending: [],
      version: 1,
    });
    const submission = { eventId: randomUUID(), startupId };

    // The startup's document is written, then the process dies before the batch is stored.
    await countSubmission(submission, 10);
    expect((await startups.findById(`${analytics.site}|${startupId}`).lean())?.pending).toHaveLength(1);
    // Another event about the startup, on another partition, finds the change: it is not its own.
    await (await countSubmission({ eventId: randomUUID(), startupId }, 3, 1)).store();
    expect(await submittedInAi()).toBe(before + 1);
    // The record read again adds the change once, even when two handler runs queued it (a rebalance).
    const readAgain = await countSubmission(submission, 10);
    const readOnceMore = await countSubmission(submission, 10);
    await readAgain.store();
    await readOnceMore.store();

    expect(await submittedInAi()).toBe(before + 2);
    expect((await startups.findById(`${analytics.site}|${startupId}`).lean())?.pending).toEqual([]);
  });

  it("decides from its copy of a startup's document, and reads it again when another writer moved it", async () => {
    const startupId = randomUUID();
    const startups = analytics.app.get<Model<StartupSectors>>(getModelToken(StartupSectors.name));
    const id = `${analytics.site}|${startupId}`;
    await startups.create({
      _id: id,
      site: analytics.site,
      startupId,
      sectors: ['ai'],
      contributions: [],
      pending: [],
      version: 1,
    });
    const reads = jest.spyOn(startups, 'findById');
    try {
      await (await countSubmission({ eventId: randomUUID(), startupId }, 30)).store();
      await (await countSubmission({ eventId: randomUUID(), startupId }, 31)).store();
      expect(reads).toHaveBeenCalledTimes(1);

      // Another process moves the startup to other sectors: the copy is stale, its write fails.
      await startups.updateOne({ _id: id }, { $set: { sectors: ['health'] }, $inc: { version: 1 } });
      await (await countSubmission({ eventId: randomUUID(), startupId }, 32)).store();

      expect(reads).toHaveBeenCalledTimes(2);
      const stored = await startups.findById(id).lean();
      expect(stored?.contributions).toHaveLength(3);
      expect(stored?.pending).toEqual([]);
    } finally {
      reads.mockRestore();
    }
  });

  it("adds a report's change of the jobs total once when its record is read again after a crash", async () => {
    const jobs = analytics.app.get(JobsRepository);
    const startupId = randomUUID();
    const report = (eventId: string, period: string, headcount: number) =>
      ({
        id: eventId,
        site: analytics.site,
        data: { ...ResidentReportSubmitted.example, startupId, period, headcount },
      }) as ReceivedEvent<ResidentReportSubmittedV1>;
    const handled = async (event: ReceivedEvent<ResidentReportSubmittedV1>, offset: number) => {
      const effects = new EventEffects({ ...recordAt(offset), topic: topicFor(analytics.site, 'residency') });
      await jobs.onReport(event, effects);
      const batch = new EffectBatch();
      batch.add(effects);
      return batch;
    };
    const jobsIn = async (period: string) =>
      (await cells.find({ kpis: [JOBS_KPI], site: analytics.site, from: period, to: period, dimension: 'all' })).reduce(
        (sum, cell) => sum + cell.value,
        0,
      );
    const first = report(randomUUID(), '2026-Q1', 5);

    await handled(first, 20); // the process dies before the batch is stored
    const readAgain = await handled(first, 20);
    const readOnceMore = await handled(first, 20);
    await readAgain.store();
    await readOnceMore.store();
    await (await handled(report(randomUUID(), '2026-Q2', 8), 21)).store();

    expect(await jobsIn('2026-Q1')).toBe(5);
    expect(await jobsIn('2026-Q2')).toBe(3);
    const headcounts = analytics.app.get<Model<StartupHeadcount>>(getModelToken(StartupHeadcount.name));
    expect(await headcounts.findById(`${analytics.site}|${startupId}`).lean()).toMatchObject({
      period: '2026-Q2',
      headcount: 8,
      changes: [],
    });
  });

  it('keeps no marker per event in the year documents, the sector and jobs ones included', async () => {
    const startupIds = Array.from({ length: 20 }, () => randomUUID());
    await analytics.publishTogether(
      startupIds.flatMap((startupId) => [
        scripted(
          StartupRegistered,
          { ...StartupRegistered.example, startupId, sectors: ['ai', 'fintech'] },
          '2026-01-15T09:00:00Z',
        ),
        scripted(
          ApplicationSubmitted,
          {
            ...ApplicationSubmitted.example,
            startupId,
            applicationId: randomUUID(),
            submittedAt: '2026-02-01T09:00:00Z',
          },
          '2026-02-01T09:00:00Z',
        ),
        scripted(
          ResidentReportSubmitted,
          { ...ResidentReportSubmitted.example, startupId, period: '2026-Q1', headcount: 4 },
          '2026-04-02T09:00:00Z',
        ),
      ]),
    );
    const years = analytics.app.get<Model<KpiYear>>(getModelToken(KpiYear.name));
    await eventually(
      async () => (await years.countDocuments({ site: analytics.site, kpi: JOBS_KPI })) > 0,
      'the jobs counted',
      60_000,
    );
    await eventually(
      async () => (await analytics.get('/v1/kpis/funnel?sector=fintech')).body.counts.submitted >= startupIds.length,
      'every submission counted under its sectors',
      60_000,
    );

    const documents = await years.find({ site: analytics.site }).lean<Record<string, unknown>[]>();
    expect(documents.filter(({ dimension }) => String(dimension).startsWith('sector:')).length).toBeGreaterThan(0);
    expect(documents.filter(({ kpi }) => kpi === JOBS_KPI).length).toBeGreaterThan(0);
    expect(documents.filter((document) => '_appliedEvents' in document).map(({ _id }) => _id)).toEqual([]);
    expect(documents.every((document) => '_appliedOffsets' in document)).toBe(true);
  });
});
