import { ResidencyEnded, ResidencyStarted, ResidentReportSubmitted, StartupRegistered } from '@technopark/contracts';
import { MatchesRepository } from '../src/matching/matches.repository';
import { type FundingSite, startFundingSite } from './support/funding-site';
import {
  ATLAS_IDEAS,
  CASA_PAY,
  NETWORK_DAY,
  NETWORK_FUNDERS,
  NETWORK_STARTUPS,
  type ScriptedStartup,
  SOUSS_AGRITECH,
  TANGER_MOBILITY,
} from './support/scripted-network';

interface MatchBody {
  id: string;
  funderId: string;
  eligible: boolean;
  score: number;
  qualified: boolean;
  weightsVersion: number;
  gates: { gate: string; passed: boolean; reason: string }[];
  contributions: { criterion: string; points: number; rationale: string }[];
  updatedAt: string;
}

/** Hand-computed with the default weights (sector 25, stage 20, ticket 20, instrument 15, traction 10, residency 10; threshold 60). */
const EXPECTED = new Map<
  ScriptedStartup,
  { scores: Record<string, number>; failed: Record<string, string[]>; top3: string[] }
>([
  [
    SOUSS_AGRITECH,
    {
      scores: {
        'seed-alpha': 95,
        'health-kappa': 92.2,
        'grant-gamma': 76.6,
        'angels-epsilon': 70,
        'green-theta': 70,
        'edu-mu': 63.4,
        'loan-delta': 55,
      },
      failed: {
        'vc-beta': ['min-revenue: 2026-Q4 revenue annualizes to 240,000 MAD, under the 1,000,000 MAD minimum'],
        'corp-zeta': ['window-open: no window is open; the next opens on 2027-03-01'],
        'alumni-eta': ['alumni-of-program: only residents and graduates of acceleration'],
        'scale-iota': [
          'min-revenue: 2026-Q4 revenue annualizes to 240,000 MAD, under the 5,000,000 MAD minimum',
          'min-headcount: 4 people (2026-Q4 report), under the minimum of 20',
        ],
        'closed-lambda': ['window-open: no window is open, and none is planned'],
      },
      top3: ['seed-alpha', 'health-kappa', 'grant-gamma'],
    },
  ],
  [
    CASA_PAY,
    {
      scores: {
        'vc-beta': 100,
        'alumni-eta': 85,
        'angels-epsilon': 75.4,
        'loan-delta': 73,
        'seed-alpha': 68.4,
        'health-kappa': 65,
        'green-theta': 61.6,
        'edu-mu': 47.6,
        'grant-gamma': 33.4,
      },
      failed: {
        'corp-zeta': ['window-open: no window is open; the next opens on 2027-03-01'],
        'scale-iota': [
          'min-revenue: 2026-Q4 revenue annualizes to 1,600,000 MAD, under the 5,000,000 MAD minimum',
          'min-headcount: 12 people (2026-Q4 report), under the minimum of 20',
        ],
        'closed-lambda': ['window-open: no window is open, and none is planned'],
      },
      top3: ['vc-beta', 'alumni-eta', 'angels-epsilon'],
    },
  ],
  [
    ATLAS_IDEAS,
    {
      scores: { 'grant-gamma': 62.5, 'edu-mu': 52.5 },
      failed: {
        'seed-alpha': ['incorporated: only incorporated companies; the startup is a project-holder'],
        'vc-beta': [
          'incorporated: only incorporated companies; the startup is a project-holder',
          'min-revenue: needs 1,000,000 MAD a year; no quarterly report yet',
        ],
        'loan-delta': [
          'incorporated: only incorporated companies; the startup is a project-holder',
          'min-headcount: 1 people (profile), under the minimum of 3',
        ],
        'angels-epsilon': ['incorporated: only incorporated companies; the startup is a project-holder'],
        'corp-zeta': [
          'window-open: no window is open; the next opens on 2027-03-01',
          'incorporated: only incorporated companies; the startup is a project-holder',
          'min-residency-months: needs 6 months in residency; not moved in yet',
        ],
        'alumni-eta': [
          'incorporated: only incorporated companies; the startup is a project-holder',
          'alumni-of-program: only residents and graduates of acceleration',
        ],
        'green-theta': ['min-headcount: 1 people (profile), under the minimum of 2'],
        'scale-iota': [
          'incorporated: only incorporated companies; the startup is a project-holder',
          'min-revenue: needs 5,000,000 MAD a year; no quarterly report yet',
          'min-headcount: 1 people (profile), under the minimum of 20',
        ],
        'health-kappa': ['incorporated: only incorporated companies; the startup is a project-holder'],
        'closed-lambda': ['window-open: no window is open, and none is planned'],
      },
      top3: ['grant-gamma', 'edu-mu'],
    },
  ],
  [
    TANGER_MOBILITY,
    {
      scores: {
        'health-kappa': 92.5,
        'alumni-eta': 82.5,
        'seed-alpha': 67.5,
        'angels-epsilon': 63.5,
        'loan-delta': 52.5,
        'green-theta': 52.5,
        'grant-gamma': 42.5,
        'edu-mu': 40.5,
      },
      failed: {
        'vc-beta': ['min-revenue: 2026-Q4 revenue annualizes to 0 MAD, under the 1,000,000 MAD minimum'],
        'corp-zeta': [
          'window-open: no window is open; the next opens on 2027-03-01',
          'min-residency-months: 4 months in residency, under the minimum of 6',
        ],
        'scale-iota': [
          'min-revenue: 2026-Q4 revenue annualizes to 0 MAD, under the 5,000,000 MAD minimum',
          'min-headcount: 6 people (2026-Q4 report), under the minimum of 20',
        ],
        'closed-lambda': ['window-open: no window is open, and none is planned'],
      },
      top3: ['health-kappa', 'alumni-eta', 'seed-alpha'],
    },
  ],
]);

