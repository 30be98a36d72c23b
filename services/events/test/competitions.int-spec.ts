import { randomUUID } from 'node:crypto';
import { bearer } from '@technopark/security/testing';
import { eventBody, type EventsSite, startEventsSite, tokens, until } from './support/events-site';

const RUBRIC = [
  { criterion: 'innovation', weight: 40 },
  { criterion: 'impact', weight: 35 },
  { criterion: 'pitch', weight: 25, description: 'Clarity in five minutes' },
];
const PRIZES = [
  { rank: 1, label: 'Grand prix', amountMad: 100_000, sponsorId: 'plug-and-play-morocco' },
  { rank: 2, label: 'Second prize' },
];
const marks = (innovation: number, impact: number, pitch: number) => ({ innovation, impact, pitch });

describe('competitions: teams, a jury scoring by rubric, a ranking with ties, results published once', () => {
  let site: EventsSite;
  let competition: string;
  const startups = { argan: randomUUID(), souss: randomUUID(), atlas: randomUUID(), absent: randomUUID() };
  const teams: Record<string, string> = {};
  const juror = async (subject: string) => bearer(await tokens.forRole('committee-member', site.site, { subject }));
  const person = async (subject: string) => bearer(await tokens.forRole('individual', site.site, { subject }));
  const startup = async (startupId: string) => bearer(await tokens.forRole('startup', site.site, { startupId }));
  const setUp = (body: object, at = competition) =>
    site.http().put(`/v1/events/${at}/competition`).set(site.staff).send(body);
  const enter = (headers: Record<string, string>, body: object) =>
    site.http().post(`/v1/events/${competition}/teams`).set(headers).send(body);
  const score = (headers: Record<string, string>, team: string, given: object) =>
    site.http().put(`/v1/events/${competition}/teams/${team}/score`).set(headers).send({ marks: given });
  const publish = (body: object = {}) =>
    site.http().post(`/v1/events/${competition}/competition/results`).set(site.staff).send(body);

  beforeAll(async () => {
    site = await startEventsSite();
    const created = await site
      .http()
      .post('/v1/events')
      .set(site.staff)
      .send(eventBody({ kind: 'competition', title: { fr: 'Concours greentech', en: 'Greentech challenge' } }, 2));
    competition = created.body.id;
    await site.http().post(`/v1/events/${competition}/publish`).set(site.staff).expect(200);
    const seats = { argan: 3, souss: 2, atlas: 1 } as const;
    for (const [name, count] of Object.entries(seats))
      await site
        .http()
        .post(`/v1/events/${competition}/registrations`)
        .set(await startup(startups[name as keyof typeof seats]))
        .send({ seats: count })
        .expect(201);
    for (const subject of ['amal', 'karim', 'sara'])
      await site
        .http()
        .post(`/v1/events/${competition}/registrations`)
        .set(await person(subject))
        .send({})
        .expect(201);
  });

  afterAll(() => site.close());

  it('is set up with a rubric adding up to 100, a jury and prizes; only for competitions and hackathons', async () => {
    const workshop = await site.http().post('/v1/events').set(site.staff).send(eventBody());
    const notJudged = await setUp({ rubric: RUBRIC, jurorIds: ['juror-a'], prizes: [] }, workshop.body.id);
    expect([notJudged.status, notJudged.body.code]).toEqual([422, 'COMPETITION.NOT_JUDGED']);
    const badWeights = await setUp({ rubric: [{ criterion: 'pitch', weight: 90 }], jurorIds: ['juror-a'], prizes: [] });
    expect(badWeights.status).toBe(400);
    expect(badWeights.body.fields.map((field: { field: string }) => field.field)).toEqual(['rubric']);
    const nullJury = await setUp({ rubric: RUBRIC, jurorIds: null, prizes: [] });
    expect([nullJury.status, nullJury.body.fields?.[0]?.field]).toEqual([400, 'jurorIds']);
    const twoFirsts = await setUp({ rubric: RUBRIC, jurorIds: ['juror-a'], prizes: [PRIZES[0], PRIZES[0]] });
    expect([twoFirsts.status, twoFirsts.body.code]).toEqual([422, 'COMPETITION.DUPLICATE_PRIZE_RANK']);
    const unset = await site.http().get(`/v1/events/${competition}/competition`).set(site.staff);
    expect([unset.status, unset.body.code]).toEqual([404, 'COMPETITION.NOT_SET_UP']);

    const done = await setUp({ rubric: RUBRIC, jurorIds: ['juror-a', 'juror-b'], prizes: PRIZES });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ kind: 'competition', status: 'judging', jurorIds: ['juror-a', 'juror-b'] });
  });

  it('takes a startup registered at the event, or a group of registered people, once each', async () => {
    const argan = await enter(await startup(startups.argan), { name: 'Argan Analytics' });
    expect(argan.status).toBe(201);
    expect(argan.body).toMatchObject({ startupId: startups.argan, memberCount: 3, memberIds: [] });
    const again = await enter(await startup(startups.argan), { name: 'Argan bis' });
    expect([again.status, again.body.code]).toEqual([409, 'TEAM.EXISTS']);
    const unregistered = await enter(await startup(startups.absent), { name: 'Absent' });
    expect([unregistered.status, unregistered.body.code]).toEqual([422, 'TEAM.NOT_REGISTERED']);

    const group = await enter(await person('amal'), { name: 'Team Souss-Massa', memberIds: ['amal', 'karim'] });
    expect(group.status).toBe(201);
    expect(group.body).toMatchObject({ memberIds: ['amal', 'karim'], memberCount: 2 });
    const withoutMe = await enter(await person('sara'), { name: 'Others', memberIds: ['karim'] });
    expect([withoutMe.status, withoutMe.body.code]).toEqual([422, 'TEAM.WITHOUT_YOU']);
    const taken = await enter(await person('karim'), { name: 'Solo' });
    expect([taken.status, taken.body.code, taken.body.personIds]).toEqual([409, 'TEAM.MEMBER_TAKEN', ['karim']]);
    const stranger = await enter(await person('nadia'), { name: 'Nadia' });
    expect([stranger.status, stranger.body.code, stranger.body.registrants]).toEqual([
      422,
      'TEAM.NOT_REGISTERED',
      ['nadia'],
    ]);
    const both = await enter(site.staff, { name: 'Both', startupId: startups.atlas, memberIds: ['sara'] });
    expect([both.status, both.body.code]).toEqual([422, 'TEAM.STARTUP_OR_MEMBERS']);

    const souss = await enter(site.staff, { name: 'Souss Solar', startupId: startups.souss });
    const atlas = await enter(site.staff, { name: 'Atlas Agri', startupId: startups.atlas });
    Object.assign(teams, { argan: argan.body.id, group: group.body.id, souss: souss.body.id, atlas: atlas.body.id });
    const listed = await site.http().get(`/v1/events/${competition}/teams`).set(site.staff).expect(200);
    expect(listed.body.items.map((team: { name: string }) => team.name)).toEqual([
      'Argan Analytics',
      'Team Souss-Massa',
      'Souss Solar',
      'Atlas Agri',
    ]);
  });

  it('puts a person in one team however many entries race for them, and frees the losers’ other members', async () => {
    const race = (
      await site
        .http()
        .post('/v1/events')
        .set(site.staff)
        .send(eventBody({ kind: 'hackathon', title: { fr: 'Hackathon', en: 'Hackathon' } }, 30))
        .expect(201)
    ).body.id as string;
    await site.http().post(`/v1/events/${race}/publish`).set(site.staff).expect(200);
    for (const subject of ['omar', 'lina', 'yassine', 'hiba'])
      await site
        .http()
        .post(`/v1/events/${race}/registrations`)
        .set(await person(subject))
        .send({})
        .expect(201);
    const enterRace = async (subject: string, body: object) =>
      site
        .http()
        .post(`/v1/events/${race}/teams`)
        .set(await person(subject))
        .send(body);

    // Omar and Lina both want Yassine.
    const [first, second] = await Promise.all([
      enterRace('omar', { name: 'Atlas Robotics', memberIds: ['omar', 'yassine'] }),
      enterRace('lina', { name: 'Sahara Data', memberIds: ['lina', 'yassine'] }),
    ]);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    const [won, lost, loser] = first.status === 201 ? [first, second, 'lina'] : [second, first, 'omar'];
    expect([lost.body.code, lost.body.personIds]).toEqual(['TEAM.MEMBER_TAKEN', ['yassine']]);
    const freed = await enterRace(loser, { name: 'Second wind', memberIds: [loser, 'hiba'] });
    expect(freed.status).toBe(201);
    const sameName = await enterRace('hiba', { name: won.body.name.toLowerCase(), memberIds: ['hiba'] });
    expect([sameName.status, sameName.body.code]).toEqual([409, 'TEAM.EXISTS']);
    const listed = await site.http().get(`/v1/events/${race}/teams`).set(site.staff).expect(200);
    expect(listed.body.items.flatMap((team: { memberIds: string[] }) => team.memberIds).sort()).toEqual(
      [loser, 'hiba', won.body.memberIds[0], 'yassine'].sort(),
    );
  });

  it('takes one score per juror and team by the rubric, scoring again replacing it, from the jury only', async () => {
    const first = await score(await juror('juror-a'), teams['argan'] as string, marks(6, 6, 6));
    expect([first.status, first.body.score]).toEqual([200, 60]);
    const rescored = await score(await juror('juror-a'), teams['argan'] as string, marks(10, 9, 8));
    expect(rescored.body).toMatchObject({ jurorId: 'juror-a', score: 91.5, marks: marks(10, 9, 8) });

    const outsider = await score(await juror('juror-z'), teams['argan'] as string, marks(1, 1, 1));
    expect([outsider.status, outsider.body.code]).toEqual([403, 'AUTH.NOT_A_JUROR']);
    const otherEventHost = bearer(
      await tokens.forRole('event-host', site.site, { subject: 'juror-b', eventId: randomUUID() }),
    );
    const elsewhere = await score(otherEventHost, teams['argan'] as string, marks(1, 1, 1));
    expect([elsewhere.status, elsewhere.body.code]).toEqual([403, 'AUTH.NOT_YOUR_EVENT']);
    const partial = await score(await juror('juror-a'), teams['souss'] as string, { innovation: 8, charm: 9 });
    expect([partial.status, partial.body.code, partial.body.missing, partial.body.unknown]).toEqual([
      422,
      'COMPETITION.MARKS_DO_NOT_FIT_RUBRIC',
      ['impact', 'pitch'],
      ['charm'],
    ]);
    const outOfRange = await score(await juror('juror-a'), teams['souss'] as string, marks(11, 5, 5));
    expect([outOfRange.status, outOfRange.body.fields?.[0]?.field]).toEqual([400, 'marks']);
    const noTeam = await score(await juror('juror-a'), randomUUID(), marks(5, 5, 5));
    expect([noTeam.status, noTeam.body.code]).toEqual([404, 'TEAM.NOT_FOUND']);

    const rubricChange = await setUp({
      rubric: [{ criterion: 'pitch', weight: 100 }],
      jurorIds: ['juror-a'],
      prizes: [],
    });
    expect([rubricChange.status, rubricChange.body.code]).toEqual([409, 'COMPETITION.SCORING_STARTED']);

    const standings = await site.http().get(`/v1/events/${competition}/competition/standings`).set(site.staff);
    const argan = standings.body.items.find((item: { team: { id: string } }) => item.team.id === teams['argan']);
    expect(argan).toMatchObject({ scores: [{ jurorId: 'juror-a', score: 91.5 }], missingJurorIds: ['juror-b'] });
    expect(argan.rank).toBeUndefined();
  });

  it('publishes results only after the event began and every juror scored every team, ties for a prize ordered by the jury', async () => {
    const early = await publish();
    expect([early.status, early.body.code]).toEqual([422, 'COMPETITION.NOT_HELD_YET']);
    site.clock.advanceDays(1);
    try {
      const incomplete = await publish();
      expect([incomplete.status, incomplete.body.code]).toEqual([422, 'COMPETITION.SCORING_INCOMPLETE']);
      expect(incomplete.body.missing).toContainEqual({ teamId: teams['argan'], jurorIds: ['juror-b'] });

      const host = bearer(await tokens.forRole('event-host', site.site, { subject: 'juror-b', eventId: competition }));
      const jurorA = await juror('juror-a');
      await score(host, teams['argan'] as string, marks(9, 9, 9)).expect(200); // 90 → 90.75
      await score(jurorA, teams['souss'] as string, marks(8, 8, 8)).expect(200); // 80
      await score(host, teams['souss'] as string, marks(7, 7, 7)).expect(200); // 70 → 75
      await score(jurorA, teams['group'] as string, marks(7, 8, 7)).expect(200); // 73.5
      await score(host, teams['group'] as string, marks(8, 7, 8)).expect(200); // 76.5 → 75
      await score(jurorA, teams['atlas'] as string, marks(5, 5, 5)).expect(200);
      await score(host, teams['atlas'] as string, marks(5, 5, 5)).expect(200);

      const standings = await site.http().get(`/v1/events/${competition}/competition/standings`).set(site.staff);
      expect(standings.body.items.map((item: { rank: number; score: number }) => [item.rank, item.score])).toEqual([
        [1, 90.75],
        [2, 75],
        [2, 75],
        [4, 50],
      ]);

      const tied = await publish();
      expect([tied.status, tied.body.code]).toEqual([422, 'COMPETITION.TIE_FOR_PRIZE']);
      expect(tied.body.ties.map((tie: string[]) => [...tie].sort())).toEqual([[teams['group'], teams['souss']].sort()]);

      const published = await publish({ tieOrder: [teams['group'], teams['souss']] });
      expect(published.status).toBe(200);
      expect(published.body.status).toBe('results-published');
      const expected = [
        {
          teamId: teams['argan'],
          teamName: 'Argan Analytics',
          startupId: startups.argan,
          memberCount: 3,
          rank: 1,
          score: 90.75,
          prize: { label: 'Grand prix', amountMad: 100_000, sponsorId: 'plug-and-play-morocco' },
        },
        {
          teamId: teams['group'],
          teamName: 'Team Souss-Massa',
          memberCount: 2,
          rank: 2,
          score: 75,
          tieBrokenBy: 'jury',
          prize: { label: 'Second prize' },
        },
        {
          teamId: teams['souss'],
          teamName: 'Souss Solar',
          startupId: startups.souss,
          memberCount: 2,
          rank: 3,
          score: 75,
          tieBrokenBy: 'jury',
        },
        {
          teamId: teams['atlas'],
          teamName: 'Atlas Agri',
          startupId: startups.atlas,
          memberCount: 1,
          rank: 4,
          score: 50,
        },
      ];
      expect(published.body.results).toEqual(expected);

      await until(
        async () =>
          (await site.eventsAbout('site-events', competition)).some(
            (event) => event.type === 'ma.technopark.competition.results-published.v1',
          ),
        'the results on the site-events topic',
      );
      const onTopic = (await site.eventsAbout('site-events', competition)).filter(
        (event) => event.type === 'ma.technopark.competition.results-published.v1',
      );
      expect(onTopic).toHaveLength(1);
      expect(onTopic[0]?.data).toEqual({
        eventId: competition,
        kind: 'competition',
        jurors: 2,
        results: expected,
        actor: { id: 'test-user', role: 'site-staff' },
      });
      expect(JSON.stringify(onTopic[0]?.data)).not.toMatch(/amal|karim/);

      const again = await publish({ tieOrder: [teams['souss'], teams['group']] });
      expect([again.status, again.body.code]).toEqual([409, 'COMPETITION.RESULTS_PUBLISHED']);
      const late = await score(jurorA, teams['atlas'] as string, marks(10, 10, 10));
      expect([late.status, late.body.code]).toEqual([409, 'COMPETITION.RESULTS_PUBLISHED']);
      const reopened = await setUp({ rubric: RUBRIC, jurorIds: ['juror-a'], prizes: [] });
      expect([reopened.status, reopened.body.code]).toEqual([409, 'COMPETITION.RESULTS_PUBLISHED']);
    } finally {
      site.clock.backToToday();
    }
  });

  it('shows the published results to anyone, without a token', async () => {
    const shown = await site.http().get(`/v1/public/events/${competition}/results`).expect(200);
    expect(shown.body).toMatchObject({ eventId: competition, kind: 'competition', jurors: 2 });
    expect(
      shown.body.results.map((result: { teamName: string; rank: number }) => [result.rank, result.teamName]),
    ).toEqual([
      [1, 'Argan Analytics'],
      [2, 'Team Souss-Massa'],
      [3, 'Souss Solar'],
      [4, 'Atlas Agri'],
    ]);
    const before = await site.http().get(`/v1/public/events/${randomUUID()}/results`);
    expect([before.status, before.body.code]).toEqual([404, 'COMPETITION.RESULTS_NOT_PUBLISHED']);
  });
});
