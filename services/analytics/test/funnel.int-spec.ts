import { randomUUID } from 'node:crypto';
import {
  ApplicationAccepted,
  ApplicationRejected,
  ApplicationSubmitted,
  type Sector,
  StartupProfileUpdated,
  StartupRegistered,
  topicFor,
} from '@technopark/contracts';
import { eventually, infrastructureEnv, readTopic, testKafka, topicConfig } from '@technopark/testing';
import { type AnalyticsSite, scripted, startAnalyticsSite } from './support/analytics-site';

const actor = { id: 'staff-1', role: 'site-staff' as const };
const reference = (programId: string) => ({
  applicationId: randomUUID(),
  startupId: randomUUID(),
  programId,
  callId: `${programId}-call`,
  actor,
});

describe('the application funnel, from the events on the topic', () => {
  let analytics: AnalyticsSite;
  beforeAll(async () => {
    analytics = await startAnalyticsSite();
  }, 60_000);
  afterAll(() => analytics?.close());

  it('counts each stage once per event, by event month and program, even when events are delivered twice', async () => {
    const [a, b, c] = [reference('incubation'), reference('incubation'), reference('acceleration')];
    const accepted = scripted(
      ApplicationAccepted,
      {
        ...a,
        programKind: 'incubation',
        programName: 'Incubation',
        durationMonths: 18,
        includesWorkspace: true,
        workspaceNeeds: { desks: 2, office: false },
        averageScore: 81,
      },
      '2026-03-10T10:00:00Z',
    );
    await analytics.publish([
      scripted(ApplicationSubmitted, { ...a, submittedAt: '2026-02-01T09:00:00Z' }, '2026-02-01T09:00:00Z'),
      scripted(ApplicationSubmitted, { ...b, submittedAt: '2026-02-03T09:00:00Z' }, '2026-02-03T09:00:00Z'),
      scripted(ApplicationSubmitted, { ...c, submittedAt: '2026-03-01T09:00:00Z' }, '2026-03-01T09:00:00Z'),
      accepted,
      scripted(ApplicationRejected, b, '2026-03-12T10:00:00Z'),
      accepted,
      accepted,
    ]);
    const funnel = async (query = '') => (await analytics.get(`/v1/kpis/funnel${query}`)).body;

    await eventually(async () => (await funnel()).counts.rejected === 1, 'the funnel counted', 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await funnel()).toEqual({
      counts: { submitted: 3, 'in-review': 0, accepted: 1, rejected: 1, waitlisted: 0, withdrawn: 0 },
      acceptanceRate: 0.5,
      daysToDecision: { median: 37, p90: 37, decisions: 2 },
    });
    expect((await funnel('?from=2026-03&to=2026-03')).counts).toMatchObject({ submitted: 1, accepted: 1, rejected: 1 });
    expect((await funnel('?programId=acceleration')).counts).toMatchObject({ submitted: 1, accepted: 0 });
    const kafka = testKafka(infrastructureEnv().KAFKA_BROKERS);
    const snapshots = topicFor(analytics.site, 'kpis');
    const latest = async (kpi: string) =>
      (await readTopic(kafka, snapshots).catch(() => []))
        .filter((record) => String(record.key) === `${analytics.site}:${kpi}`)
        .map((record) => JSON.parse(String(record.value)).value)
        .at(-1);
    await eventually(
      async () => (await latest('funnel.submitted')) === 3 && (await latest('funnel.acceptance-rate')) === 0.5,
      'kpi.updated on the compacted topic',
      30_000,
    );
    expect(await topicConfig(kafka, snapshots, 'cleanup.policy')).toBe('compact');

    const invalid = await analytics.get('/v1/kpis/funnel?from=March', 400);
    expect(invalid.body.fields.map((field: { field: string }) => field.field)).toEqual(['from']);
  });

  it("counts the funnel under the startup's current sectors, whatever order the startups and applications topics are read in", async () => {
    const [early, late] = [reference('incubation'), reference('acceleration')];
    const profile = (startupId: string, sectors: Sector[]) => ({
      startupId,
      name: 'Atlas Labs',
      legalForm: 'startup-company' as const,
      foundedOn: '2024-01-10',
      sectors,
      stage: 'mvp' as const,
      teamSize: 3,
      partnerSharingConsent: true,
      actor,
    });
    const accepted = {
      programKind: 'incubation' as const,
      programName: 'Incubation',
      durationMonths: 18,
      includesWorkspace: false,
      workspaceNeeds: { desks: 0, office: false },
      averageScore: 80,
    };
    const history = [
      // `early` applies and is accepted before its registration is read (another topic, read later).
      scripted(ApplicationSubmitted, { ...early, submittedAt: '2025-02-01T09:00:00Z' }, '2025-02-01T09:00:00Z'),
      scripted(ApplicationAccepted, { ...early, ...accepted }, '2025-02-11T09:00:00Z'),
      scripted(StartupRegistered, profile(early.startupId, ['agritech', 'ai']), '2025-01-15T09:00:00Z'),
      scripted(
        StartupProfileUpdated,
        { ...profile(early.startupId, ['agritech', 'fintech']), changedFields: ['sectors'] },
        '2025-06-01T09:00:00Z',
      ),
      // An older profile read after the newer one changes nothing.
      scripted(
        StartupProfileUpdated,
        { ...profile(early.startupId, ['edtech']), changedFields: ['sectors'] },
        '2025-04-01T09:00:00Z',
      ),
      // `late` registers first, then applies and is turned down.
      scripted(StartupRegistered, profile(late.startupId, ['ai']), '2025-01-20T09:00:00Z'),
      scripted(ApplicationSubmitted, { ...late, submittedAt: '2025-03-01T09:00:00Z' }, '2025-03-01T09:00:00Z'),
      scripted(ApplicationRejected, late, '2025-03-21T09:00:00Z'),
    ];
    await analytics.publish(history);
    const funnel = async (query: string) =>
      (await analytics.get(`/v1/kpis/funnel?from=2025-01&to=2025-12&${query}`)).body;
    const expected = {
      agritech: {
        counts: { submitted: 1, 'in-review': 0, accepted: 1, rejected: 0, waitlisted: 0, withdrawn: 0 },
        acceptanceRate: 1,
        daysToDecision: { median: 10, p90: 10, decisions: 1 },
      },
      fintech: {
        counts: { submitted: 1, 'in-review': 0, accepted: 1, rejected: 0, waitlisted: 0, withdrawn: 0 },
        acceptanceRate: 1,
        daysToDecision: { median: 10, p90: 10, decisions: 1 },
      },
      ai: {
        counts: { submitted: 1, 'in-review': 0, accepted: 0, rejected: 1, waitlisted: 0, withdrawn: 0 },
        acceptanceRate: 0,
        daysToDecision: { median: 20, p90: 20, decisions: 1 },
      },
      edtech: {
        counts: { submitted: 0, 'in-review': 0, accepted: 0, rejected: 0, waitlisted: 0, withdrawn: 0 },
        acceptanceRate: null,
        daysToDecision: { median: null, p90: null, decisions: 0 },
      },
    };
    await eventually(
      async () =>
        (await funnel('sector=fintech')).counts.accepted === 1 && (await funnel('sector=ai')).counts.rejected === 1,
      'the funnel per sector',
      60_000,
    );
    const bySector = async () =>
      Object.fromEntries(
        await Promise.all(Object.keys(expected).map(async (sector) => [sector, await funnel(`sector=${sector}`)])),
      );
    expect(await bySector()).toEqual(expected);
    expect((await funnel('sector=agritech&programId=incubation')).counts).toMatchObject({ submitted: 1, accepted: 1 });
    expect((await funnel('sector=agritech&programId=acceleration')).counts).toMatchObject({
      submitted: 0,
      accepted: 0,
    });

    const drillDown = (
      await analytics.get('/v1/kpis/records?kpi=funnel.submitted&from=2025-01&to=2025-12&dimension=sector:fintech')
    ).body;
    expect(drillDown.items.map((item: { startupId: string }) => item.startupId)).toEqual([early.startupId]);

    await analytics.publish(history); // every event again: nothing moves
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await bySector()).toEqual(expected);
    expect(
      (await analytics.get('/v1/kpis/funnel?sector=space', 400)).body.fields.map(
        (field: { field: string }) => field.field,
      ),
    ).toEqual(['sector']);
  }, 90_000);
});
