import { randomUUID } from 'node:crypto';
import { Test } from '@nestjs/testing';
import {
  ApplicationAccepted,
  ApplicationSubmitted,
  type EventContract,
  OccupancyChanged,
  ResidencyAllocated,
  ResidencyEnded,
  ResidencyStarted,
  ResidencyWaitlisted,
  ResidentReportSubmitted,
  StartupProfileUpdated,
  StartupRegistered,
  topicFor,
} from '@technopark/contracts';
import { EventContext, EventEffects, type ReceivedEvent } from '@technopark/messaging';
import { JobsRepository } from '../economy/jobs.repository';
import { KpiCellsRepository } from '../kpis/kpi-cells.repository';
import { OccupancyRepository } from '../occupancy/occupancy.repository';
import { StartupSectorsRepository } from '../sectors/startup-sectors.repository';
import { KpiVersionRepository } from '../kpis/kpi-version.repository';
import {
  InMemoryJobs,
  InMemoryKpiCells,
  InMemoryKpiVersions,
  InMemoryOccupancy,
  InMemoryReach,
  InMemoryStartupSectors,
  InMemoryTimeline,
  InMemoryWaitStarts,
} from '../testing/in-memory-store';
import { ReachRepository } from '../reach/reach.repository';
import { TimelineRepository } from '../timeline/timeline.repository';
import { WaitStartsRepository } from '../waits/wait-starts.repository';
import { ApplicationsProjectionConsumer } from './applications/applications-projection.consumer';
import { EventProjection } from './event-projection';
import { ReportsProjectionConsumer } from './reports/reports-projection.consumer';
import { ResidencyProjectionConsumer } from './residency/residency-projection.consumer';

const SITE = 'rabat';
let offset = 0;

/** An event as the consumer hands it to a handler. */
function received<T extends object>(
  contract: EventContract<T>,
  data: T,
  time: string,
  id = randomUUID(),
): ReceivedEvent<T> {
  return {
    id,
    type: contract.type,
    source: `/technopark/${SITE}/${contract.producer}`,
    subject: contract.subjectOf(data),
    site: SITE,
    time,
    data,
    topic: topicFor(SITE, contract.stream),
    partition: 0,
    offset: String(offset++),
  };
}

/** Hands an event to a consumer's handler as the consumer transport does, with its context. */
function deliver<C extends object>(consumer: C, handler: keyof C, event: ReceivedEvent): Promise<unknown> {
  const record = {
    topic: event.topic,
    partition: event.partition,
    message: { offset: event.offset },
  } as ConstructorParameters<typeof EventEffects>[0];
  const handle = consumer[handler] as (event: ReceivedEvent, context: EventContext) => Promise<unknown>;
  return handle.call(consumer, event, new EventContext([event, new EventEffects(record)]));
}

