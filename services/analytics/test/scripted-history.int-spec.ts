import { getConnectionToken, getModelToken } from '@nestjs/mongoose';
import {
  ApplicationAccepted,
  ApplicationRejected,
  ApplicationReviewStarted,
  ApplicationSubmitted,
  ApplicationWithdrawn,
  OccupancyChanged,
  ResidencyAllocated,
  ResidencyEnded,
  type ResidencyOutcome,
  ResidencyStarted,
  ResidencyWaitlisted,
  ResidentReportSubmitted,
  topicFor,
} from '@technopark/contracts';
import { consumerGroupOf, rewindConsumerGroup } from '@technopark/messaging';
import { eventually, infrastructureEnv, testKafka } from '@technopark/testing';
import type { Connection, Model } from 'mongoose';
import { KpiYear } from '../src/kpis/kpi-cell.schema';
import { type AnalyticsSite, scripted, type ScriptedEvent, startAnalyticsSite } from './support/analytics-site';

const TODAY = '2026-11-22';
const actor = { id: 'staff-1', role: 'site-staff' as const };
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const startup = (n: number) => uuid(100 + n);

function application(n: number, startupNumber: number, programId: string) {
  return { applicationId: uuid(n), startupId: startup(startupNumber), programId, callId: `${programId}-call`, actor };
}
function residency(n: number, startupNumber: number) {
  return {
    residencyId: uuid(200 + n),
    startupId: startup(startupNumber),
    programId: 'incubation',
    programKind: 'incubation' as const,
    actor,
  };
}
const at = (day: string) => `${day}T10:00:00Z`;
const started = (n: number, s: number, on: string) =>
  scripted(
    ResidencyStarted,
    { ...residency(n, s), spaceId: `office-${n}`, startedOn: on, plannedEndOn: '2030-01-01' },
    at(on),
  );
const ended = (n: number, s: number, outcome: ResidencyOutcome, on: string, startedOn?: string) =>
  scripted(ResidencyEnded, { ...residency(n, s), outcome, endedOn: on, ...(startedOn ? { startedOn } : {}) }, at(on));
const report = (
  n: number,
  s: number,
  period: string,
  headcount: number,
  revenueMad: number,
  exporting: boolean,
  foreignBranch: boolean,
  day: string,
) =>
  scripted(
    ResidentReportSubmitted,
    { ...residency(n, s), period, headcount, revenueMad, exporting, foreignBranch },
    at(day),
  );
const occupancy = (version: number, residents: number) =>
  scripted(
    OccupancyChanged,
    {
      version,
      offices: { used: residents, total: 10 },
      coworkingPositions: { used: 0, total: 20 },
      areaM2: { used: residents * 20, total: 400 },
      residents,
      awaitingMoveIn: 0,
      waitlist: 2,
    },
    at('2026-11-01'),
  );

const accepted1 = scripted(
  ApplicationAccepted,
  {
    ...application(1, 1, 'incubation'),
    programKind: 'incubation',
    programName: 'Incubation',
    durationMonths: 18,
    includesWorkspace: true,
    workspaceNeeds: { desks: 3, office: true },
    averageScore: 82,
  },
  at('2023-01-20'),
);
const graduated = ended(1, 1, 'graduated', '2024-08-01', '2023-02-01');
const report1q3 = report(1, 1, '2024-Q3', 8, 200_000, true, true, '2024-10-05');

