import { Injectable, Logger } from '@nestjs/common';
import {
  type ActorV1,
  ResidencyEnded,
  ResidencyExtended,
  ResidencyMoved,
  type ResidencyOutcome,
  ResidencyStarted,
} from '@technopark/contracts';
import { newEvent, type NewEvent } from '@technopark/messaging';
import { Clock, ConflictError } from '@technopark/platform';
import { assertOwnStartup, type AuthorizedPrincipal } from '@technopark/security';
import type { UpdateQuery } from 'mongoose';
import { SpaceClaimsRepository } from '../spaces/space-claims.repository';
import { AllocationService, changedMeanwhile } from './allocation.service';
import { CapacityFollowUp } from './capacity-follow-up';
import {
  addMonths,
  assertOutcomeFits,
  HOLDING_SPACE,
  nextStatus,
  type ResidencyAction,
} from './domain/residency-lifecycle';
import { ResidenciesRepository } from './residencies.repository';
import { historyEntry, referenceOf } from './residency-reference';
import type { Residency } from './schemas/residency.schema';
import {
  endBeforeStart,
  moveInBeforeAcceptance,
  moveInInFuture,
  residencyNotFound,
  sameSpace,
} from './residencies.errors';

/** Staff's and startups' moves of a residency after allocation: move-in, extension, move, end. */
@Injectable()
export class ResidencyWorkflowService {
  private readonly logger = new Logger('residency');

  constructor(
    private readonly residencies: ResidenciesRepository,
    private readonly claims: SpaceClaimsRepository,
    private readonly allocation: AllocationService,
    private readonly followUp: CapacityFollowUp,
    private readonly clock: Clock,
  ) {}

  async get(id: string): Promise<Residency> {
    const residency = await this.residencies.findById(id);
    if (!residency) throw residencyNotFound(id);
    return residency;
  }

  /** Staff allocate a waitlisted startup by hand (see {@link AllocationService.allocateByHand}). */
  async allocateByHand(id: string, spaceId: string | undefined, actor: ActorV1): Promise<Residency> {
    const allocated = await this.allocation.allocateByHand(await this.get(id), spaceId, actor);
    await this.followUp.afterChange(false);
    return allocated;
  }

  /** The startup moved in on `startedOn` (today by default); the planned end is start + program duration. */
  async start(id: string, startedOn: string | undefined, actor: ActorV1): Promise<Residency> {
    const residency = await this.get(id);
    nextStatus(residency.status, 'start');
    const on = startedOn ?? this.clock.today();
    if (on > this.clock.today()) throw moveInInFuture(on);
    const acceptedOn = new Date(residency.acceptedAt).toISOString().slice(0, 10);
    if (on < acceptedOn) throw moveInBeforeAcceptance(on, acceptedOn);
    const plannedEndOn = addMonths(on, residency.durationMonths);
    const event = newEvent(ResidencyStarted, {
      ...referenceOf(residency, actor),
      spaceId: residency.space?.spaceId as string,
      startedOn: on,
      plannedEndOn,
    });
    const started = await this.change(
      residency,
      'start',
      actor,
      { $set: { status: 'started', startedOn: on, plannedEndOn }, $unset: { moveInBy: '' } },
      [event],
    );
    await this.followUp.afterChange(false);
    return started;
  }

  async extend(id: string, months: number, actor: ActorV1): Promise<Residency> {
    const residency = await this.get(id);
    nextStatus(residency.status, 'extend');
    const previous = residency.plannedEndOn as string;
    const plannedEndOn = addMonths(previous, months);
    const event = newEvent(ResidencyExtended, {
      ...referenceOf(residency, actor),
      previousPlannedEndOn: previous,
      plannedEndOn,
      months,
    });
    return this.change(residency, 'extend', actor, { $set: { plannedEndOn } }, [event], `+${months} month(s)`);
  }

