import { randomUUID } from 'node:crypto';
import {
  type EventContract,
  ResidencyStarted,
  ResidentReportSubmitted,
  StartupRegistered,
} from '@technopark/contracts';
import { eventually } from '@technopark/testing';
import { type JourneySite, startJourneySite } from '../support/journey-site';
import type { ServiceProcess } from '../support/service-process';

const today = new Date().toISOString().slice(0, 10);
const startupId = randomUUID();
const residency = {
  residencyId: randomUUID(),
  startupId,
  programId: 'incubation',
  programKind: 'incubation' as const,
  actor: { id: 'staff-1', role: 'site-staff' as const },
};

/**
 * A site's funding journey over HTTP, with funding matching and analytics as processes on the real
 * broker and database: a quarterly report makes a match qualify, the startup asks for an
 * introduction, the funder takes it to a term sheet, the money raised is recorded, and the
 * site's funding KPIs and the startup's timeline show it.
 */
describe('the funding journey: report → qualified match → introduction → funding.raised → KPI', () => {
  let journey: JourneySite;
  let site: string;
  let funding: ServiceProcess;
  let analytics: ServiceProcess;
  const token: Record<string, string> = {};
  const publish = (contract: EventContract, payload: object) => journey.publish(contract, payload);

  beforeAll(async () => {
    journey = await startJourneySite('journey', { 'funding-matching': {}, analytics: {} });
    ({ site } = journey);
    ({ 'funding-matching': funding, analytics } = journey.services as Record<string, ServiceProcess>);
    const { tokens } = journey;
    token['admin'] = await tokens.forRole('platform-admin', site);
    token['staff'] = await tokens.forRole('site-staff', site);
    token['startup'] = await tokens.forRole('startup', site, { startupId, subject: 'founder-1' });
    token['funder'] = await tokens.forRole('funder', site, { funderId: 'atlas-green-seed', subject: 'contact-1' });
  }, 300_000);
  afterAll(() => journey?.stop());

  it('takes a startup from its report to the money raised, and the KPI counts it', async () => {
    const registered = await funding.call('POST', '/v1/funders', token['admin'] as string, {
      funderId: 'atlas-green-seed',
      name: 'Atlas Green Seed',
      kind: 'seed-fund',
      sectors: ['greentech'],
      stages: ['revenue'],
      ticketMinMad: 300_000,
      ticketMaxMad: 2_000_000,
      instruments: ['equity'],
      sites: [site],
      requirements: { incorporated: true, minRevenueMad: 400_000 },
      windows: [],
    });
    expect(registered.status).toBe(201);
    await publish(StartupRegistered, {
      startupId,
      name: 'Ouarzazate Solar',
      legalForm: 'startup-company',
      foundedOn: '2024-05-01',
      sectors: ['greentech'],
      stage: 'revenue',
      teamSize: 6,
      partnerSharingConsent: true,
      actor: { id: 'founder-1', role: 'startup' },
    });
    await publish(ResidencyStarted, {
      ...residency,
      spaceId: 'hub',
      startedOn: '2026-01-05',
      plannedEndOn: '2027-07-05',
    });
    const matchOf = async () =>
      (await funding.call('GET', `/v1/startups/${startupId}/matches`, token['startup'] as string)).body?.items?.[0];
    await eventually(async () => (await matchOf())?.gates !== undefined, 'the match computed', 60_000);
    expect((await matchOf()).gates.find((gate: { gate: string }) => gate.gate === 'min-revenue')).toMatchObject({
      passed: false,
    });

    // The report lifts the startup over the revenue gate: the match qualifies.
    await publish(ResidentReportSubmitted, {
      ...residency,
      period: '2026-Q3',
      headcount: 6,
      revenueMad: 150_000,
      exporting: true,
      foreignBranch: false,
    });
    await eventually(async () => (await matchOf())?.qualified === true, 'the match qualified after the report', 60_000);
    expect((await matchOf()).score).toBeGreaterThanOrEqual(60);

    const asked = await funding.call('POST', '/v1/introductions', token['startup'] as string, {
      startupId,
      funderId: 'atlas-green-seed',
    });
    expect([asked.status, asked.body.status]).toEqual([201, 'requested']);
    for (const step of ['accept', 'meet', 'diligence', 'term-sheet']) {
      const moved = await funding.call(
        'POST',
        `/v1/introductions/${asked.body.id}/${step}`,
        token['funder'] as string,
        {},
      );
      expect([step, moved.status]).toEqual([step, 200]);
    }
    const raised = await funding.call('POST', '/v1/fundings', token['startup'] as string, {
      startupId,
      funderId: 'atlas-green-seed',
      introductionId: asked.body.id,
      amountMad: 900_000,
      instrument: 'equity',
      raisedOn: today,
      evidence: { kind: 'signed-agreement', reference: 'SA-2026-77' },
    });
    expect(raised.status).toBe(201);

    const kpis = async () =>
      (
        await analytics.call(
          'GET',
          `/v1/kpis/funding?from=${today.slice(0, 7)}&to=${today.slice(0, 7)}`,
          token['staff'] as string,
        )
      ).body;
    await eventually(async () => (await kpis())?.deals === 1, 'the raise counted by analytics', 60_000);
    expect(await kpis()).toMatchObject({
      raisedMad: 900_000,
      bySector: [{ key: 'greentech', raisedMad: 900_000, deals: 1 }],
      byCohort: [{ key: '2026-01', raisedMad: 900_000, deals: 1 }],
      introductions: { requested: 1, accepted: 1, funded: 1, fundedRate: 1 },
      daysToFunding: { median: 0, raises: 1 },
      matchedResidents: 1,
    });
    const timeline = await analytics.call(
      'GET',
      `/v1/startups/${startupId}/timeline?limit=50`,
      token['startup'] as string,
    );
    expect(timeline.body.items.map((item: { type: string }) => item.type)).toEqual(
      expect.arrayContaining([
        'ma.technopark.match.qualified.v1',
        'ma.technopark.introduction.requested.v1',
        'ma.technopark.deal.stage-changed.v1',
        'ma.technopark.funding.raised.v1',
      ]),
    );
  });
});
