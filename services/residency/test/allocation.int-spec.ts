import type { INestApplication } from '@nestjs/common';
import { bearer } from '@technopark/security/testing';
import request from 'supertest';
import { AllocationService } from '../src/residencies/allocation.service';
import { ResidencySweeper } from '../src/residencies/residency-sweeper';
import { SpaceClaimsRepository } from '../src/spaces/space-claims.repository';
import { accepted, coworking, startResidencySite, tokens } from './support/residency-site';

const startSite = (spaces: object[]) => startResidencySite({ spaces });

describe('allocating workspace to accepted startups', () => {
  let app: INestApplication | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('gives the smallest office that fits the team, else coworking positions, else the waitlist', async () => {
    const started = await startSite([
      { id: 'office-6', kind: 'office', name: 'Office 6', areaM2: 40, seats: 6 },
      { id: 'office-2', kind: 'office', name: 'Office 2', areaM2: 15, seats: 2 },
      { id: 'coworking', kind: 'coworking', name: 'Coworking', areaM2: 120, seats: 4 },
      { id: 'agora', kind: 'room', roomType: 'agora', name: 'Agora', areaM2: 200, seats: 150 },
    ]);
    app = started.app;
    const allocation = app.get(AllocationService);

    expect((await allocation.onAccepted(accepted(2), new Date()))?.space).toMatchObject({
      spaceId: 'office-2',
      kind: 'office',
      seats: 2,
    });
    expect((await allocation.onAccepted(accepted(5), new Date()))?.space).toMatchObject({
      spaceId: 'office-6',
      kind: 'office',
      seats: 6,
    });
    expect((await allocation.onAccepted(accepted(3), new Date()))?.space).toEqual({
      spaceId: 'coworking',
      kind: 'coworking',
      seats: 3,
    });
    const waiting = await allocation.onAccepted(accepted(2), new Date());
    expect(waiting).toMatchObject({ status: 'waitlisted' });
    expect(await allocation.onAccepted(accepted(0, { includesWorkspace: false }), new Date())).toBeNull();

    const occupancy = await request(app.getHttpServer()).get('/v1/occupancy').set(started.staff).expect(200);
    expect(occupancy.body).toEqual({
      offices: { used: 2, total: 2 },
      coworkingPositions: { used: 3, total: 4 },
      areaM2: { used: 145, total: 175 },
      residents: 0,
      awaitingMoveIn: 3,
      waitlist: 1,
    });
  });

  it('allocates once for a redelivered acceptance', async () => {
    app = (await startSite([{ id: 'coworking', kind: 'coworking', name: 'Coworking', areaM2: 100, seats: 10 }])).app;
    const allocation = app.get(AllocationService);
    const event = accepted(3);

    const first = await allocation.onAccepted(event, new Date());
    const again = await allocation.onAccepted(event, new Date());
    expect(again).toMatchObject({ status: 'allocated', space: first?.space });
    const coworking = await request(app.getHttpServer())
      .get('/v1/spaces/coworking')
      .set(bearer(await tokens.forRole('platform-admin', 'any')))
      .expect(200);
    expect(coworking.body.freePositions).toBe(7);
  });

  it('holds one space for an acceptance delivered several times at once', async () => {
    const started = await startSite([
      { id: 'office-a', kind: 'office', name: 'Office A', areaM2: 20, seats: 3 },
      { id: 'office-b', kind: 'office', name: 'Office B', areaM2: 20, seats: 3 },
      { id: 'coworking', kind: 'coworking', name: 'Coworking', areaM2: 100, seats: 10 },
    ]);
    app = started.app;
    const event = accepted(3);

    const results = await Promise.all(
      Array.from({ length: 5 }, () => app?.get(AllocationService).onAccepted(event, new Date())),
    );
    const spaces = new Set(results.map((residency) => residency?.space?.spaceId));
    expect(spaces.size).toBe(1);
    const occupancy = await request(app.getHttpServer()).get('/v1/occupancy').set(started.staff).expect(200);
    expect(occupancy.body).toMatchObject({
      offices: { used: 1, total: 2 },
      coworkingPositions: { used: 0, total: 10 },
      awaitingMoveIn: 1,
    });
  });

  it('grants exactly the free positions to concurrent acceptances and waitlists the rest', async () => {
    const started = await startSite([{ id: 'coworking', kind: 'coworking', name: 'Coworking', areaM2: 100, seats: 4 }]);
    app = started.app;
    const allocation = app.get(AllocationService);

    const results = await Promise.all(Array.from({ length: 9 }, () => allocation.onAccepted(accepted(1), new Date())));
    expect(results.filter((residency) => residency?.status === 'allocated')).toHaveLength(4);
    expect(results.filter((residency) => residency?.status === 'waitlisted')).toHaveLength(5);
    const occupancy = await request(app.getHttpServer()).get('/v1/occupancy').set(started.staff).expect(200);
    expect(occupancy.body).toMatchObject({ coworkingPositions: { used: 4, total: 4 }, awaitingMoveIn: 4, waitlist: 5 });
  });

  it('hands freed positions to exactly as many waitlisted startups, with releases, growth and sweeps racing', async () => {
    const started = await startResidencySite({ spaces: [coworking('hub', 2)] });
    app = started.app;
    const holders = [await started.accept(1), await started.accept(1)];
    const waiting = [];
    for (let index = 0; index < 8; index++) waiting.push(await started.accept(1));
    expect(waiting.every((residency) => residency.status === 'waitlisted')).toBe(true);

    const sweeper = app.get(ResidencySweeper);
    await Promise.all([
      ...holders.map((holder) =>
        started.http().post(`/v1/residencies/${holder._id}/decline`).set(started.staff).send({}).expect(200),
      ),
      started.http().patch('/v1/spaces/hub').set(started.staff).send({ seats: 5 }).expect(200),
      ...Array.from({ length: 4 }, () => sweeper.sweep()),
    ]);
    await sweeper.sweep();

    const claims = await app.get(SpaceClaimsRepository).allClaims();
    expect(claims).toHaveLength(5);
    expect(new Set(claims.map((claim) => claim.residencyId)).size).toBe(5);
    const allocated = (await started.http().get('/v1/residencies?status=allocated').set(started.staff).expect(200)).body
      .items;
    expect(allocated.map((residency: { id: string }) => residency.id).sort()).toEqual(
      claims.map((claim) => claim.residencyId).sort(),
    );
    expect((await started.http().get('/v1/spaces/hub').set(started.staff)).body.freePositions).toBe(0);
    expect((await started.http().get('/v1/occupancy').set(started.staff)).body).toMatchObject({
      coworkingPositions: { used: 5, total: 5 },
      awaitingMoveIn: 5,
      waitlist: 3,
    });
  });
});
