import { Inject, Injectable, Logger } from '@nestjs/common';
import { type ApplicationAcceptedV1, ResidencyAllocated, ResidencyWaitlisted } from '@technopark/contracts';
import { newEvent } from '@technopark/messaging';
import { SERVICE_ENVIRONMENT } from '@technopark/platform';
import { ALLOCATOR_ACTOR } from '../common/actor-record.schema';
import type { ResidencyEnvironment } from '../config/residency.environment';
import { type Claim, SpaceClaimsRepository } from '../spaces/space-claims.repository';
import { moveInBy, seatsNeeded, waitlistRank } from './domain/allocation-rule';
import { ResidenciesRepository } from './residencies.repository';
import type { Residency } from './schemas/residency.schema';

/** Turns an accepted application into an allocation or a place on the waitlist, exactly once. */
@Injectable()
export class AllocationService {
  private readonly logger = new Logger('allocation');

  constructor(
    private readonly claims: SpaceClaimsRepository,
    private readonly residencies: ResidenciesRepository,
    @Inject(SERVICE_ENVIRONMENT) private readonly environment: ResidencyEnvironment,
  ) {}

  async onAccepted(accepted: ApplicationAcceptedV1, acceptedAt: Date): Promise<Residency | null> {
    if (!accepted.includesWorkspace) return null;
    const residency = await this.residencies.findOrCreate({
      _id: accepted.applicationId, startupId: accepted.startupId, programId: accepted.programId, programKind: accepted.programKind,
      durationMonths: accepted.durationMonths, desks: accepted.workspaceNeeds.desks, wantsOffice: accepted.workspaceNeeds.office,
      status: 'pending', acceptedAt,
    });
    if (residency.status !== 'pending') return residency;
    const claim = await this.claimFor(residency);
    return claim ? this.allocate(residency, claim) : this.waitlist(residency);
  }

  /** The claim this residency already holds (a retry after a crash), else a new one by the rule. */
  private async claimFor(residency: Residency): Promise<Claim | null> {
    const seats = seatsNeeded(residency.desks);
    return (await this.claims.heldBy(residency._id)) ?? (await this.claims.claimOffice(residency._id, seats)) ?? this.claims.claimPositions(residency._id, seats);
  }

  private async allocate(residency: Residency, claim: Claim): Promise<Residency | null> {
    const deadline = moveInBy(new Date(), this.environment.MOVE_IN_DAYS);
    const event = newEvent(ResidencyAllocated, { ...this.reference(residency), spaceId: claim.spaceId, spaceKind: claim.kind, seats: claim.seats, moveInBy: deadline });
    const settled = await this.residencies.settle(residency._id, { $set: { status: 'allocated', space: claim, moveInBy: deadline } }, [event]);
    if (!settled) return this.lostRace(residency._id);
    this.logger.log({ msg: 'allocated', residency: residency._id, space: claim.spaceId, seats: claim.seats });
    return settled;
  }

  private async waitlist(residency: Residency): Promise<Residency | null> {
    const event = newEvent(ResidencyWaitlisted, { ...this.reference(residency), desks: residency.desks, office: residency.wantsOffice });
    const settled = await this.residencies.settle(residency._id, { $set: { status: 'waitlisted', waitlistRank: waitlistRank(residency.programKind, residency.acceptedAt) } }, [event]);
    if (!settled) return this.lostRace(residency._id);
    this.logger.log({ msg: 'waitlisted', residency: residency._id, desks: residency.desks });
    return settled;
  }

  /** Another delivery of the same acceptance settled it first: keep its outcome, give back anything else claimed. */
  private async lostRace(id: string): Promise<Residency | null> {
    const winner = await this.residencies.findById(id);
    await this.claims.releaseAllBut(id, winner?.space?.spaceId ?? '');
    return winner;
  }

  private reference(residency: Residency) {
    return { residencyId: residency._id, startupId: residency.startupId, programId: residency.programId, actor: ALLOCATOR_ACTOR };
  }
}
