import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import {
  AttendanceCheckedIn,
  CompetitionResultsPublished,
  EventCompleted,
  ResidencyEnded,
  ResidencyStarted,
  type EventCompletedV1,
  RegistrationConfirmed,
  RegistrationPromoted,
  type RegistrationReferenceV1,
} from '@technopark/contracts';
import { bearer } from '@technopark/security/testing';
import { eventually } from '@technopark/testing';
import request from 'supertest';
import { type AnalyticsSite, scripted, startAnalyticsSite, tokens } from './support/analytics-site';

const startupId = randomUUID();
const eventId = randomUUID();
const registration = (overrides: Partial<RegistrationReferenceV1> = {}): RegistrationReferenceV1 => ({
  registrationId: randomUUID(),
  eventId,
  registrant: { kind: 'startup', startupId },
  seats: 3,
  actor: { id: 'user-1', role: 'startup' },
  ...overrides,
});
const held = (
  kind: EventCompletedV1['kind'],
  startsAt: string,
  confirmed: number,
  checkedIn: number,
): EventCompletedV1 => ({
  eventId: randomUUID(),
  kind,
  startsAt,
  attendance: { confirmed, checkedIn, walkIns: 2, noShows: confirmed - checkedIn, startupsReached: 5 },
  actor: { id: 'events', role: 'system' },
});

describe('the community KPIs, from the events service’s events', () => {
  let analytics: AnalyticsSite;
  beforeAll(async () => {
    analytics = await startAnalyticsSite({ today: '2027-03-31' });
  }, 60_000);
  afterAll(() => analytics?.close());

  it('counts events held per kind, seats confirmed and the attendance rate, and puts registered and attended on the timeline', async () => {
    const february = { residencyId: randomUUID(), startupId: randomUUID() };
    const december = { residencyId: randomUUID(), startupId: randomUUID() };
    const confirmed = scripted(RegistrationConfirmed, registration(), '2027-02-20T10:00:00Z');
    await analytics.publish([
      confirmed,
      confirmed,
      scripted(
        RegistrationPromoted,
        registration({ registrant: { kind: 'individual', personId: 'p-1' }, seats: 1 }),
        '2027-03-01T10:00:00Z',
      ),
      scripted(
        AttendanceCheckedIn,
        {
          eventId,
          registrationId: confirmed.payload && (confirmed.payload as RegistrationReferenceV1).registrationId,
          registrant: { kind: 'startup', startupId },
          walkIn: false,
          checkedInAt: '2027-03-18T13:55:00Z',
          actor: { id: 'staff-1', role: 'site-staff' },
        },
        '2027-03-18T13:55:00Z',
      ),
      scripted(EventCompleted, held('workshop', '2027-03-18T13:00:00.000Z', 40, 30), '2027-03-19T09:00:00Z'),
      scripted(EventCompleted, held('workshop', '2027-03-25T13:00:00.000Z', 20, 18), '2027-03-26T09:00:00Z'),
      scripted(EventCompleted, held('hackathon', '2027-02-06T08:00:00.000Z', 60, 42), '2027-02-08T09:00:00Z'),
      scripted(EventCompleted, held('demo-day', '2026-12-10T08:00:00.000Z', 100, 90), '2026-12-11T09:00:00Z'),
      // Residencies: the startup that came (resident since October), one resident of February that did
      // not come (its end read before its start), and one that left in December (not a resident of Q1).
      scripted(
        ResidencyStarted,
        { ...ResidencyStarted.example, residencyId: randomUUID(), startupId, startedOn: '2026-10-01' },
        '2026-10-01T09:00:00Z',
      ),
      scripted(
        ResidencyEnded,
        { ...ResidencyEnded.example, ...february, startedOn: '2027-02-01', endedOn: '2027-02-20' },
        '2027-02-20T09:00:00Z',
      ),
      scripted(
        ResidencyStarted,
        { ...ResidencyStarted.example, ...february, startedOn: '2027-02-01' },
        '2027-02-01T09:00:00Z',
      ),
      scripted(
        ResidencyStarted,
        { ...ResidencyStarted.example, ...december, startedOn: '2026-06-01' },
        '2026-06-01T09:00:00Z',
      ),
      scripted(
        ResidencyEnded,
        { ...ResidencyEnded.example, ...december, startedOn: '2026-06-01', endedOn: '2026-12-15' },
        '2026-12-15T09:00:00Z',
      ),
      scripted(
        CompetitionResultsPublished,
        {
          eventId,
          kind: 'hackathon',
          jurors: 3,
          results: [
            {
              teamId: randomUUID(),
              teamName: 'Argan',
              startupId,
              memberCount: 3,
              rank: 1,
              score: 88,
              prize: { label: 'Grand prix', amountMad: 50_000 },
            },
            {
              teamId: randomUUID(),
              teamName: 'Nomads',
              memberCount: 2,
              rank: 2,
              score: 80,
              prize: { label: 'Runner-up', amountMad: 20_000 },
            },
            { teamId: randomUUID(), teamName: 'Dunes', startupId: randomUUID(), memberCount: 1, rank: 3, score: 61 },
          ],
          actor: { id: 'staff-1', role: 'site-staff' },
        },
        '2027-02-07T18:00:00Z',
      ),
    ]);
    const community = async () => (await analytics.get('/v1/kpis/community?from=2027-01&to=2027-03')).body;
    const expected = {
      eventsHeld: 3,
      byKind: [
        { kind: 'workshop', held: 2 },
        { kind: 'hackathon', held: 1 },
      ],
      registrations: 4,
      attendance: { confirmed: 120, checkedIn: 90, rate: 0.75, walkIns: 6 },
      reach: { quarter: '2027-Q1', startupsReached: 1, residents: 2, residentsReached: 1, residentShare: 0.5 },
      competitions: { judged: 1, prizesWon: 2, prizeMoneyMad: 70_000 },
    };
    await eventually(
      async () => isDeepStrictEqual(await community(), expected),
      'every figure, the residencies read from their own topic',
      60_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await community()).toEqual(expected);
    expect((await analytics.get('/v1/kpis?from=2027-01&to=2027-03')).body.community.eventsHeld).toBe(3);

    const founder = bearer(await tokens.forRole('startup', analytics.site, { startupId }));
    const timeline = await request(analytics.app.getHttpServer())
      .get(`/v1/startups/${startupId}/timeline?limit=50`)
      .set(founder)
      .expect(200);
    expect(timeline.body.items.map((item: { type: string }) => item.type).sort()).toEqual([
      'ma.technopark.attendance.checked-in.v1',
      'ma.technopark.competition.results-published.v1',
      'ma.technopark.registration.confirmed.v1',
      'ma.technopark.residency.started.v1',
    ]);
    const won = timeline.body.items.find((item: { type: string }) => item.type === CompetitionResultsPublished.type);
    expect(won.data).toMatchObject({
      eventId,
      kind: 'hackathon',
      rank: 1,
      won: true,
      teams: 3,
      prize: { amountMad: 50_000 },
    });
  });
});
