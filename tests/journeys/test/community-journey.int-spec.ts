import { randomUUID } from 'node:crypto';
import { type EventContract, ResidencyStarted, StartupRegistered } from '@technopark/contracts';
import { eventually } from '@technopark/testing';
import { type JourneySite, startJourneySite } from '../support/journey-site';
import type { ServiceProcess } from '../support/service-process';

const SECOND = 1_000;
const month = new Date().toISOString().slice(0, 7);
const startupId = randomUUID();

/**
 * A site's community journey over HTTP, with the events service, analytics and funding matching as
 * processes on the real broker and database: a competition is scheduled and published, a resident
 * startup registers and is checked in at the door, enters a team, the jury scores it, the event is
 * held and completed, the results are published; then analytics counts the attendance, the resident
 * reached and the prize, the startup's timeline shows it, and funding matching records the sponsored
 * prize as money raised.
 */
describe('the community journey: scheduling → check-in → jury → results → KPIs, timeline and funding', () => {
  let journey: JourneySite;
  let site: string;
  let events: ServiceProcess;
  let analytics: ServiceProcess;
  let funding: ServiceProcess;
  const token: Record<string, string> = {};
  const publish = (contract: EventContract, payload: object) => journey.publish(contract, payload);

  beforeAll(async () => {
    journey = await startJourneySite('community', {
      events: { CHECK_IN_SECRET: 'community-journey-check-in-secret-0123456789' },
      analytics: {},
      'funding-matching': {},
    });
    ({ site } = journey);
    ({ events, analytics, 'funding-matching': funding } = journey.services as Record<string, ServiceProcess>);
    const { tokens } = journey;
    token['admin'] = await tokens.forRole('platform-admin', site);
    token['staff'] = await tokens.forRole('site-staff', site);
    token['startup'] = await tokens.forRole('startup', site, { startupId, subject: 'founder-1' });
    token['juror'] = await tokens.forRole('committee-member', site, { subject: 'juror-1' });
  }, 300_000);
  afterAll(() => journey?.stop());

  it('takes a resident startup from registration to a prize, and every service shows it', async () => {
    await setTheScene();
    const now = Date.now();
    const scheduled = await events.call('POST', '/v1/events', token['staff'] as string, {
      kind: 'competition',
      title: { fr: 'Challenge agritech', en: 'Agritech challenge' },
      startsAt: new Date(now + 20 * SECOND).toISOString(),
      endsAt: new Date(now + 40 * SECOND).toISOString(),
      capacity: 30,
      registrationOpensAt: new Date(now - 3_600 * SECOND).toISOString(),
      registrationClosesAt: new Date(now + 20 * SECOND).toISOString(),
      eligibility: 'public',
      onlineUrl: 'https://meet.example.ma/agritech-challenge',
      partnerIds: ['souss-agri-fund'],
    });
    expect(scheduled.status).toBe(201);
    const eventId = scheduled.body.id as string;
    const staffCall = (method: string, path: string, body?: unknown) =>
      events.call(method, `/v1/events/${eventId}${path}`, token['staff'] as string, body);
    expect((await staffCall('POST', '/publish')).status).toBe(200);

    const registered = await events.call('POST', `/v1/events/${eventId}/registrations`, token['startup'] as string, {
      seats: 2,
    });
    expect([registered.status, registered.body.status]).toEqual([201, 'confirmed']);
    const scanned = await staffCall('POST', '/check-ins', { code: registered.body.checkInCode });
    expect(scanned.status).toBe(201);
    const again = await staffCall('POST', '/check-ins', { code: registered.body.checkInCode });
    expect([again.status, again.body.code]).toEqual([409, 'CHECK_IN.ALREADY_USED']);

    const setUp = await staffCall('PUT', '/competition', {
      rubric: [
        { criterion: 'impact', weight: 60 },
        { criterion: 'pitch', weight: 40 },
      ],
      jurorIds: ['juror-1'],
      prizes: [{ rank: 1, label: 'Prix Souss-Massa', amountMad: 50_000, sponsorId: 'souss-agri-fund' }],
    });
    expect(setUp.status).toBe(200);
    const team = await events.call('POST', `/v1/events/${eventId}/teams`, token['startup'] as string, {
      name: 'Argan Analytics',
    });
    expect([team.status, team.body.memberCount]).toEqual([201, 2]);
    const scored = await events.call(
      'PUT',
      `/v1/events/${eventId}/teams/${team.body.id}/score`,
      token['juror'] as string,
      { marks: { impact: 9, pitch: 8 } },
    );
    expect([scored.status, scored.body.score]).toEqual([200, 86]);

    await eventually(async () => Date.now() > now + 41 * SECOND, 'the competition held', 60_000);
    const completed = await staffCall('POST', '/complete');
    expect([completed.status, completed.body.attendance]).toEqual([
      200,
      { confirmed: 1, checkedIn: 1, walkIns: 0, noShows: 0, startupsReached: 1 },
    ]);
    const results = await staffCall('POST', '/competition/results', {});
    expect([results.status, results.body.results?.[0]?.prize?.amountMad]).toEqual([200, 50_000]);

    await expectAnalyticsToShowIt(eventId);
    await expectFundingMatchingToRecordThePrize();
  });

  async function setTheScene(): Promise<void> {
    const funder = await funding.call('POST', '/v1/funders', token['admin'] as string, {
      funderId: 'souss-agri-fund',
      name: 'Souss Agri Fund',
      kind: 'grant-program',
      sectors: ['agritech'],
      stages: ['mvp', 'revenue'],
      ticketMinMad: 20_000,
      ticketMaxMad: 500_000,
      instruments: ['grant'],
      sites: [site],
      requirements: { incorporated: false },
      windows: [],
    });
    expect([funder.status, funder.body.fields]).toEqual([201, undefined]);
    await publish(StartupRegistered, {
      startupId,
      name: 'Argan Analytics',
      legalForm: 'startup-company',
      foundedOn: '2025-02-01',
      sectors: ['agritech'],
      stage: 'mvp',
      teamSize: 4,
      partnerSharingConsent: true,
      actor: { id: 'founder-1', role: 'startup' },
    });
    await publish(ResidencyStarted, {
      residencyId: randomUUID(),
      startupId,
      programId: 'incubation',
      programKind: 'incubation',
      spaceId: 'office-3',
      startedOn: `${month}-01`,
      plannedEndOn: '2028-06-01',
      actor: { id: 'staff-1', role: 'site-staff' },
    });
    await eventually(
      async () =>
        (await funding.call('GET', `/v1/startups/${startupId}/funding-profile`, token['staff'] as string)).body
          ?.registered === true,
      'the startup known to funding matching',
      60_000,
    );
  }

  async function expectAnalyticsToShowIt(eventId: string): Promise<void> {
    const community = async () =>
      (await analytics.call('GET', `/v1/kpis/community?from=${month}&to=${month}`, token['staff'] as string)).body;
    await eventually(
      async () => (await community())?.competitions?.prizesWon === 1 && (await community())?.eventsHeld === 1,
      'the held competition and its prize counted by analytics',
      60_000,
    );
    expect(await community()).toMatchObject({
      eventsHeld: 1,
      byKind: [{ kind: 'competition', held: 1 }],
      registrations: 2,
      attendance: { confirmed: 1, checkedIn: 1, rate: 1, walkIns: 0 },
      reach: { startupsReached: 1, residents: 1, residentsReached: 1, residentShare: 1 },
      competitions: { judged: 1, prizesWon: 1, prizeMoneyMad: 50_000 },
    });
    const types = async () =>
      (
        await analytics.call('GET', `/v1/startups/${startupId}/timeline?limit=50`, token['startup'] as string)
      ).body?.items?.map((item: { type: string }) => item.type) ?? [];
    // Its whole life at the site: registered, moved in, matched with the funder, came, won, raised.
    const expected = [
      'ma.technopark.attendance.checked-in.v1',
      'ma.technopark.competition.results-published.v1',
      'ma.technopark.funding.raised.v1',
      'ma.technopark.match.qualified.v1',
      'ma.technopark.registration.confirmed.v1',
      'ma.technopark.residency.started.v1',
      'ma.technopark.startup.registered.v1',
    ];
    await eventually(async () => (await types()).length >= expected.length, "the startup's timeline", 60_000);
    expect((await types()).sort()).toEqual(expected);
    const won = (
      await analytics.call('GET', `/v1/startups/${startupId}/timeline?limit=50`, token['startup'] as string)
    ).body.items.find((item: { type: string }) => item.type === 'ma.technopark.competition.results-published.v1');
    expect(won.data).toMatchObject({ eventId, rank: 1, won: true, prize: { amountMad: 50_000 } });
  }

  async function expectFundingMatchingToRecordThePrize(): Promise<void> {
    const fundings = await funding.call('GET', `/v1/fundings?startupId=${startupId}`, token['staff'] as string);
    expect(fundings.body.items).toEqual([
      expect.objectContaining({ funderId: 'souss-agri-fund', amountMad: 50_000, instrument: 'grant' }),
    ]);
    const raised = (await analytics.call('GET', `/v1/kpis/funding?from=${month}&to=${month}`, token['staff'] as string))
      .body;
    expect(raised).toMatchObject({ raisedMad: 50_000, deals: 1 });
  }
});
