import { bearer } from '@technopark/security/testing';
import { eventually } from '@technopark/testing';
import { office, coworking, type ResidencySite, startResidencySite, TestClock, tokens } from './support/residency-site';

const today = () => new Date().toISOString().slice(0, 10);

describe('a residency from allocation to its end', () => {
  let site: ResidencySite | undefined;
  afterEach(async () => {
    await site?.app.close();
    site = undefined;
  });

  it('moves in, extends and graduates, publishing each step, and frees the office', async () => {
    // Accepted before the recorded move-in of 2026-01-15, whatever today is.
    const clock = TestClock.startingOn('2026-01-10');
    site = await startResidencySite({ spaces: [office('office-4', 4, 30)], clock });
    const { http, staff } = site;
    const residency = await site.accept(3);
    expect(residency).toMatchObject({ status: 'allocated', space: { spaceId: 'office-4' } });
    clock.backToToday();

    const started = await http()
      .post(`/v1/residencies/${residency._id}/start`)
      .set(staff)
      .send({ startedOn: '2026-01-15' })
      .expect(200);
    expect(started.body).toMatchObject({
      status: 'started',
      startedOn: '2026-01-15',
      plannedEndOn: '2027-07-15',
      allowedActions: ['extend', 'move', 'end'],
    });
    const extended = await http()
      .post(`/v1/residencies/${residency._id}/extend`)
      .set(staff)
      .send({ months: 6 })
      .expect(200);
    expect(extended.body.plannedEndOn).toBe('2028-01-15');
    const ended = await http()
      .post(`/v1/residencies/${residency._id}/end`)
      .set(staff)
      .send({ outcome: 'graduated', endedOn: '2027-12-20', note: 'raised a seed round' })
      .expect(200);
    expect(ended.body).toMatchObject({
      status: 'ended',
      outcome: 'graduated',
      endedOn: '2027-12-20',
      allowedActions: [],
    });
    expect(ended.body.history.map((entry: { action: string }) => entry.action)).toEqual([
      'allocate',
      'start',
      'extend',
      'end',
    ]);
    expect(ended.body.history[3]).toMatchObject({ actor: { role: 'site-staff' }, note: 'raised a seed round' });

    const office4 = await http().get('/v1/spaces/office-4').set(staff).expect(200);
    expect(office4.body.occupied).toBe(false);
    let events: Awaited<ReturnType<ResidencySite['eventsAbout']>> = [];
    await eventually(
      async () => (events = await (site as ResidencySite).eventsAbout('residencies', residency._id)).length === 4,
      'four residency events',
    );
    expect(events.map((event) => event.type)).toEqual(
      ['allocated', 'started', 'extended', 'ended'].map((what) => `ma.technopark.residency.${what}.v1`),
    );
    expect(events[1]?.data).toMatchObject({
      spaceId: 'office-4',
      startedOn: '2026-01-15',
      plannedEndOn: '2027-07-15',
      programKind: 'incubation',
    });
    expect(events[2]?.data).toMatchObject({
      previousPlannedEndOn: '2027-07-15',
      plannedEndOn: '2028-01-15',
      months: 6,
    });
    expect(events[3]?.data).toMatchObject({
      outcome: 'graduated',
      endedOn: '2027-12-20',
      startedOn: '2026-01-15',
      spaceId: 'office-4',
      actor: { role: 'site-staff' },
    });

    let occupancy: Awaited<ReturnType<ResidencySite['eventsAbout']>> = [];
    await eventually(
      async () => (occupancy = await (site as ResidencySite).eventsAbout('occupancy', 'occupancy')).length >= 4,
      'occupancy changes',
    );
    expect(occupancy.map((event) => event.data['version'])).toEqual(occupancy.map((_, index) => index + 1));
    expect(occupancy.map(({ data }) => [data['awaitingMoveIn'], data['residents']])).toEqual([
      [0, 0],
      [1, 0],
      [0, 1],
      [0, 0],
    ]);
    expect(occupancy.at(-1)?.data).toMatchObject({ offices: { used: 0, total: 1 }, waitlist: 0 });
  });

  it('gives freed space to the next waitlisted startup that fits, in waitlist order', async () => {
    site = await startResidencySite({ spaces: [coworking('hub', 4)] });
    const { http, staff } = site;
    const first = await site.accept(4);
    const incubated = await site.accept(2, { programKind: 'incubation' });
    const accelerated = await site.accept(3, { programKind: 'acceleration' });
    const big = await site.accept(5, { programKind: 'acceleration' });
    expect([first.status, incubated.status, accelerated.status, big.status]).toEqual([
      'allocated',
      'waitlisted',
      'waitlisted',
      'waitlisted',
    ]);
    const waitlist = await http().get('/v1/waitlist').set(staff).expect(200);
    expect(waitlist.body.items.map((entry: { residency: { id: string } }) => entry.residency.id)).toEqual([
      accelerated._id,
      big._id,
      incubated._id,
    ]);

    const startupToken = bearer(await tokens.forRole('startup', site.site, { startupId: first.startupId }));
    // The startup is shown only the move it may make; staff see all of theirs.
    expect(
      (await http().get(`/v1/residencies/${first._id}`).set(startupToken).expect(200)).body.allowedActions,
    ).toEqual(['decline']);
    expect((await http().get(`/v1/residencies/${first._id}`).set(staff).expect(200)).body.allowedActions).toEqual([
      'start',
      'move',
      'decline',
      'end',
    ]);
    await http()
      .post(`/v1/residencies/${first._id}/decline`)
      .set(startupToken)
      .send({ note: 'found other premises' })
      .expect(200);

    const after = await http().get('/v1/waitlist').set(staff).expect(200);
    expect(after.body.items.map((entry: { residency: { id: string } }) => entry.residency.id)).toEqual([
      big._id,
      incubated._id,
    ]);
    const allocated = await http().get(`/v1/residencies/${accelerated._id}`).set(staff).expect(200);
    expect(allocated.body).toMatchObject({
      status: 'allocated',
      space: { spaceId: 'hub', seats: 3 },
      history: [{ action: 'waitlist' }, { action: 'allocate', actor: { id: 'residency-allocator', role: 'system' } }],
    });
    expect((await http().get('/v1/occupancy').set(staff).expect(200)).body).toMatchObject({
      coworkingPositions: { used: 3, total: 4 },
      awaitingMoveIn: 1,
      waitlist: 2,
    });
    const declined = await site.eventsAbout('residencies', first._id);
    await eventually(
      async () => (await (site as ResidencySite).eventsAbout('residencies', first._id)).length === 2,
      'the decline',
    );
    expect((await site.eventsAbout('residencies', first._id))[1]?.data).toMatchObject({
      outcome: 'declined',
      spaceId: 'hub',
      actor: { role: 'startup' },
    });
    expect(declined.every((event) => event.data['startedOn'] === undefined)).toBe(true);
  });

  it('lets staff reorder the waitlist, and the new order decides who gets space', async () => {
    site = await startResidencySite({ spaces: [office('office-2', 2)] });
    const { http, staff } = site;
    const holder = await site.accept(2);
    const a = await site.accept(2, { programKind: 'acceleration' });
    const b = await site.accept(2, { programKind: 'incubation' });
    const c = await site.accept(2, { programKind: 'coworking' });

    const moved = await http().put(`/v1/waitlist/${c._id}/position`).set(staff).send({ position: 1 }).expect(200);
    expect(moved.body).toMatchObject({ position: 1, residency: { id: c._id } });
    await http().put(`/v1/waitlist/${a._id}/position`).set(staff).send({ position: 99 }).expect(200);
    const order = await http().get('/v1/waitlist').set(staff).expect(200);
    expect(
      order.body.items.map((entry: { position: number; residency: { id: string } }) => [
        entry.position,
        entry.residency.id,
      ]),
    ).toEqual([
      [1, c._id],
      [2, b._id],
      [3, a._id],
    ]);
    await http().put(`/v1/waitlist/${holder._id}/position`).set(staff).send({ position: 1 }).expect(409);

    await http().post(`/v1/residencies/${holder._id}/end`).set(staff).send({ outcome: 'withdrawn' }).expect(200);
    expect((await http().get(`/v1/residencies/${c._id}`).set(staff).expect(200)).body.status).toBe('allocated');
  });

  it('refuses moves the lifecycle does not allow, with the reason, and changes nothing', async () => {
    site = await startResidencySite({ spaces: [office('office-2', 2), office('office-6', 6), coworking('hub', 2)] });
    const { http, staff } = site;
    const residency = await site.accept(3);
    expect(residency.space?.spaceId).toBe('office-6');

    const early = await http()
      .post(`/v1/residencies/${residency._id}/extend`)
      .set(staff)
      .send({ months: 3 })
      .expect(409);
    expect(early.body).toMatchObject({
      code: 'RESIDENCY.ILLEGAL_TRANSITION',
      currentStatus: 'allocated',
      allowedActions: ['start', 'move', 'decline', 'end'],
    });
    const graduatedEarly = await http()
      .post(`/v1/residencies/${residency._id}/end`)
      .set(staff)
      .send({ outcome: 'graduated' })
      .expect(422);
    expect(graduatedEarly.body).toMatchObject({
      code: 'RESIDENCY.OUTCOME_NOT_ALLOWED',
      allowedOutcomes: ['declined', 'withdrawn'],
    });
    const future = await http()
      .post(`/v1/residencies/${residency._id}/start`)
      .set(staff)
      .send({ startedOn: '2999-01-01' })
      .expect(422);
    expect(future.body.code).toBe('RESIDENCY.MOVE_IN_IN_FUTURE');
    const beforeAcceptance = await http()
      .post(`/v1/residencies/${residency._id}/start`)
      .set(staff)
      .send({ startedOn: '1900-01-01' })
      .expect(422);
    expect(beforeAcceptance.body).toMatchObject({
      code: 'RESIDENCY.MOVE_IN_BEFORE_ACCEPTANCE',
      acceptedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    await http()
      .post(`/v1/residencies/${residency._id}/start`)
      .set(staff)
      .send({ startedOn: '2026-02-30' })
      .expect(400);
    const tooSmall = await http()
      .post(`/v1/residencies/${residency._id}/move`)
      .set(staff)
      .send({ spaceId: 'office-2' })
      .expect(422);
    expect(tooSmall.body).toMatchObject({ code: 'SPACE.TOO_SMALL', seats: 2, needed: 3 });
    const full = await http()
      .post(`/v1/residencies/${residency._id}/move`)
      .set(staff)
      .send({ spaceId: 'hub' })
      .expect(409);
    expect(full.body.code).toBe('SPACE.TAKEN');
    await http().post(`/v1/residencies/${residency._id}/move`).set(staff).send({ spaceId: 'office-6' }).expect(409);
    await http().post(`/v1/residencies/${residency._id}/move`).set(staff).send({ spaceId: 'nowhere' }).expect(404);
    const invalid = await http()
      .post(`/v1/residencies/${residency._id}/end`)
      .set(staff)
      .send({ outcome: 'vanished', endedOn: 'yesterday', note: '' })
      .expect(400);
    expect(invalid.body.fields.map((field: { field: string }) => field.field).sort()).toEqual([
      'endedOn',
      'note',
      'outcome',
    ]);
    expect((await http().post('/v1/residencies/not-a-residency/start').set(staff).send({}).expect(404)).body.code).toBe(
      'RESIDENCY.NOT_FOUND',
    );
    await http().post('/v1/residencies/0b7e2f8a-2d1c-4f6e-8a9b-1c2d3e4f5a6b/start').set(staff).send({}).expect(404);

    const unchanged = await http().get(`/v1/residencies/${residency._id}`).set(staff).expect(200);
    expect(unchanged.body).toMatchObject({
      status: 'allocated',
      space: { spaceId: 'office-6' },
      history: [{ action: 'allocate' }],
    });
    const started = await http().post(`/v1/residencies/${residency._id}/start`).set(staff).send({}).expect(200);
    expect(started.body.startedOn).toBe(today());
    await http().post(`/v1/residencies/${residency._id}/start`).set(staff).send({}).expect(409);
    await http().post(`/v1/residencies/${residency._id}/decline`).set(staff).send({}).expect(409);
  });

  it('moves a resident to another space and gives the old one to the waitlist', async () => {
    site = await startResidencySite({ spaces: [coworking('hub', 3), office('office-4', 4)] });
    const { http, staff } = site;
    const resident = await site.accept(3, { workspaceNeeds: { desks: 3, office: false } });
    expect(resident.space?.spaceId).toBe('office-4');
    const waiting = await site.accept(3);
    const third = await site.accept(3);
    expect([waiting.space?.spaceId, third.status]).toEqual(['hub', 'waitlisted']);
    await http().post(`/v1/residencies/${resident._id}/start`).set(staff).send({}).expect(200);
    await http().post(`/v1/residencies/${waiting._id}/end`).set(staff).send({ outcome: 'declined' }).expect(200);
    expect((await http().get(`/v1/residencies/${third._id}`).set(staff).expect(200)).body.space).toEqual({
      spaceId: 'hub',
      kind: 'coworking',
      seats: 3,
    });

    await http().post(`/v1/residencies/${third._id}/end`).set(staff).send({ outcome: 'withdrawn' }).expect(200);
    const moved = await http()
      .post(`/v1/residencies/${resident._id}/move`)
      .set(staff)
      .send({ spaceId: 'hub' })
      .expect(200);
    expect(moved.body).toMatchObject({ status: 'started', space: { spaceId: 'hub', kind: 'coworking', seats: 3 } });
    expect((await http().get('/v1/spaces/office-4').set(staff).expect(200)).body.occupied).toBe(false);
    expect((await http().get('/v1/spaces/hub').set(staff).expect(200)).body.freePositions).toBe(0);
    await eventually(
      async () =>
        (await (site as ResidencySite).eventsAbout('residencies', resident._id)).some(
          (event) => event.type === 'ma.technopark.residency.moved.v1',
        ),
      'residency.moved',
    );
    const movedEvent = (await site.eventsAbout('residencies', resident._id)).find(
      (event) => event.type === 'ma.technopark.residency.moved.v1',
    );
    expect(movedEvent?.data).toMatchObject({
      fromSpaceId: 'office-4',
      spaceId: 'hub',
      spaceKind: 'coworking',
      seats: 3,
    });
  });
});