/** Four applications, eight residencies over four years (three of them waitlisted first), reports, occupancy; some delivered twice, one report late. */
const HISTORY: ScriptedEvent[] = [
  scripted(
    ApplicationSubmitted,
    { ...application(1, 1, 'incubation'), submittedAt: at('2023-01-05') },
    at('2023-01-05'),
  ),
  scripted(
    ApplicationSubmitted,
    { ...application(2, 2, 'incubation'), submittedAt: at('2023-01-06') },
    at('2023-01-06'),
  ),
  scripted(ApplicationReviewStarted, application(1, 1, 'incubation'), at('2023-01-10')),
  accepted1,
  scripted(ApplicationRejected, application(2, 2, 'incubation'), at('2023-01-25')),
  scripted(
    ApplicationSubmitted,
    { ...application(3, 4, 'acceleration'), submittedAt: at('2024-05-01') },
    at('2024-05-01'),
  ),
  scripted(
    ApplicationAccepted,
    {
      ...application(3, 4, 'acceleration'),
      programKind: 'acceleration',
      programName: 'Plug and Play',
      durationMonths: 6,
      includesWorkspace: true,
      workspaceNeeds: { desks: 2, office: false },
      averageScore: 77,
    },
    at('2024-05-20'),
  ),
  scripted(
    ApplicationSubmitted,
    { ...application(4, 6, 'incubation'), submittedAt: at('2024-05-02') },
    at('2024-05-02'),
  ),
  scripted(ApplicationWithdrawn, { ...application(4, 6, 'incubation'), previousStatus: 'submitted' }, at('2024-05-03')),
  started(1, 1, '2023-02-01'),
  started(2, 2, '2023-02-15'),
  started(3, 3, '2023-02-20'),
  ended(2, 2, 'failed', '2023-12-01', '2023-02-15'),
  report(1, 1, '2024-Q1', 5, 100_000, true, false, '2024-04-05'),
  started(4, 4, '2024-06-01'),
  ended(5, 5, 'no-show', '2024-07-01'),
  graduated,
  report1q3,
  report(3, 3, '2024-Q3', 4, 50_000.5, false, false, '2024-10-06'),
  report(3, 3, '2024-Q2', 3, 30_000, false, false, '2024-10-07'),
  ended(4, 4, 'left', '2026-03-01', '2024-06-01'),
  scripted(ResidencyWaitlisted, { ...residency(6, 7), desks: 2, office: false }, at('2026-01-10')),
  scripted(
    ResidencyAllocated,
    { ...residency(6, 7), spaceId: 'office-4', spaceKind: 'office', seats: 4, moveInBy: '2026-04-20' },
    at('2026-03-21'),
  ),
  scripted(ResidencyWaitlisted, { ...residency(7, 8), desks: 1, office: false }, at('2026-02-01')),
  scripted(
    ResidencyAllocated,
    { ...residency(7, 8), spaceId: 'hub', spaceKind: 'coworking', seats: 1, moveInBy: '2026-05-01' },
    at('2026-04-01'),
  ),
  scripted(ResidencyWaitlisted, { ...residency(8, 9), desks: 1, office: false }, at('2026-02-01')),
  scripted(
    ResidencyAllocated,
    { ...residency(8, 9), spaceId: 'hub', spaceKind: 'coworking', seats: 1, moveInBy: '2026-05-10' },
    at('2026-04-10'),
  ),
  occupancy(1, 3),
  occupancy(3, 1),
  occupancy(2, 2),
  accepted1,
  graduated,
  report1q3,
];

/** Worked out by hand from HISTORY (see the comments for each figure). */
const EXPECTED = {
  range: { from: '2000-01', to: '2026-11' },
  // 4 submitted, 1 review, accepted 1 and 3, rejected 2, withdrawn 4: 2 of 3 decisions were acceptances.
  // Days to decision: application 1 15 days, 2 19 days, 3 19 days (4 was withdrawn) → median 19, p90 19.
  funnel: {
    counts: { submitted: 4, 'in-review': 1, accepted: 2, rejected: 1, waitlisted: 0, withdrawn: 1 },
    acceptanceRate: 0.667,
    daysToDecision: { median: 19, p90: 19, decisions: 3 },
  },
  // 4 move-ins; 3 departures (the no-show never moved in); residents now: R3 only.
  // Turnover over 2025-12..2026-11: residents at month ends 2,2,2 then 1 ×9 → average 1.25; 1 departure (R4) → 0.8.
  // Waits from waitlisted to allocated: 70, 59 and 68 days → median 68.
  residents: {
    residentsNow: 1,
    arrivals: 4,
    departures: 3,
    annualTurnoverRate: 0.8,
    waitlistDays: { median: 68, allocations: 3 },
  },
  // Cohort 2023-02: R1 graduated, R2 failed after 9 months, R3 active → 2 of 3 at 18 months; 5 years not reached.
  // Cohort 2024-06: R4 left after 21 months → still counted at 18 months; 5 years not reached.
  cohorts: [
    { cohort: '2023-02', size: 3, successRate: 0.667, survivalRate: null },
    { cohort: '2024-06', size: 1, successRate: 1, survivalRate: null },
  ],
  // Jobs: latest headcounts, startup 1 → 8 (Q3), startup 3 → 4 (Q3; its late Q2 report is older). Four distinct reports.
  economy: { jobs: 12, revenueMad: 380_000.5, reports: 4, exportingReports: 2, foreignBranchReports: 1 },
};