  /** Ends the residency with an outcome that fits its status, frees its space and offers it to the waitlist. */
  async end(
    id: string,
    outcome: ResidencyOutcome,
    endedOn: string | undefined,
    actor: ActorV1,
    note?: string,
  ): Promise<Residency> {
    const residency = await this.get(id);
    nextStatus(residency.status, outcome === 'declined' ? 'decline' : 'end');
    assertOutcomeFits(residency.status, outcome);
    return this.finish(residency, outcome, endedOn ?? this.clock.today(), actor, note);
  }

  /** The startup declines its allocation or leaves the waitlist before moving in: its own residency only. */
  async decline(id: string, principal: AuthorizedPrincipal, actor: ActorV1, note?: string): Promise<Residency> {
    assertOwnStartup(principal, (await this.get(id)).startupId);
    return this.end(id, 'declined', undefined, actor, note);
  }

  /** An allocation past its move-in deadline: released as a no-show (the sweep's call). */
  async releaseNoShow(residency: Residency, actor: ActorV1): Promise<Residency | null> {
    try {
      return await this.finish(
        residency,
        'no-show',
        this.clock.today(),
        actor,
        `not moved in by ${residency.moveInBy}`,
      );
    } catch (error) {
      if (error instanceof ConflictError) return null;
      throw error;
    }
  }

  /** Staff move the startup to another space; the old one is freed once the new one is held. */
  async move(id: string, spaceId: string, actor: ActorV1): Promise<Residency> {
    const residency = await this.get(id);
    nextStatus(residency.status, 'move');
    const from = residency.space?.spaceId as string;
    if (from === spaceId) throw sameSpace(id, spaceId);
    const claim = await this.allocation.claimNamed(residency, spaceId);
    const event = newEvent(ResidencyMoved, {
      ...referenceOf(residency, actor),
      fromSpaceId: from,
      spaceId: claim.spaceId,
      spaceKind: claim.kind,
      seats: claim.seats,
    });
    const moved = await this.residencies.transition(
      residency,
      {
        $set: { space: claim },
        ...historyEntry('move', residency.status, actor, this.clock.now(), `${from} → ${spaceId}`),
      },
      [event],
    );
    if (!moved) {
      await this.claims.release(id, claim.spaceId);
      throw changedMeanwhile(id);
    }
    await this.claims.release(id, from);
    this.logger.log({ msg: 'moved', residency: id, from, to: spaceId, by: actor.id });
    await this.followUp.afterChange(true);
    return moved;
  }

  private async finish(
    residency: Residency,
    outcome: ResidencyOutcome,
    endedOn: string,
    actor: ActorV1,
    note?: string,
  ): Promise<Residency> {
    if (residency.startedOn && endedOn < residency.startedOn) throw endBeforeStart(residency.startedOn, endedOn);
    const held = HOLDING_SPACE.includes(residency.status) ? residency.space?.spaceId : undefined;
    const event = newEvent(ResidencyEnded, {
      ...referenceOf(residency, actor),
      outcome,
      endedOn,
      ...(residency.startedOn ? { startedOn: residency.startedOn } : {}),
      ...(held ? { spaceId: held } : {}),
    });
    const action: ResidencyAction = outcome === 'declined' ? 'decline' : 'end';
    const ended = await this.change(
      residency,
      action,
      actor,
      { $set: { status: 'ended', outcome, endedOn }, $unset: { moveInBy: '', waitlistRank: '' } },
      [event],
      note ?? outcome,
    );
    // A crash before this line leaves the claim to the sweep, which releases claims of ended residencies.
    if (held) await this.claims.release(residency._id, held);
    this.logger.log({ msg: 'ended', residency: residency._id, outcome, by: actor.id });
    await this.followUp.afterChange(held !== undefined);
    return ended;
  }

  private async change(
    residency: Residency,
    action: ResidencyAction,
    actor: ActorV1,
    update: UpdateQuery<Residency>,
    events: NewEvent[],
    note?: string,
  ): Promise<Residency> {
    const status = (update.$set as { status?: Residency['status'] } | undefined)?.status ?? residency.status;
    const changed = await this.residencies.transition(
      residency,
      { ...update, ...historyEntry(action, status, actor, this.clock.now(), note) },
      events,
    );
    if (!changed) throw changedMeanwhile(residency._id);
    return changed;
  }
}
