import { join } from 'node:path';
import { bearer } from '@technopark/security/testing';
import { eventually } from '@technopark/testing';
import { coworking, office, type ResidencySite, startResidencySite, TestClock, tokens } from './support/residency-site';

const ESSAOUIRA_INVENTORY = join(__dirname, '../src/spaces/seeds/essaouira.json');

describe('the inventory of spaces', () => {
  let site: ResidencySite | undefined;
  afterEach(async () => {
    await site?.app.close();
    site = undefined;
  });

  it('changes and retires spaces under the rules, publishing each change', async () => {
    site = await startResidencySite({ spaces: [coworking('hub', 4), office('office-1', 1)] });
    const { http, staff } = site;
    const holder = await site.accept(3);
    expect(holder.space?.spaceId).toBe('hub');
    const waiting = await site.accept(2);
    expect(waiting.status).toBe('waitlisted');

    const shrink = await http().patch('/v1/spaces/hub').set(staff).send({ seats: 2 }).expect(409);
    expect(shrink.body).toMatchObject({ code: 'SPACE.IN_USE', held: 3 });
    const grown = await http().patch('/v1/spaces/hub').set(staff).send({ seats: 6, name: 'Hub', floor: 1 }).expect(200);
    expect(grown.body).toMatchObject({
      seats: 6,
      name: 'Hub',
      floor: 1,
      freePositions: 1,
      updatedBy: { role: 'site-staff' },
    });
    expect((await http().get(`/v1/residencies/${waiting._id}`).set(staff)).body.space).toMatchObject({
      spaceId: 'hub',
      seats: 2,
    });

    await http().delete('/v1/spaces/hub').set(staff).expect(409);
    await http().post(`/v1/residencies/${holder._id}/end`).set(staff).send({ outcome: 'withdrawn' }).expect(200);
    await http().post(`/v1/residencies/${waiting._id}/end`).set(staff).send({ outcome: 'withdrawn' }).expect(200);
    const retired = await http().delete('/v1/spaces/hub').set(staff).expect(200);
    expect(retired.body.status).toBe('retired');
    await http().delete('/v1/spaces/hub').set(staff).expect(409);
    await http().patch('/v1/spaces/hub').set(staff).send({ seats: 8 }).expect(409);
    expect((await site.accept(3)).space?.spaceId).toBeUndefined();
    expect((await http().get('/v1/occupancy').set(staff)).body.coworkingPositions).toEqual({ used: 0, total: 0 });

    await eventually(
      async () => (await (site as ResidencySite).eventsAbout('spaces', 'hub')).length === 3,
      'space events',
    );
    const events = await site.eventsAbout('spaces', 'hub');
    expect(events.map((event) => event.type.split('.')[3])).toEqual(['registered', 'updated', 'retired']);
    expect(events[1]?.data).toMatchObject({
      spaceId: 'hub',
      kind: 'coworking',
      name: 'Hub',
      seats: 6,
      floor: 1,
      changedFields: ['name', 'floor', 'seats'],
    });

    const invalid = await http().patch('/v1/spaces/office-1').set(staff).send({ seats: 0, kind: 'room' }).expect(400);
    expect(invalid.body.fields.map((field: { field: string }) => field.field).sort()).toEqual(['kind', 'seats']);
    const room = await http()
      .post('/v1/spaces')
      .set(staff)
      .send({ id: 'agora', kind: 'room', name: 'Agora', areaM2: 200, seats: 150 })
      .expect(422);
    expect(room.body.code).toBe('SPACE.ROOM_TYPE_REQUIRED');
    // A merge patch: null removes the floor; null for what a space cannot lack, or a room's type, is refused.
    await http().patch('/v1/spaces/office-1').set(staff).send({ floor: 2 }).expect(200);
    const unfloored = await http().patch('/v1/spaces/office-1').set(staff).send({ floor: null }).expect(200);
    expect(unfloored.body.floor).toBeUndefined();
    const nulls = await http().patch('/v1/spaces/office-1').set(staff).send({ seats: null, name: null }).expect(400);
    expect(nulls.body.fields.map((field: { field: string }) => field.field).sort()).toEqual(['name', 'seats']);
    await http()
      .post('/v1/spaces')
      .set(staff)
      .send({ id: 'agora', kind: 'room', roomType: 'agora', name: 'Agora', areaM2: 200, seats: 150 })
      .expect(201);
    const typeless = await http().patch('/v1/spaces/agora').set(staff).send({ roomType: null }).expect(422);
    expect(typeless.body.code).toBe('SPACE.ROOM_TYPE_REQUIRED');
    // Numbers in exponent notation are checked like any other (class-validator's own check threw: a 500).
    for (const areaM2 of [1e-7, -5e-324]) {
      const tiny = await http()
        .post('/v1/spaces')
        .set(staff)
        .send({ ...office('office-9', 2), areaM2 })
        .expect(400);
      expect(tiny.body.fields).toEqual([expect.objectContaining({ field: 'areaM2' })]);
    }
    await http().post('/v1/spaces').set(staff).send(office('office-1', 1)).expect(409);
    const rooms = await http().get('/v1/spaces?kind=office&status=active').set(staff).expect(200);
    expect(rooms.body.items.map((space: { id: string }) => space.id)).toEqual(['office-1']);
  });

  it("loads a site's starting inventory once, keeping staff's changes across restarts", async () => {
    site = await startResidencySite({ env: { INVENTORY_SEED_FILE: ESSAOUIRA_INVENTORY } });
    const { http, staff } = site;
    // The seeder writes the spaces one by one: the last of the file ('meeting-1') says they all are.
    await eventually(
      async () => (await http().get('/v1/spaces/meeting-1').set(staff)).status === 200,
      'the seeded inventory',
    );
    expect((await http().get('/v1/occupancy').set(staff)).body).toMatchObject({
      offices: { used: 0, total: 5 },
      coworkingPositions: { used: 0, total: 35 },
    });
    const seeded = await http().get('/v1/spaces/gaming').set(staff).expect(200);
    expect(seeded.body).toMatchObject({
      kind: 'room',
      roomType: 'gaming',
      createdBy: { id: 'inventory-seed', role: 'system' },
    });
    await http().patch('/v1/spaces/coworking').set(staff).send({ seats: 30 }).expect(200);
    const siteId = site.site;
    await site.app.close();

    site = await startResidencySite({ site: siteId, env: { INVENTORY_SEED_FILE: ESSAOUIRA_INVENTORY } });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await site.http().get('/v1/spaces/coworking').set(site.staff)).body.seats).toBe(30);
  });
});

