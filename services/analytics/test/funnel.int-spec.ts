import { randomUUID } from 'node:crypto';
import { ApplicationAccepted, ApplicationRejected, ApplicationSubmitted, topicFor } from '@technopark/contracts';
import { eventually, infrastructureEnv, readTopic, testKafka, topicConfig } from '@technopark/testing';
import { type AnalyticsSite, scripted, startAnalyticsSite } from './support/analytics-site';

const actor = { id: 'staff-1', role: 'site-staff' as const };
const reference = (programId: string) => ({ applicationId: randomUUID(), startupId: randomUUID(), programId, callId: `${programId}-call`, actor });

describe('the application funnel, from the events on the topic', () => {
  let analytics: AnalyticsSite;
  beforeAll(async () => {
    analytics = await startAnalyticsSite();
  }, 60_000);
  afterAll(() => analytics?.close());

  it('counts each stage once per event, by event month and program, even when events are delivered twice', async () => {
    const [a, b, c] = [reference('incubation'), reference('incubation'), reference('acceleration')];
    const accepted = scripted(ApplicationAccepted, { ...a, programKind: 'incubation', programName: 'Incubation', durationMonths: 18, includesWorkspace: true, workspaceNeeds: { desks: 2, office: false }, averageScore: 81 }, '2026-03-10T10:00:00Z');
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
    expect(await funnel()).toEqual({ counts: { submitted: 3, 'in-review': 0, accepted: 1, rejected: 1, waitlisted: 0, withdrawn: 0 }, acceptanceRate: 0.5, daysToDecision: { median: 37, p90: 37, decisions: 2 } });
    expect((await funnel('?from=2026-03&to=2026-03')).counts).toMatchObject({ submitted: 1, accepted: 1, rejected: 1 });
    expect((await funnel('?programId=acceleration')).counts).toMatchObject({ submitted: 1, accepted: 0 });
    const kafka = testKafka(infrastructureEnv().KAFKA_BROKERS);
    const snapshots = topicFor(analytics.site, 'kpis');
    const latest = async (kpi: string) => (await readTopic(kafka, snapshots).catch(() => [])).filter((record) => String(record.key) === `${analytics.site}:${kpi}`).map((record) => JSON.parse(String(record.value)).value).at(-1);
    await eventually(async () => (await latest('funnel.submitted')) === 3 && (await latest('funnel.acceptance-rate')) === 0.5, 'kpi.updated on the compacted topic', 30_000);
    expect(await topicConfig(kafka, snapshots, 'cleanup.policy')).toBe('compact');

    const invalid = await analytics.get('/v1/kpis/funnel?from=March', 400);
    expect(invalid.body.fields.map((field: { field: string }) => field.field)).toEqual(['from']);
  });
});
