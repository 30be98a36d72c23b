import { eventually } from '@technopark/testing';
import { ResidencySweeper } from '../src/residencies/residency-sweeper';
import { SpaceClaimsRepository } from '../src/spaces/space-claims.repository';
import { coworking, office, type ResidencySite, startResidencySite, TestClock } from './support/residency-site';

describe('the path from acceptance to move-in survives restarts', () => {
  let site: ResidencySite | undefined;
  afterEach(async () => {
    await site?.app.close();
    site = undefined;
  });

  it('releases an allocation not moved into by its deadline after a restart, and gives the space to the waitlist', async () => {
    const before = await startResidencySite({ spaces: [office('office-3', 3)], env: { MOVE_IN_DAYS: '7' } });
    const noShow = await before.accept(3);
    const waiting = await before.accept(2);
    const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    expect(noShow).toMatchObject({ status: 'allocated', moveInBy: deadline });
    expect(waiting.status).toBe('waitlisted');
    await before.app.close();

    // The same site started again 8 days later: nothing was kept in memory, the deadline is in the database.
    site = await startResidencySite({
      site: before.site,
      clock: new TestClock(8),
      env: { MOVE_IN_DAYS: '7', SWEEP_INTERVAL_SECONDS: '1' },
    });
    const { http, staff } = site;
    await eventually(
      async () => (await http().get(`/v1/residencies/${noShow._id}`).set(staff)).body.status === 'ended',
      'the no-show released',
    );
    const released = await http().get(`/v1/residencies/${noShow._id}`).set(staff).expect(200);
    expect(released.body).toMatchObject({
      outcome: 'no-show',
      history: [
        { action: 'allocate' },
        { action: 'end', actor: { id: 'residency-allocator', role: 'system' }, note: `not moved in by ${deadline}` },
      ],
    });
    await eventually(
      async () => (await http().get(`/v1/residencies/${waiting._id}`).set(staff)).body.status === 'allocated',
      'the waitlisted startup allocated',
    );
    expect((await http().get(`/v1/residencies/${waiting._id}`).set(staff)).body.space.spaceId).toBe('office-3');
    await eventually(
      async () =>
        (await (site as ResidencySite).eventsAbout('residencies', noShow._id)).some(
          (event) => event.data['outcome'] === 'no-show',
        ),
      'residency.ended with no-show',
    );
  });

  it('leaves an allocation alone before its deadline', async () => {
    site = await startResidencySite({ spaces: [office('office-3', 3)], env: { MOVE_IN_DAYS: '7' } });
    const allocated = await site.accept(3);
    site.clock.advanceDays(7);
    expect(await site.app.get(ResidencySweeper).sweep()).toMatchObject({ noShows: 0 });
    site.clock.advanceDays(1);
    expect(await site.app.get(ResidencySweeper).sweep()).toMatchObject({ noShows: 1 });
    expect((await site.http().get(`/v1/residencies/${allocated._id}`).set(site.staff)).body.outcome).toBe('no-show');
  });

  it('gives back claims that interrupted work left behind, and keeps the ones residencies stand on', async () => {
    site = await startResidencySite({ spaces: [office('office-2', 2), office('office-4', 4), coworking('hub', 6)] });
    const { http, staff, app } = site;
    const holder = await site.accept(2);
    const ended = await site.accept(4);
    await http().post(`/v1/residencies/${ended._id}/end`).set(staff).send({ outcome: 'withdrawn' }).expect(200);
    const claims = app.get(SpaceClaimsRepository);
    // What a crash leaves: a claim made for a residency whose own write never followed.
    const office4 = { _id: 'office-4', kind: 'office', seats: 4 } as Parameters<SpaceClaimsRepository['claimSpace']>[1];
    expect(await claims.claimSpace(ended._id, office4, 4)).not.toBeNull();
    expect(await claims.claimSpace(holder._id, { ...office4, _id: 'hub', kind: 'coworking' }, 2)).not.toBeNull();

    const fresh = await app.get(ResidencySweeper).sweep();
    expect(fresh.claimsReleased).toBe(1);
    expect((await http().get('/v1/spaces/office-4').set(staff)).body.occupied).toBe(false);
    expect((await http().get('/v1/spaces/hub').set(staff)).body.freePositions).toBe(4);

    site.clock.advanceDays(1);
    expect((await app.get(ResidencySweeper).sweep()).claimsReleased).toBe(1);
    expect((await http().get('/v1/spaces/hub').set(staff)).body.freePositions).toBe(6);
    expect((await http().get('/v1/spaces/office-2').set(staff)).body.occupied).toBe(true);
    expect((await http().get(`/v1/residencies/${holder._id}`).set(staff)).body.space.spaceId).toBe('office-2');
  });
});