describe("residents' reports", () => {
  let site: ResidencySite | undefined;
  afterEach(async () => {
    await site?.app.close();
    site = undefined;
  });

  it('takes one report per quarter from a resident, publishes it, and refuses the rest with the reason', async () => {
    // Accepted before the recorded move-in of 2026-01-05.
    const clock = TestClock.startingOn('2026-01-02');
    site = await startResidencySite({ spaces: [office('office-4', 4)], clock });
    const { http, staff } = site;
    const residency = await site.accept(3);
    clock.backToToday();
    const startup = bearer(await tokens.forRole('startup', site.site, { startupId: residency.startupId }));
    const figures = { period: '2026-Q1', headcount: 7, revenueMad: 420000.5, exporting: true, foreignBranch: false };

    const early = await http().post(`/v1/residencies/${residency._id}/reports`).set(startup).send(figures).expect(409);
    expect(early.body).toMatchObject({ code: 'REPORT.NOT_A_RESIDENT', currentStatus: 'allocated' });
    await http()
      .post(`/v1/residencies/${residency._id}/start`)
      .set(staff)
      .send({ startedOn: '2026-01-05' })
      .expect(200);

    const report = await http().post(`/v1/residencies/${residency._id}/reports`).set(startup).send(figures).expect(201);
    expect(report.body).toMatchObject({
      ...figures,
      residencyId: residency._id,
      startupId: residency.startupId,
      submittedBy: { role: 'startup' },
    });
    await http().post(`/v1/residencies/${residency._id}/reports`).set(startup).send(figures).expect(409);
    await http()
      .post(`/v1/residencies/${residency._id}/reports`)
      .set(staff)
      .send({ ...figures, period: '2026-Q2', headcount: 9 })
      .expect(201);
    expect(
      (
        await http()
          .post(`/v1/residencies/${residency._id}/reports`)
          .set(startup)
          .send({ ...figures, period: '2099-Q1' })
          .expect(422)
      ).body.code,
    ).toBe('REPORT.PERIOD_IN_FUTURE');
    const invalid = await http()
      .post(`/v1/residencies/${residency._id}/reports`)
      .set(startup)
      .send({ period: '2026-13', headcount: -1, revenueMad: 'a lot' })
      .expect(400);
    expect(invalid.body.fields.map((field: { field: string }) => field.field).sort()).toEqual([
      'exporting',
      'foreignBranch',
      'headcount',
      'period',
      'revenueMad',
    ]);
    const exponent = await http()
      .post(`/v1/residencies/${residency._id}/reports`)
      .set(startup)
      .send({ ...figures, period: '2026-Q2', revenueMad: 1e-7 })
      .expect(400);
    expect(exponent.body.fields).toEqual([expect.objectContaining({ field: 'revenueMad' })]);
    const stranger = bearer(
      await tokens.forRole('startup', site.site, { startupId: '6f1c1c2e-5a43-4b7e-9a53-0b1c2d3e4f50' }),
    );
    expect(
      (
        await http()
          .post(`/v1/residencies/${residency._id}/reports`)
          .set(stranger)
          .send({ ...figures, period: '2026-Q3' })
          .expect(403)
      ).body.code,
    ).toBe('AUTH.NOT_YOUR_STARTUP');

    const own = await http().get(`/v1/residencies/${residency._id}/reports`).set(startup).expect(200);
    expect(own.body.items.map((item: { period: string }) => item.period)).toEqual(['2026-Q2', '2026-Q1']);
    const quarter = await http().get('/v1/reports?period=2026-Q2').set(staff).expect(200);
    expect(quarter.body.items).toHaveLength(1);

    await eventually(
      async () => (await (site as ResidencySite).eventsAbout('resident-reports', residency._id)).length === 2,
      'two report events',
    );
    const [first] = await site.eventsAbout('resident-reports', residency._id);
    expect(first).toEqual({
      type: 'ma.technopark.resident.report-submitted.v1',
      data: {
        ...figures,
        residencyId: residency._id,
        startupId: residency.startupId,
        programId: 'incubation',
        programKind: 'incubation',
        actor: { id: expect.any(String), role: 'startup' },
      },
    });
  });
});
