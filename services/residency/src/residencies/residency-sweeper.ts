import { Inject, Injectable } from '@nestjs/common';
import { BackgroundTask, Clock, SERVICE_ENVIRONMENT } from '@technopark/platform';
import { ALLOCATOR_ACTOR } from '../common/system-actors';
import type { ResidencyEnvironment } from '../config/residency.environment';
import { OccupancyService } from '../occupancy/occupancy.service';
import { type HeldClaim, SpaceClaimsRepository } from '../spaces/space-claims.repository';
import { AllocationService } from './allocation.service';
import { ResidenciesRepository } from './residencies.repository';
import { ResidencyWorkflowService } from './residency-workflow.service';
import type { Residency } from './schemas/residency.schema';

/** A claim younger than this may belong to work still in progress (a claim made, its residency not yet written). */
export const CLAIM_GRACE_MS = 5 * 60_000;

export interface SweepReport {
  readonly noShows: number;
  readonly claimsReleased: number;
  readonly allocatedFromWaitlist: number;
}

/**
 * The durable half of the residency process. Everything it acts on is in the database (move-in
 * deadlines, claims, the waitlist), so a restart loses nothing: the next sweep, right after boot,
 * releases no-shows, gives back claims left by interrupted work, offers free space to the waitlist
 * and publishes the occupancy.
 */
@Injectable()
export class ResidencySweeper extends BackgroundTask {
  constructor(
    private readonly residencies: ResidenciesRepository,
    private readonly claims: SpaceClaimsRepository,
    private readonly workflow: ResidencyWorkflowService,
    private readonly allocation: AllocationService,
    private readonly occupancy: OccupancyService,
    private readonly clock: Clock,
    @Inject(SERVICE_ENVIRONMENT) environment: ResidencyEnvironment,
  ) {
    super({ name: 'residency-sweep', intervalMs: environment.SWEEP_INTERVAL_SECONDS * 1000, mode: 'repeat' });
  }

  protected async run(): Promise<void> {
    const report = await this.sweep();
    if (report.noShows + report.claimsReleased + report.allocatedFromWaitlist > 0)
      this.logger.log({ msg: 'sweep', ...report });
  }

  async sweep(): Promise<SweepReport> {
    let noShows = 0;
    for (const overdue of await this.residencies.overdueMoveIns(this.clock.today())) {
      if (await this.workflow.releaseNoShow(overdue, ALLOCATOR_ACTOR)) noShows++;
    }
    const claimsReleased = await this.releaseStrayClaims();
    const allocatedFromWaitlist = await this.allocation.allocateFromWaitlist();
    await this.occupancy.refresh();
    return { noShows, claimsReleased, allocatedFromWaitlist };
  }

  /** Claims no residency stands behind: of ended residencies, or left by a move or allocation that stopped half-way. */
  private async releaseStrayClaims(): Promise<number> {
    const claims = await this.claims.allClaims();
    const owners = new Map(
      (await this.residencies.findByIds([...new Set(claims.map((claim) => claim.residencyId))])).map((residency) => [
        residency._id,
        residency,
      ]),
    );
    let released = 0;
    for (const claim of claims) {
      if (
        this.isStray(claim, owners.get(claim.residencyId)) &&
        (await this.claims.release(claim.residencyId, claim.spaceId))
      )
        released++;
    }
    return released;
  }

  private isStray(claim: HeldClaim, owner: Residency | undefined): boolean {
    if (owner?.status === 'ended') return true;
    if (owner?.status === 'pending') return false; // the acceptance is redelivered and finds its claim
    if ((owner?.status === 'allocated' || owner?.status === 'started') && owner.space?.spaceId === claim.spaceId)
      return false;
    return this.clock.now().getTime() - new Date(claim.since).getTime() > CLAIM_GRACE_MS;
  }
}
