import { randomUUID } from 'node:crypto';
import { Test } from '@nestjs/testing';
import { ApplicationAccepted, type ApplicationAcceptedV1 } from '@technopark/contracts';
import { Clock, SERVICE_ENVIRONMENT } from '@technopark/platform';
import { TestClock } from '@technopark/platform/testing';
import { SpaceClaimsRepository } from '../spaces/space-claims.repository';
import { SpacesRepository } from '../spaces/spaces.repository';
import { SpacesService } from '../spaces/spaces.service';
import { InMemoryResidencies, InMemorySpaceClaims } from '../testing/in-memory-repositories';
import { AllocationService } from './allocation.service';
import { ResidenciesRepository } from './residencies.repository';

describe('allocation and the waitlist, over in-memory repositories', () => {
  let residencies: InMemoryResidencies;
  let claims: InMemorySpaceClaims;
  let allocation: AllocationService;
  let acceptedAt: number;

  beforeEach(async () => {
    residencies = new InMemoryResidencies();
    claims = new InMemorySpaceClaims();
    const module = await Test.createTestingModule({
      providers: [
        AllocationService,
        SpacesService,
        { provide: SpacesRepository, useValue: {} },
        { provide: ResidenciesRepository, useValue: residencies },
        { provide: SpaceClaimsRepository, useValue: claims },
        { provide: SERVICE_ENVIRONMENT, useValue: { MOVE_IN_DAYS: 30 } },
        { provide: Clock, useValue: TestClock.startingOn('2026-10-01') },
      ],
    }).compile();
    allocation = module.get(AllocationService);
    acceptedAt = Date.parse('2026-10-01T09:00:00Z');
  });

  /** An acceptance of a team of `desks`, in a program of `kind`, accepted `order` minutes after the first. */
  const accept = (desks: number, programKind: ApplicationAcceptedV1['programKind'] = 'incubation', order = 0) =>
    allocation.onAccepted(
      {
        ...ApplicationAccepted.example,
        applicationId: randomUUID(),
        startupId: randomUUID(),
        programKind,
        workspaceNeeds: { desks, office: false },
      },
      new Date(acceptedAt + order * 60_000),
    );

  it('gives a team the smallest free office that fits it, else positions together in one coworking area', async () => {
    claims.add('office-4', 'office', 4);
    claims.add('office-8', 'office', 8);
    claims.add('coworking', 'coworking', 10);
    expect((await accept(3))?.space).toMatchObject({ spaceId: 'office-4', kind: 'office' });
    expect((await accept(3))?.space).toMatchObject({ spaceId: 'office-8', kind: 'office' });
    expect((await accept(3))?.space).toMatchObject({ spaceId: 'coworking', kind: 'coworking', seats: 3 });
  });

  it('allocates a redelivered acceptance once', async () => {
    claims.add('office-4', 'office', 4);
    const accepted = {
      ...ApplicationAccepted.example,
      applicationId: randomUUID(),
      workspaceNeeds: { desks: 2, office: false },
    };
    await allocation.onAccepted(accepted, new Date(acceptedAt));
    const again = await allocation.onAccepted(accepted, new Date(acceptedAt));
    expect(again?.status).toBe('allocated');
    expect(residencies.published.map((event) => event.contract.type)).toEqual(['ma.technopark.residency.allocated.v1']);
  });

  it('waitlists a team nothing fits, and gives freed space to the waitlist in its order: program priority, then acceptance', async () => {
    claims.add('coworking', 'coworking', 2);
    const holder = await accept(2);
    const coworkingMember = await accept(2, 'coworking', 1);
    const incubated = await accept(2, 'incubation', 2);
    expect([coworkingMember?.status, incubated?.status]).toEqual(['waitlisted', 'waitlisted']);

    await claims.release(holder?._id as string, 'coworking');
    expect(await allocation.allocateFromWaitlist()).toBe(1);
    expect((await residencies.findById(incubated?._id as string))?.status).toBe('allocated');
    expect((await residencies.findById(coworkingMember?._id as string))?.status).toBe('waitlisted');
  });

  it('gives a move-in deadline MOVE_IN_DAYS after the allocation', async () => {
    claims.add('office-4', 'office', 4);
    const allocated = await accept(1);
    expect(allocated?.moveInBy).toBe('2026-10-31'); // allocated on 2026-10-01
  });
});