describe('the projections, over in-memory repositories', () => {
  let cells: InMemoryKpiCells;
  let versions: InMemoryKpiVersions;
  let timeline: InMemoryTimeline;
  let reach: InMemoryReach;
  let applications: ApplicationsProjectionConsumer;
  let residency: ResidencyProjectionConsumer;
  let reports: ReportsProjectionConsumer;

  beforeEach(async () => {
    cells = new InMemoryKpiCells();
    versions = new InMemoryKpiVersions();
    timeline = new InMemoryTimeline();
    reach = new InMemoryReach();
    const module = await Test.createTestingModule({
      controllers: [ApplicationsProjectionConsumer, ResidencyProjectionConsumer, ReportsProjectionConsumer],
      providers: [
        EventProjection,
        { provide: KpiCellsRepository, useValue: cells },
        { provide: KpiVersionRepository, useValue: versions },
        { provide: TimelineRepository, useValue: timeline },
        { provide: WaitStartsRepository, useValue: new InMemoryWaitStarts() },
        { provide: ReachRepository, useValue: reach },
        { provide: OccupancyRepository, useValue: new InMemoryOccupancy() },
        { provide: StartupSectorsRepository, useValue: new InMemoryStartupSectors(cells) },
        { provide: JobsRepository, useValue: new InMemoryJobs(cells) },
      ],
    }).compile();
    applications = module.get(ApplicationsProjectionConsumer);
    residency = module.get(ResidencyProjectionConsumer);
    reports = module.get(ReportsProjectionConsumer);
  });

  const startupId = ApplicationSubmitted.example.startupId;
  const submitted = () =>
    received(
      ApplicationSubmitted,
      { ...ApplicationSubmitted.example, submittedAt: '2026-03-01T09:00:00.000Z' },
      '2026-03-01T09:00:00.000Z',
    );
  const accepted = () => received(ApplicationAccepted, ApplicationAccepted.example, '2026-03-11T10:00:00.000Z');

  it("counts an application's stages, the days to its decision, and both under the startup's sectors", async () => {
    await deliver(
      applications,
      'registered',
      received(StartupRegistered, { ...StartupRegistered.example, sectors: ['ai'] }, '2026-02-01T00:00:00Z'),
    );
    await deliver(applications, 'submitted', submitted());
    await deliver(applications, 'accepted', accepted());

    expect(cells.value(SITE, 'funnel.submitted', '2026-03')).toBe(1);
    expect(cells.value(SITE, 'funnel.accepted', '2026-03', 'program:incubation')).toBe(1);
    expect(cells.value(SITE, 'funnel.decision-days', '2026-03', 'days:10')).toBe(1);
    expect(cells.value(SITE, 'funnel.accepted', '2026-03', 'sector:ai')).toBe(1);
    expect([...timeline.entries.values()].map((entry) => entry.type)).toEqual([
      StartupRegistered.type,
      ApplicationSubmitted.type,
      ApplicationAccepted.type,
    ]);
  });

  it('changes no figure and wakes no dashboard on a redelivery', async () => {
    const event = submitted();
    await deliver(applications, 'submitted', event);
    const sequence = await versions.current();
    await deliver(applications, 'submitted', event);
    expect(cells.value(SITE, 'funnel.submitted', '2026-03')).toBe(1);
    expect(await versions.current()).toBe(sequence);
  });

  it("moves a startup's counts when its sectors change, and ignores an older profile read late", async () => {
    await deliver(
      applications,
      'registered',
      received(StartupRegistered, { ...StartupRegistered.example, sectors: ['ai'] }, '2026-02-01T00:00:00Z'),
    );
    await deliver(applications, 'submitted', submitted());
    await deliver(
      applications,
      'profileUpdated',
      received(
        StartupProfileUpdated,
        { ...StartupProfileUpdated.example, startupId, sectors: ['fintech'] },
        '2026-04-01T00:00:00Z',
      ),
    );
    await deliver(
      applications,
      'registered',
      received(StartupRegistered, { ...StartupRegistered.example, sectors: ['ai'] }, '2026-01-01T00:00:00Z'),
    );
    expect(cells.value(SITE, 'funnel.submitted', '2026-03', 'sector:ai')).toBe(0);
    expect(cells.value(SITE, 'funnel.submitted', '2026-03', 'sector:fintech')).toBe(1);
  });

  it('times an allocation from the waitlist', async () => {
    await deliver(
      residency,
      'waitlisted',
      received(ResidencyWaitlisted, ResidencyWaitlisted.example, '2026-05-01T08:00:00Z'),
    );
    await deliver(
      residency,
      'allocated',
      received(ResidencyAllocated, ResidencyAllocated.example, '2026-05-15T09:00:00Z'),
    );
    expect(cells.value(SITE, 'waitlist.wait-days', '2026-05', 'days:14')).toBe(1);
  });

  it("keeps residencies' spans whichever of their start and end is read first", async () => {
    const ended = { ...ResidencyEnded.example, startedOn: '2026-02-01', endedOn: '2026-05-20' };
    await deliver(residency, 'ended', received(ResidencyEnded, ended, '2026-05-20T09:00:00Z'));
    expect(await reach.ofQuarter('2026-Q2', SITE)).toMatchObject({ residents: 1 });
    await deliver(
      residency,
      'started',
      received(ResidencyStarted, { ...ResidencyStarted.example, startedOn: '2026-02-01' }, '2026-02-01T09:00:00Z'),
    );
    expect(await reach.ofQuarter('2026-Q2', SITE)).toMatchObject({ residents: 1 });
    expect(await reach.ofQuarter('2026-Q3', SITE)).toMatchObject({ residents: 0 });
    const neverStarted = {
      ...ResidencyEnded.example,
      residencyId: randomUUID(),
      startupId: randomUUID(),
      startedOn: undefined,
    };
    await deliver(residency, 'ended', received(ResidencyEnded, neverStarted, '2026-05-21T09:00:00Z'));
    expect(await reach.ofQuarter('2026-Q2', SITE)).toMatchObject({ residents: 1 });
  });

  it("keeps a site's newest occupancy picture only, and pushes only a change", async () => {
    const picture = (version: number) =>
      received(OccupancyChanged, { ...OccupancyChanged.example, version }, '2026-05-01T00:00:00Z');
    await deliver(residency, 'occupancyChanged', picture(2));
    const sequence = await versions.current();
    await deliver(residency, 'occupancyChanged', picture(1));
    expect(await versions.current()).toBe(sequence);
    await deliver(residency, 'occupancyChanged', picture(3));
    expect(await versions.current()).toBe(sequence + 1);
  });

  it("counts jobs from a startup's latest headcount, in the quarter of the report that changed it", async () => {
    const report = (period: string, headcount: number) =>
      received(
        ResidentReportSubmitted,
        { ...ResidentReportSubmitted.example, period, headcount },
        '2026-10-01T00:00:00Z',
      );
    await deliver(reports, 'reported', report('2026-Q2', 5));
    await deliver(reports, 'reported', report('2026-Q3', 8));
    await deliver(reports, 'reported', report('2026-Q1', 2)); // older: not the latest headcount
    expect(cells.value(SITE, 'economy.jobs', '2026-Q2')).toBe(5);
    expect(cells.value(SITE, 'economy.jobs', '2026-Q3')).toBe(3);
    expect(cells.value(SITE, 'economy.jobs', '2026-Q1')).toBe(0);
    expect(cells.value(SITE, 'economy.reports', '2026-Q1')).toBe(1);
  });
});
