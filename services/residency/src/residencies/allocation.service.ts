import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type ActorV1,
  type ApplicationAcceptedV1,
  ResidencyAllocated,
  ResidencyWaitlisted,
} from '@technopark/contracts';
import { newEvent } from '@technopark/messaging';
import { Clock, ConflictError, SERVICE_ENVIRONMENT } from '@technopark/platform';
import { ALLOCATOR_ACTOR } from '../common/system-actors';
import type { ResidencyEnvironment } from '../config/residency.environment';
import { type Claim, SpaceClaimsRepository } from '../spaces/space-claims.repository';
import { SpacesService } from '../spaces/spaces.service';
import { moveInBy, seatsNeeded, waitlistRank } from './domain/allocation-rule';
import { nextStatus } from './domain/residency-lifecycle';
import { ResidenciesRepository } from './residencies.repository';
import { historyEntry, referenceOf } from './residency-reference';
import type { Residency } from './schemas/residency.schema';
import { noSpaceFits, residencyChanged } from './residencies.errors';
import { notAllocatable, spaceTaken, tooSmall } from '../spaces/spaces.errors';

/**
 * Gives accepted startups workspace by the rule in `allocation-rule.ts`, exactly once per
 * residency: from `application.accepted`, from the waitlist when space frees, and by staff's hand.
 */
@Injectable()
export class AllocationService {
  private readonly logger = new Logger('allocation');

  constructor(
    private readonly claims: SpaceClaimsRepository,
    private readonly residencies: ResidenciesRepository,
    private readonly spaces: SpacesService,
    private readonly clock: Clock,
    @Inject(SERVICE_ENVIRONMENT) private readonly environment: ResidencyEnvironment,
  ) {}

  async onAccepted(accepted: ApplicationAcceptedV1, acceptedAt: Date): Promise<Residency | null> {
    if (!accepted.includesWorkspace) return null;
    const residency = await this.residencies.findOrCreate({
      _id: accepted.applicationId,
      startupId: accepted.startupId,
      programId: accepted.programId,
      programKind: accepted.programKind,
      durationMonths: accepted.durationMonths,
      desks: accepted.workspaceNeeds.desks,
      wantsOffice: accepted.workspaceNeeds.office,
      status: 'pending',
      acceptedAt,
    });
    if (residency.status !== 'pending') return residency;
    const claim = await this.claimByRule(residency);
    return claim ? this.allocate(residency, claim, ALLOCATOR_ACTOR) : this.waitlist(residency);
  }

  /**
   * Allocates waitlisted startups, in waitlist order, to whatever space now fits them: the next
   * startup that fits goes first; one that does not fit keeps its place. Returns how many moved.
   */
  async allocateFromWaitlist(): Promise<number> {
    let allocated = 0;
    if (!(await this.claims.anythingFree())) return allocated;
    for (const waiting of await this.residencies.waitlist()) {
      const claim = await this.claimByRule(waiting);
      if (claim && (await this.allocate(waiting, claim, ALLOCATOR_ACTOR))?.status === 'allocated') allocated++;
    }
    return allocated;
  }

  /** Staff allocate a waitlisted startup: to the space they name, or by the rule. */
  async allocateByHand(residency: Residency, spaceId: string | undefined, actor: ActorV1): Promise<Residency> {
    nextStatus(residency.status, 'allocate');
    const claim = spaceId ? await this.claimNamed(residency, spaceId) : await this.claimByRule(residency);
    if (!claim) throw noSpaceFits(seatsNeeded(residency.desks), residency.desks);
    const allocated = await this.allocate(residency, claim, actor);
    if (allocated?.status !== 'allocated' || allocated.space?.spaceId !== claim.spaceId)
      throw changedMeanwhile(residency._id);
    return allocated;
  }

  /** A claim on a space staff chose, refused with the reason when the space cannot take the startup. */
  async claimNamed(residency: Residency, spaceId: string): Promise<Claim> {
    const space = await this.spaces.get(spaceId);
    const seats = seatsNeeded(residency.desks);
    if (space.kind === 'room' || space.status !== 'active') {
      throw notAllocatable(spaceId, space.status);
    }
    if (space.kind === 'office' && space.seats < seats) throw tooSmall(spaceId, space.seats, seats);
    const claim = await this.claims.claimSpace(residency._id, space, seats);
    if (!claim) {
      throw spaceTaken(spaceId, space.kind, seats);
    }
    return claim;
  }

  /** The claim this residency already holds (a retry after a crash), else a new one by the rule. */
  private async claimByRule(residency: Residency): Promise<Claim | null> {
    const seats = seatsNeeded(residency.desks);
    return (
      (await this.claims.heldBy(residency._id)) ??
      (await this.claims.claimOffice(residency._id, seats)) ??
      this.claims.claimPositions(residency._id, seats)
    );
  }

  private async allocate(residency: Residency, claim: Claim, actor: ActorV1): Promise<Residency | null> {
    const now = this.clock.now();
    const deadline = moveInBy(now, this.environment.MOVE_IN_DAYS);
    const event = newEvent(ResidencyAllocated, {
      ...referenceOf(residency, actor),
      spaceId: claim.spaceId,
      spaceKind: claim.kind,
      seats: claim.seats,
      moveInBy: deadline,
    });
    const settled = await this.residencies.transition(
      residency,
      {
        $set: { status: 'allocated', space: claim, moveInBy: deadline },
        $unset: { waitlistRank: '' },
        ...historyEntry('allocate', 'allocated', actor, now),
      },
      [event],
    );
    if (!settled) return this.lostRace(residency._id);
    this.logger.log({
      msg: 'allocated',
      residency: residency._id,
      space: claim.spaceId,
      seats: claim.seats,
      by: actor.id,
    });
    return settled;
  }

  private async waitlist(residency: Residency): Promise<Residency | null> {
    const event = newEvent(ResidencyWaitlisted, {
      ...referenceOf(residency, ALLOCATOR_ACTOR),
      desks: residency.desks,
      office: residency.wantsOffice,
    });
    const rank = waitlistRank(residency.programKind, residency.acceptedAt);
    const settled = await this.residencies.transition(
      residency,
      {
        $set: { status: 'waitlisted', waitlistRank: rank },
        ...historyEntry('waitlist', 'waitlisted', ALLOCATOR_ACTOR, this.clock.now()),
      },
      [event],
    );
    if (!settled) return this.lostRace(residency._id);
    this.logger.log({ msg: 'waitlisted', residency: residency._id, desks: residency.desks });
    return settled;
  }

  /** Another delivery or pass changed the residency first: keep its outcome, give back anything else claimed. */
  private async lostRace(id: string): Promise<Residency | null> {
    const winner = await this.residencies.findById(id);
    const kept = winner?.status === 'allocated' || winner?.status === 'started' ? (winner.space?.spaceId ?? '') : '';
    await this.claims.releaseAllBut(id, kept);
    return winner;
  }
}

export function changedMeanwhile(id: string): ConflictError {
  return residencyChanged(id);
}