describe('KPIs from a scripted history', () => {
  let analytics: AnalyticsSite;
  afterAll(() => analytics?.close());

  const kpis = async () => (await analytics.get('/v1/kpis')).body;
  const settled = async () => {
    await eventually(
      async () =>
        (await kpis()).economy.jobs === 12 &&
        (await kpis()).residents.departures === 3 &&
        (await kpis()).occupancy[0]?.version === 3,
      'every event projected',
      180_000,
    ); // a broker just started can take a minute to seat a new consumer group
    await new Promise((resolve) => setTimeout(resolve, 1_500));
  };

  it('matches every figure computed by hand, redeliveries and all', async () => {
    analytics = await startAnalyticsSite({ today: TODAY });
    await analytics.publish(HISTORY);
    await settled();
    const figures = await kpis();
    expect(figures).toMatchObject(EXPECTED);
    expect(figures.occupancy).toEqual([
      expect.objectContaining({
        site: analytics.site,
        version: 3,
        residents: 1,
        waitlist: 2,
        offices: { used: 1, total: 10 },
      }),
    ]);
    expect(
      (await analytics.get('/v1/kpis/funnel?from=2024-01&to=2024-12&programId=acceleration')).body.counts,
    ).toMatchObject({ submitted: 1, accepted: 1 });
    // Jobs as of a month: by the end of 2024-Q2 only startup 1's Q1 headcount (5) counted; startup 3's Q2 report came after its Q3 one.
    expect((await analytics.get('/v1/kpis?to=2024-06')).body.economy).toMatchObject({
      jobs: 5,
      jobsBySite: [{ site: analytics.site, jobs: 5 }],
    });
    expect(figures.economy.jobsBySite).toEqual([{ site: analytics.site, jobs: 12 }]);

    const series = (await analytics.get('/v1/kpis/series?from=2023-01&to=2023-12')).body.months;
    expect(series).toHaveLength(12);
    expect(series[0]).toEqual({
      month: '2023-01',
      submitted: 2,
      'in-review': 1,
      accepted: 1,
      rejected: 1,
      waitlisted: 0,
      withdrawn: 0,
      arrivals: 0,
      departures: 0,
      residents: 0,
    });
    expect(series[1]).toMatchObject({ month: '2023-02', arrivals: 3, residents: 3 });
    expect(series[11]).toMatchObject({ month: '2023-12', departures: 1, residents: 2 });
    expect((await analytics.get('/v1/kpis/series?from=2000-01&to=2030-12', 422)).body.code).toBe('KPI.SERIES_TOO_LONG');

    // Drill-down: the two acceptances, and the 2023 departures, are the records behind those figures.
    const acceptances = (await analytics.get('/v1/kpis/records?kpi=funnel.accepted&from=2023-01&to=2024-12')).body
      .items;
    expect(acceptances.map((record: { subject: string }) => record.subject)).toEqual([uuid(1), uuid(3)]);
    const departures2023 = (await analytics.get('/v1/kpis/records?kpi=residency.departures&from=2023-01&to=2023-12'))
      .body.items;
    expect(departures2023.map((record: { data: { outcome: string } }) => record.data.outcome)).toEqual(['failed']);
    // Reports count per quarter: 2024's exporting reports are startup 1's Q1 and Q3 (the Q3 one delivered twice).
    const exporting = (await analytics.get('/v1/kpis/records?kpi=economy.exporting&from=2024-01&to=2024-12')).body
      .items;
    expect(exporting.map((record: { data: { period: string } }) => record.data.period)).toEqual(['2024-Q1', '2024-Q3']);
    const lost = (await analytics.get('/v1/kpis/records?kpi=cohort.lost-before-success&from=2023-02&to=2023-02')).body
      .items;
    expect(lost.map((record: { subject: string }) => record.subject)).toEqual([uuid(202)]);

    const timeline = (await analytics.get(`/v1/startups/${startup(1)}/timeline?limit=100`)).body.items;
    expect(timeline.map((entry: { type: string }) => entry.type.split('.').slice(2, 4).join('.'))).toEqual([
      'application.submitted',
      'application.review-started',
      'application.accepted',
      'residency.started',
      'resident.report-submitted',
      'residency.ended',
      'resident.report-submitted',
    ]);
  }, 240_000);

  it('reads the cells of a whole answer in one query, whatever its range', async () => {
    const years = analytics.app.get<Model<KpiYear>>(getModelToken(KpiYear.name));
    const find = jest.spyOn(years, 'find');
    const findOne = jest.spyOn(years, 'findOne');
    try {
      // Sixteen years of a dozen KPIs: a query per year document was several hundred.
      const answer = (await analytics.get('/v1/kpis?from=2010-01&to=2026-10')).body;

      expect(answer.funnel.counts.submitted).toBe(EXPECTED.funnel.counts.submitted);
      expect(findOne).not.toHaveBeenCalled();
      expect(find.mock.calls.length).toBeGreaterThan(0);
      expect(find.mock.calls.length).toBe(1);
    } finally {
      find.mockRestore();
      findOne.mockRestore();
    }
  });

  it('gives exactly the same figures after a rebuild from the beginning of the topics', async () => {
    const before = await kpis();
    const site = analytics.site;
    await analytics.app.get<Connection>(getConnectionToken()).dropDatabase();
    await analytics.close();
    const kafka = testKafka(infrastructureEnv().KAFKA_BROKERS);
    await rewindConsumerGroup(
      kafka,
      consumerGroupOf({ service: 'analytics', site, scope: 'site' }),
      ['applications', 'residencies', 'resident-reports', 'occupancy'].map((stream) => topicFor(site, stream)),
    );

    analytics = await startAnalyticsSite({ site, today: TODAY });
    await settled();
    expect(await kpis()).toEqual(before);
  }, 240_000);
});