describe('matching a scripted network: 40 startups × 12 funders', () => {
  let site: FundingSite;
  const matchesOf = async (startup: ScriptedStartup, query = 'limit=100'): Promise<MatchBody[]> =>
    (await site.http().get(`/v1/startups/${startup.registered.startupId}/matches?${query}`).set(site.staff).expect(200))
      .body.items;
  const counts = () => site.app.get(MatchesRepository).counts();

  beforeAll(async () => {
    site = await startFundingSite({ today: NETWORK_DAY });
    for (const funder of NETWORK_FUNDERS)
      await site
        .http()
        .post('/v1/funders')
        .set(site.admin)
        .send({ ...funder, sites: [site.site] })
        .expect(201);
    for (const startup of NETWORK_STARTUPS) {
      await site.publish(StartupRegistered, startup.registered);
      if (startup.started) await site.publish(ResidencyStarted, startup.started);
      if (startup.ended) await site.publish(ResidencyEnded, startup.ended);
      if (startup.report) await site.publish(ResidentReportSubmitted, startup.report);
    }
    await site.settle(async () => (await counts()).matches === 480, 'every pair computed');
    for (const startup of NETWORK_STARTUPS.filter((each) => each.seeking))
      await site
        .http()
        .put(`/v1/startups/${startup.registered.startupId}/funding-profile/seeking`)
        .set(site.staff)
        .send(startup.seeking)
        .expect(200);
    // Rows recomputed after the reports and residencies (a profile is written before its row is recomputed).
    await site.settle(async () => {
      const rows = await Promise.all([SOUSS_AGRITECH, CASA_PAY, TANGER_MOBILITY].map((startup) => matchesOf(startup)));
      const current = (match: MatchBody) =>
        match.contributions.some((each) => each.rationale.startsWith('2026-Q4')) &&
        !match.contributions.some((each) => each.rationale.startsWith('not a resident'));
      return rows.every(
        (row) =>
          row.length === 12 &&
          row.filter((match) => match.eligible).length >= 5 &&
          row.filter((match) => match.eligible).every(current),
      );
    }, 'reports and residencies applied');
  }, 180_000);

  it.each([...EXPECTED.entries()].map(([startup, expected]) => [startup.registered.name, startup, expected] as const))(
    'gives %s the hand-computed gates, scores and top 3',
    async (_name, startup, expected) => {
      const matches = await matchesOf(startup);
      expect(matches).toHaveLength(12);
      const failed = Object.fromEntries(
        matches
          .filter((match) => !match.eligible)
          .map((match) => [
            match.funderId,
            match.gates.filter((gate) => !gate.passed).map((gate) => `${gate.gate}: ${gate.reason}`),
          ]),
      );
      expect(failed).toEqual(expected.failed);
      const scores = Object.fromEntries(
        matches.filter((match) => match.eligible).map((match) => [match.funderId, match.score]),
      );
      expect(scores).toEqual(expected.scores);
      expect(matches.slice(0, expected.top3.length).map((match) => match.funderId)).toEqual(expected.top3);
      for (const match of matches) {
        expect(match.qualified).toBe(match.eligible && match.score >= 60);
        expect(match.weightsVersion).toBe(1);
        if (match.eligible)
          expect(match.contributions.reduce((sum, { points }) => sum + points, 0)).toBeCloseTo(match.score, 5);
      }
    },
  );

  it('explains each criterion in a sentence that ends with its points', async () => {
    const [best] = await matchesOf(SOUSS_AGRITECH);
    expect(best?.contributions.map(({ rationale }) => rationale)).toEqual([
      "sector agritech is in the funder's focus: +25",
      'stage mvp is one the funder invests at: +20',
      'the 600,000 MAD sought is within the ticket range 200,000 MAD–2,000,000 MAD: +20',
      'the funder offers equity: +15',
      '2026-Q4: revenue reported, not exporting, 4 people: +5',
      'resident of incubation since 2026-06-01: +10',
    ]);
  });

  it("recomputes only the startup's row when what it seeks changes", async () => {
    const before = await matchesOf(SOUSS_AGRITECH);
    await site
      .http()
      .put(`/v1/startups/${ATLAS_IDEAS.registered.startupId}/funding-profile/seeking`)
      .set(site.staff)
      .send({ amountMad: 200_000, instrument: 'grant', useOfFunds: 'First prototype' })
      .expect(200);
    const grant = (await matchesOf(ATLAS_IDEAS)).find((match) => match.funderId === 'grant-gamma');
    expect([grant?.score, grant?.qualified]).toEqual([80, true]);
    expect(await matchesOf(SOUSS_AGRITECH)).toEqual(before);
  });

  it("computes a new funder's column: one match per registered startup", async () => {
    await site
      .http()
      .post('/v1/funders')
      .set(site.admin)
      .send({ ...NETWORK_FUNDERS[0], funderId: 'new-nu', sites: [site.site] })
      .expect(201);
    await site.settle(async () => (await counts()).matches === 520, "the new funder's 40 matches");
    const funder = await site.http().get('/v1/funders/new-nu').set(site.staff).expect(200);
    expect(funder.body.matchesStale).toBe(false);
  });

  it('publishes match.qualified once per crossing, not per recomputation', async () => {
    const id = SOUSS_AGRITECH.registered.startupId;
    await site.settle(async () => (await site.eventsAbout('funding-matches', id)).length >= 7, 'qualified events');
    const qualified = (await site.eventsAbout('funding-matches', id)).map((event) => event.data['funderId']).sort();
    expect(qualified).toEqual([
      'angels-epsilon',
      'edu-mu',
      'grant-gamma',
      'green-theta',
      'health-kappa',
      'new-nu',
      'seed-alpha',
    ]);
    expect(new Set(qualified).size).toBe(qualified.length);
  });

  it('opens and closes windows on their day, and rechecks residency months reached', async () => {
    site.clock.advanceDays(51);
    const report = await site.sweep();
    expect(report['windowsChanged']).toBe(2);
    const types = async (funderId: string) => (await site.eventsAbout('funders', funderId)).map((event) => event.type);
    expect(await types('corp-zeta')).toContain('ma.technopark.funding-window.opened.v1');
    expect(await types('angels-epsilon')).toContain('ma.technopark.funding-window.closed.v1');
    const tanger = await matchesOf(TANGER_MOBILITY);
    const zeta = tanger.find((match) => match.funderId === 'corp-zeta');
    expect([zeta?.eligible, zeta?.score, zeta?.qualified]).toEqual([true, 92.5, true]);
    expect(tanger.find((match) => match.funderId === 'angels-epsilon')?.gates[0]).toEqual({
      gate: 'window-open',
      passed: false,
      reason: 'no window is open, and none is planned',
    });
    const events = await site.eventsAbout('funding-matches', TANGER_MOBILITY.registered.startupId);
    expect(events.filter((event) => event.data['funderId'] === 'corp-zeta')).toHaveLength(1);
  });

  it('versions the weights: a match names the weights that produced it', async () => {
    const refused = await site
      .http()
      .put('/v1/match-weights')
      .set(site.staff)
      .send({
        weights: { sector: 30, stage: 20, ticket: 20, instrument: 15, traction: 10, residency: 10 },
        threshold: 60,
        note: 'too much',
      })
      .expect(422);
    expect(refused.body.code).toBe('WEIGHTS.SUM_NOT_100');
    const set = await site
      .http()
      .put('/v1/match-weights')
      .set(site.staff)
      .send({
        weights: { sector: 20, stage: 20, ticket: 20, instrument: 10, traction: 20, residency: 10 },
        threshold: 70,
        note: 'Traction first',
      })
      .expect(200);
    expect(set.body.current.version).toBe(2);
    await site.settle(
      async () => (await matchesOf(CASA_PAY)).every((match) => match.weightsVersion === 2),
      'weights v2 everywhere',
    );
    const vc = (await matchesOf(CASA_PAY)).find((match) => match.funderId === 'vc-beta');
    expect([vc?.score, vc?.qualified]).toEqual([100, true]);
    const weights = await site.http().get('/v1/match-weights').set(site.staff).expect(200);
    expect(weights.body.history.map((version: { version: number }) => version.version)).toEqual([2]);
    expect(weights.body.current.matchesStale).toBe(false);
  });

  it('lets staff pin a match under the threshold and suppress another, each with a reason', async () => {
    const id = SOUSS_AGRITECH.registered.startupId;
    const pinned = await site
      .http()
      .post(`/v1/matches/${id}:loan-delta/pin`)
      .set(site.staff)
      .send({ reason: 'Bank asked for agritech' })
      .expect(200);
    expect([pinned.body.qualified, pinned.body.pinned.reason]).toEqual([true, 'Bank asked for agritech']);
    expect((await matchesOf(SOUSS_AGRITECH))[0]?.funderId).toBe('loan-delta');
    const again = await site
      .http()
      .post(`/v1/matches/${id}:loan-delta/pin`)
      .set(site.staff)
      .send({ reason: 'twice' })
      .expect(409);
    expect(again.body.code).toBe('MATCH.ALREADY_CURATED');
    await site
      .http()
      .post(`/v1/matches/${id}:seed-alpha/suppress`)
      .set(site.staff)
      .send({ reason: 'Conflict of interest' })
      .expect(200);
    const { tokens } = await import('./support/funding-site');
    const founder = { Authorization: `Bearer ${await tokens.forRole('startup', site.site, { startupId: id })}` };
    const seen = await site.http().get(`/v1/startups/${id}/matches?limit=100`).set(founder).expect(200);
    expect(seen.body.items.map((match: MatchBody) => match.funderId)).not.toContain('seed-alpha');
    const events = await site.eventsAbout('funding-matches', id);
    expect(events.find((event) => event.data['funderId'] === 'loan-delta')?.data).toMatchObject({
      pinned: true,
      actor: { role: 'site-staff' },
    });
  });
});
