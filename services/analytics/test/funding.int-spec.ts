import { randomUUID } from 'node:crypto';
import {
  DealStageChanged,
  FundingRaised,
  type FundingRaisedV1,
  IntroductionAccepted,
  IntroductionRequested,
  MatchQualified,
  type MatchQualifiedV1,
  ResidencyStarted,
} from '@technopark/contracts';
import { bearer } from '@technopark/security/testing';
import { eventually } from '@technopark/testing';
import request from 'supertest';
import { type AnalyticsSite, scripted, startAnalyticsSite, tokens } from './support/analytics-site';

const staff = { id: 'staff-1', role: 'site-staff' as const };
const a = randomUUID();
const b = randomUUID();
const introduction = (startupId: string) => ({
  introductionId: randomUUID(),
  startupId,
  funderId: 'seed-alpha',
  actor: staff,
});
const raise = (startupId: string, overrides: Partial<FundingRaisedV1>): FundingRaisedV1 => ({
  fundingId: randomUUID(),
  startupId,
  funderId: 'seed-alpha',
  amount: 500_000,
  currency: 'MAD',
  instrument: 'equity',
  raisedOn: '2026-05-20',
  evidence: 'signed-agreement',
  sectors: ['agritech'],
  stage: 'mvp',
  actor: staff,
  ...overrides,
});
const qualified = (startupId: string, funderId: string, resident: boolean): MatchQualifiedV1 => ({
  matchId: `${startupId}:${funderId}`,
  startupId,
  funderId,
  score: 80,
  threshold: 60,
  weightsVersion: 1,
  contributions: [
    { criterion: 'sector', points: 25, weight: 25, rationale: "sector agritech is in the funder's focus: +25" },
  ],
  pinned: false,
  resident,
  actor: { id: 'funding-matcher', role: 'system' },
});

describe('the funding KPIs, from funding matching’s events', () => {
  let analytics: AnalyticsSite;
  beforeAll(async () => {
    analytics = await startAnalyticsSite({ today: '2026-06-30' });
  }, 60_000);
  afterAll(() => analytics?.close());

  it('sums raises per sector, instrument, quarter and cohort; converts introductions; times them; counts matched residents once', async () => {
    const introA = introduction(a);
    const introB = introduction(b);
    const started = (startupId: string) =>
      scripted(
        ResidencyStarted,
        {
          residencyId: randomUUID(),
          startupId,
          programId: 'incubation',
          programKind: 'incubation',
          spaceId: 'hub',
          startedOn: '2026-01-10',
          plannedEndOn: '2027-07-10',
          actor: staff,
        },
        '2026-01-10T09:00:00Z',
      );
    const raisedA = scripted(
      FundingRaised,
      raise(a, {
        introductionId: introA.introductionId,
        introducedOn: '2026-03-01',
        cohort: '2026-01',
        sectors: ['agritech', 'ai'],
      }),
      '2026-05-21T09:00:00Z',
    );
    await analytics.publish([
      started(a),
      started(b),
      scripted(MatchQualified, qualified(a, 'seed-alpha', true), '2026-02-01T09:00:00Z'),
      scripted(MatchQualified, qualified(a, 'vc-beta', true), '2026-02-01T09:00:00Z'),
      scripted(MatchQualified, qualified(b, 'seed-alpha', false), '2026-02-01T09:00:00Z'),
      scripted(IntroductionRequested, introA, '2026-03-01T09:00:00Z'),
      scripted(IntroductionRequested, introB, '2026-03-02T09:00:00Z'),
      scripted(IntroductionAccepted, introA, '2026-03-05T09:00:00Z'),
      scripted(DealStageChanged, { ...introA, from: 'accepted', stage: 'meeting' }, '2026-04-01T09:00:00Z'),
      raisedA,
      raisedA,
      scripted(
        FundingRaised,
        raise(b, { amount: 200_000, instrument: 'grant', raisedOn: '2026-02-14', sectors: ['edtech'] }),
        '2026-02-15T09:00:00Z',
      ),
    ]);
    const funding = async () => (await analytics.get('/v1/kpis/funding?from=2026-01&to=2026-06')).body;
    await eventually(
      async () => (await funding()).deals === 2 && (await funding()).matchedResidents === 1,
      'funding counted',
      60_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await funding()).toEqual({
      raisedMad: 700_000,
      deals: 2,
      bySector: [
        { key: 'agritech', raisedMad: 500_000, deals: 1 },
        { key: 'ai', raisedMad: 500_000, deals: 1 },
        { key: 'edtech', raisedMad: 200_000, deals: 1 },
      ],
      byInstrument: [
        { key: 'equity', raisedMad: 500_000, deals: 1 },
        { key: 'grant', raisedMad: 200_000, deals: 1 },
      ],
      byQuarter: [
        { key: '2026-Q1', raisedMad: 200_000, deals: 1 },
        { key: '2026-Q2', raisedMad: 500_000, deals: 1 },
      ],
      byCohort: [{ key: '2026-01', raisedMad: 500_000, deals: 1 }],
      introductions: { requested: 2, accepted: 1, funded: 1, acceptanceRate: 0.5, fundedRate: 0.5 },
      daysToFunding: { median: 80, raises: 1 },
      matchedResidents: 1,
      matchedResidentShare: 0.5,
    });
    const all = (await analytics.get('/v1/kpis?from=2026-01&to=2026-06')).body;
    expect(all.funding.raisedMad).toBe(700_000);
  });

  it('drills a figure down to the deals behind it, and puts matches, introductions and raises on the timeline', async () => {
    const records = await analytics.get(
      '/v1/kpis/records?kpi=funding.deals&from=2026-01&to=2026-06&dimension=instrument:equity',
    );
    expect(records.body.items.map((item: { startupId: string; type: string }) => [item.startupId, item.type])).toEqual([
      [a, 'ma.technopark.funding.raised.v1'],
    ]);
    const founder = bearer(await tokens.forRole('startup', analytics.site, { startupId: a }));
    const timeline = await request(analytics.app.getHttpServer())
      .get(`/v1/startups/${a}/timeline?limit=50`)
      .set(founder)
      .expect(200);
    expect(timeline.body.items.map((item: { type: string }) => item.type).sort()).toEqual(
      [
        'ma.technopark.deal.stage-changed.v1',
        'ma.technopark.funding.raised.v1',
        'ma.technopark.introduction.accepted.v1',
        'ma.technopark.introduction.requested.v1',
        'ma.technopark.match.qualified.v1',
        'ma.technopark.match.qualified.v1',
        'ma.technopark.residency.started.v1',
      ].sort(),
    );
  });
});
