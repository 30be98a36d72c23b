import { randomUUID } from 'node:crypto';
import { ResidencyStarted, SpaceRegistered, SpaceRetired, StartupRegistered } from '@technopark/contracts';
import { bearer } from '@technopark/security/testing';
import ICAL from 'ical.js';
import { eventBody, type EventsSite, startEventsSite, tokens, until } from './support/events-site';

const staffActor = { id: 'staff-12', role: 'site-staff' as const };
const room = (spaceId: string, seats: number) => ({
  spaceId,
  kind: 'room' as const,
  name: `Room ${spaceId}`,
  roomType: 'agora' as const,
  areaM2: 120,
  seats,
  actor: staffActor,
});

describe('the events service on the real broker and database', () => {
  let site: EventsSite;
  const person = async (subject: string) => bearer(await tokens.forRole('individual', site.site, { subject }));

  beforeAll(async () => {
    site = await startEventsSite();
    await site.publish(SpaceRegistered, room('agora-1', 200));
    await site.publish(SpaceRegistered, room('lab-2', 10));
    await site.publish(SpaceRegistered, { ...room('b2-office-14', 6), kind: 'office', roomType: undefined });
    await until(
      async () => (await site.http().get('/v1/rooms/lab-2').set(site.staff)).status === 200,
      'the rooms known from residency',
    );
  });

  afterAll(() => site.close());

  const draft = async (overrides: Record<string, unknown> = {}, startInHours = 48) => {
    const created = await site.http().post('/v1/events').set(site.staff).send(eventBody(overrides, startInHours));
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  const published = async (overrides: Record<string, unknown> = {}, startInHours = 48) => {
    const id = await draft(overrides, startInHours);
    await site.http().post(`/v1/events/${id}/publish`).set(site.staff).expect(200);
    return id;
  };

  it('keeps only rooms from residency, and refuses an event in a room too small or unknown', async () => {
    await site.http().get('/v1/rooms/b2-office-14').set(site.staff).expect(404);
    const small = await site
      .http()
      .post('/v1/events')
      .set(site.staff)
      .send(eventBody({ roomId: 'lab-2', capacity: 40 }));
    expect(small.status).toBe(422);
    expect(small.body.code).toBe('ROOM.TOO_SMALL');
    const unknown = await site
      .http()
      .post('/v1/events')
      .set(site.staff)
      .send(eventBody({ roomId: 'nowhere' }));
    expect([unknown.status, unknown.body.code]).toEqual([404, 'ROOM.NOT_FOUND']);
  });

  it('never books two events into one room at once, buffers included, even when they publish together', async () => {
    const first = await published({ roomId: 'lab-2', capacity: 10 }, 100);
    // Starts 20 minutes after the first ends: inside its 30-minute teardown.
    const clashing = await draft({ roomId: 'lab-2', capacity: 10 }, 103 + 1 / 3);
    const refused = await site.http().post(`/v1/events/${clashing}/publish`).set(site.staff);
    expect([refused.status, refused.body.code]).toEqual([409, 'ROOM.BOOKED']);
    expect(refused.body.message).toContain(first);

    const racing = await Promise.all(Array.from({ length: 6 }, () => draft({ roomId: 'lab-2', capacity: 10 }, 200)));
    const answers = await Promise.all(racing.map((id) => site.http().post(`/v1/events/${id}/publish`).set(site.staff)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    const calendar = (await site.http().get('/v1/rooms/lab-2').set(site.staff)).body.bookings as { eventId: string }[];
    expect(calendar.map((booking) => booking.eventId)).toEqual([
      first,
      racing[answers.findIndex((a) => a.status === 200)],
    ]);
  });

  it('confirms exactly the capacity under a burst, waitlists the rest in order, and never registers anyone twice', async () => {
    const eventId = await published({ capacity: 5 });
    const people = Array.from({ length: 12 }, (_, index) => `person-${index}`);
    const answers = await Promise.all(
      people.map(async (subject) =>
        site
          .http()
          .post(`/v1/events/${eventId}/registrations`)
          .set(await person(subject))
          .send({}),
      ),
    );
    expect(answers.every((answer) => answer.status === 201)).toBe(true);
    const statuses = answers.map((answer) => answer.body.status);
    expect(statuses.filter((status) => status === 'confirmed')).toHaveLength(5);
    expect(statuses.filter((status) => status === 'waitlisted')).toHaveLength(7);
    const positions = answers
      .filter((answer) => answer.body.status === 'waitlisted')
      .map((answer) => answer.body.position);
    expect([...positions].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const event = (await site.http().get(`/v1/public/events/${eventId}`)).body;
    expect([event.seatsLeft, event.waitlisted]).toEqual([0, 7]);

    const again = await site
      .http()
      .post(`/v1/events/${eventId}/registrations`)
      .set(await person('person-0'))
      .send({});
    expect([again.status, again.body.code]).toEqual([409, 'REGISTRATION.EXISTS']);
  });

  it('answers a retried registration with its first result when the Idempotency-Key is the same', async () => {
    const eventId = await published();
    const someone = await person('retrying-person');
    const first = await site
      .http()
      .post(`/v1/events/${eventId}/registrations`)
      .set(someone)
      .set('Idempotency-Key', 'k-1')
      .send({});
    const retry = await site
      .http()
      .post(`/v1/events/${eventId}/registrations`)
      .set(someone)
      .set('Idempotency-Key', 'k-1')
      .send({});
    expect(first.status).toBe(201);
    expect([retry.status, retry.headers['idempotent-replayed'], retry.body.id]).toEqual([200, 'true', first.body.id]);
    const reused = await site
      .http()
      .post(`/v1/events/${eventId}/registrations`)
      .set(someone)
      .set('Idempotency-Key', 'k-1')
      .send({ startupId: randomUUID() });
    expect([reused.status, reused.body.code]).toEqual([422, 'REQUEST.IDEMPOTENCY_KEY_REUSED']);
  });

  it("gives a cancelled registration's seats to the head of the waiting list, and tells both", async () => {
    const eventId = await published({ capacity: 1 });
    const holder = await site
      .http()
      .post(`/v1/events/${eventId}/registrations`)
      .set(await person('holder'))
      .send({});
    const waiting = await site
      .http()
      .post(`/v1/events/${eventId}/registrations`)
      .set(await person('waiting'))
      .send({});
    expect([holder.body.status, waiting.body.status, waiting.body.position]).toEqual(['confirmed', 'waitlisted', 1]);

    await site
      .http()
      .post(`/v1/events/${eventId}/registrations/${holder.body.id}/cancel`)
      .set(await person('holder'))
      .expect(200);
    const promoted = await site
      .http()
      .get(`/v1/events/${eventId}/registrations/${waiting.body.id}`)
      .set(await person('waiting'));
    expect(promoted.body).toMatchObject({ status: 'confirmed', checkInCode: expect.any(String) });

    await until(async () => (await site.eventsAbout('registrations', waiting.body.id)).length === 2, 'two events');
    expect((await site.eventsAbout('registrations', waiting.body.id)).map((event) => event.type)).toEqual([
      'ma.technopark.registration.waitlisted.v1',
      'ma.technopark.registration.promoted.v1',
    ]);
    const cancelled = await site.eventsAbout('registrations', holder.body.id);
    expect(cancelled.at(-1)?.data).toMatchObject({
      reason: 'registrant',
      wasConfirmed: true,
      registrant: { kind: 'individual', personId: 'holder' },
    });
  });

  it('takes each check-in code once, refuses codes of other events or forged ones, and lets walk-ins in', async () => {
    const eventId = await published();
    const other = await published();
    const mine = await site
      .http()
      .post(`/v1/events/${eventId}/registrations`)
      .set(await person('guest'))
      .send({});
    const theirs = await site
      .http()
      .post(`/v1/events/${other}/registrations`)
      .set(await person('guest'))
      .send({});
    const scan = (code: string, as = site.staff, at = eventId) =>
      site.http().post(`/v1/events/${at}/check-ins`).set(as).send({ code });

    expect((await scan(mine.body.checkInCode)).body).toMatchObject({
      status: 'confirmed',
      checkedInAt: expect.any(String),
    });
    const second = await scan(mine.body.checkInCode);
    expect([second.status, second.body.code]).toEqual([409, 'CHECK_IN.ALREADY_USED']);
    const wrongEvent = await scan(theirs.body.checkInCode);
    expect([wrongEvent.status, wrongEvent.body.code]).toEqual([422, 'CHECK_IN.OTHER_EVENT']);
    const forged = await scan(`${mine.body.id}.1.AAAAAAAAAAAAAAAAAAAAAA`);
    expect([forged.status, forged.body.code]).toEqual([422, 'CHECK_IN.CODE_INVALID']);

    const host = bearer(await tokens.forRole('event-host', site.site, { eventId: other }));
    expect((await scan(theirs.body.checkInCode, host, other)).status).toBe(201);
    expect((await scan(mine.body.checkInCode, host)).status).toBe(403);

    const walkIn = await site
      .http()
      .post(`/v1/events/${eventId}/walk-ins`)
      .set(site.staff)
      .send({ personId: 'visitor-1' });
    expect(walkIn.body).toMatchObject({ status: 'walk-in', checkedInAt: expect.any(String) });
  });

  it('keeps residents-only events to startups in residency, from residency’s events', async () => {
    const eventId = await published({ eligibility: 'residents' });
    const startupId = randomUUID();
    const startup = bearer(await tokens.forRole('startup', site.site, { startupId }));
    const early = await site.http().post(`/v1/events/${eventId}/registrations`).set(startup).send({ seats: 3 });
    expect([early.status, early.body.code]).toEqual([422, 'REGISTRATION.NOT_ELIGIBLE']);

    await site.publish(StartupRegistered, {
      ...StartupRegistered.example,
      startupId,
    });
    await site.publish(ResidencyStarted, { ...ResidencyStarted.example, startupId });
    await until(
      async () =>
        (await site.http().post(`/v1/events/${eventId}/registrations`).set(startup).send({ seats: 3 })).status === 201,
      'the startup resident',
    );
    const page = await site.http().get(`/v1/events/${eventId}/registrations`).set(site.staff);
    expect(page.body.items).toEqual([
      expect.objectContaining({ seats: 3, registrant: { kind: 'startup', startupId }, status: 'confirmed' }),
    ]);
  });

  it('cancels every registration with the event, frees its room, and publishes attendance when one is held', async () => {
    const called = await published({ capacity: 1, roomId: 'agora-1' }, 300);
    const first = await site
      .http()
      .post(`/v1/events/${called}/registrations`)
      .set(await person('c-1'))
      .send({});
    const second = await site
      .http()
      .post(`/v1/events/${called}/registrations`)
      .set(await person('c-2'))
      .send({});
    await site
      .http()
      .post(`/v1/events/${called}/cancel`)
      .set(site.staff)
      .send({ reason: 'room unavailable' })
      .expect(200);
    for (const id of [first.body.id, second.body.id])
      expect((await site.http().get(`/v1/events/${called}/registrations/${id}`).set(site.staff)).body).toMatchObject({
        status: 'cancelled',
        cancelReason: 'event-cancelled',
      });
    const bookings = (await site.http().get('/v1/rooms/agora-1').set(site.staff)).body.bookings as {
      eventId: string;
    }[];
    expect(bookings.map((booking) => booking.eventId)).not.toContain(called);
    await until(async () => (await site.eventsAbout('site-events', called)).length === 2, 'scheduled, then cancelled');
    expect((await site.eventsAbout('site-events', called))[1]?.data).toMatchObject({ registrationsCancelled: 2 });

    const held = await published({}, 2);
    const came = await site
      .http()
      .post(`/v1/events/${held}/registrations`)
      .set(await person('h-1'))
      .send({});
    await site
      .http()
      .post(`/v1/events/${held}/registrations`)
      .set(await person('h-2'))
      .send({});
    await site
      .http()
      .post(`/v1/events/${held}/check-ins`)
      .set(site.staff)
      .send({ code: came.body.checkInCode })
      .expect(201);
    const early = await site.http().post(`/v1/events/${held}/complete`).set(site.staff);
    expect([early.status, early.body.code]).toEqual([422, 'EVENT.NOT_ENDED']);
    site.clock.advanceDays(1);
    const completed = await site.http().post(`/v1/events/${held}/complete`).set(site.staff);
    expect(completed.body).toMatchObject({
      status: 'completed',
      attendance: { confirmed: 2, checkedIn: 1, walkIns: 0, noShows: 1, startupsReached: 0 },
    });
    site.clock.backToToday();
    await until(async () => (await site.eventsAbout('site-events', held)).length === 2, 'scheduled, then completed');
    expect((await site.eventsAbout('site-events', held))[1]?.type).toBe('ma.technopark.event.completed.v1');
  });

  it('flags the events still to come in a room residency retires', async () => {
    await site.publish(SpaceRegistered, room('hall-9', 100));
    await until(async () => (await site.http().get('/v1/rooms/hall-9').set(site.staff)).status === 200, 'hall-9');
    const eventId = await published({ roomId: 'hall-9' }, 400);
    await site.publish(SpaceRetired, { spaceId: 'hall-9', kind: 'room', actor: staffActor });
    await until(
      async () => (await site.http().get(`/v1/events/${eventId}`).set(site.staff)).body.roomRetired === true,
      'the event flagged',
    );
    const again = await site
      .http()
      .post('/v1/events')
      .set(site.staff)
      .send(eventBody({ roomId: 'hall-9' }));
    expect([again.status, again.body.code]).toEqual([422, 'ROOM.RETIRED']);
  });

  it('shows the public programme without a token, drafts left out', async () => {
    const hidden = await draft();
    await site.http().get(`/v1/public/events/${hidden}`).expect(404);
    const listed = await site.http().get('/v1/public/events?limit=100').expect(200);
    expect(listed.body.items.every((event: { status: string }) => event.status !== 'draft')).toBe(true);
    expect(listed.body.items[0]).not.toHaveProperty('invitees');
  });

  it('publishes iCalendar feeds an independent parser reads: the site programme, and a private one per registrant', async () => {
    const startsAt = new Date(Math.floor(Date.now() / 1000) * 1000 + 500 * 3_600_000).toISOString();
    const endsAt = new Date(Date.parse(startsAt) + 2 * 3_600_000).toISOString();
    const workshop = await published(
      { title: { fr: 'Atelier pitch', en: 'Pitch workshop' }, roomId: 'agora-1', startsAt, endsAt },
      500,
    );
    const privateOnly = await published({ eligibility: 'invited', invitees: ['cal-person'] }, 510);
    const calledOff = await published({ title: { en: 'Called off' } }, 520);
    await site
      .http()
      .post(`/v1/events/${calledOff}/cancel`)
      .set(site.staff)
      .send({ reason: 'speaker ill' })
      .expect(200);
    const hidden = await draft({ title: { en: 'Still a draft' } }, 530);

    const feed = await site.http().get('/v1/public/calendar.ics?lang=en').expect(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const events = new ICAL.Component(ICAL.parse(feed.text))
      .getAllSubcomponents('vevent')
      .map((each) => new ICAL.Event(each));
    const byUid = new Map(events.map((event) => [event.uid, event]));
    const pitch = byUid.get(`${workshop}@events.technopark.ma`);
    expect(pitch?.summary).toBe('Pitch workshop');
    expect(pitch?.location).toBe('Room agora-1');
    expect([pitch?.startDate.toJSDate().toISOString(), pitch?.endDate.toJSDate().toISOString()]).toEqual([
      startsAt,
      endsAt,
    ]);
    expect(byUid.get(`${calledOff}@events.technopark.ma`)?.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(byUid.has(`${hidden}@events.technopark.ma`)).toBe(false);
    expect(byUid.has(`${privateOnly}@events.technopark.ma`)).toBe(false);

    const guest = await person('cal-person');
    await site.http().post(`/v1/events/${privateOnly}/registrations`).set(guest).send({}).expect(201);
    const link = (await site.http().get('/v1/me/calendar-link').set(guest).expect(200)).body.path as string;
    const mine = await site.http().get(link).expect(200);
    const uids = new ICAL.Component(ICAL.parse(mine.text))
      .getAllSubcomponents('vevent')
      .map((each) => new ICAL.Event(each).uid);
    expect(uids).toEqual([`${privateOnly}@events.technopark.ma`]);
    const forged = link.replace(/\.[^./]+\/events\.ics$/, '.AAAAAAAAAAAAAAAAAAAAAA/events.ics');
    const refused = await site.http().get(forged);
    expect([refused.status, refused.body.code]).toEqual([404, 'CALENDAR.NOT_FOUND']);
  });

  it("records an invited funder's interest in a startup that pitched, once, and tells funding matching", async () => {
    const session = await published({ kind: 'investor-session', partnerIds: ['seed-alpha'] }, 600);
    const workshop = await published({}, 610);
    const pitching = randomUUID();
    const startup = bearer(await tokens.forRole('startup', site.site, { startupId: pitching }));
    await site.http().post(`/v1/events/${session}/registrations`).set(startup).send({ seats: 2 }).expect(201);
    const contact = bearer(
      await tokens.forRole('funder', site.site, { funderId: 'seed-alpha', subject: 'contact-seed' }),
    );
    const record = (at: string, body: object, as = contact) =>
      site.http().post(`/v1/events/${at}/interests`).set(as).send(body);

    const recorded = await record(session, { funderId: 'seed-alpha', startupId: pitching, note: 'strong team' });
    expect(recorded.status).toBe(201);
    const again = await record(session, { funderId: 'seed-alpha', startupId: pitching });
    expect([again.status, again.body.code]).toEqual([409, 'INTEREST.EXISTS']);
    const notPitching = await record(session, { funderId: 'seed-alpha', startupId: randomUUID() });
    expect([notPitching.status, notPitching.body.code]).toEqual([422, 'INTEREST.STARTUP_NOT_PITCHING']);
    const notInvited = await record(session, { funderId: 'vc-beta', startupId: pitching }, site.staff);
    expect([notInvited.status, notInvited.body.code]).toEqual([422, 'INTEREST.FUNDER_NOT_INVITED']);
    const forAnother = await record(session, { funderId: 'vc-beta', startupId: pitching });
    expect([forAnother.status, forAnother.body.code]).toEqual([403, 'AUTH.NOT_YOUR_FUNDER']);
    const notASession = await record(workshop, { funderId: 'seed-alpha', startupId: pitching }, site.staff);
    expect([notASession.status, notASession.body.code]).toEqual([422, 'INTEREST.NOT_AN_INVESTOR_SESSION']);

    await until(
      async () => (await site.eventsAbout('site-events', session)).length === 2,
      'scheduled, then the interest',
    );
    expect((await site.eventsAbout('site-events', session))[1]).toEqual({
      type: 'ma.technopark.investor-interest.recorded.v1',
      data: {
        interestId: recorded.body.id,
        eventId: session,
        funderId: 'seed-alpha',
        startupId: pitching,
        actor: { id: 'contact-seed', role: 'funder' },
      },
    });
    const listed = await site.http().get(`/v1/events/${session}/interests`).set(site.staff).expect(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ funderId: 'seed-alpha', note: 'strong team' })]);
  });
});
