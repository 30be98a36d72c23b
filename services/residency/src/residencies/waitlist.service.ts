import { Injectable } from '@nestjs/common';
import type { ActorV1 } from '@technopark/contracts';
import { Clock } from '@technopark/platform';
import { changedMeanwhile } from './allocation.service';
import { ResidenciesRepository } from './residencies.repository';
import { historyEntry } from './residency-reference';
import type { Residency } from './schemas/residency.schema';
import { ResidencyWorkflowService } from './residency-workflow.service';
import { notWaitlisted } from './residencies.errors';

/** Ranks are spaced this far apart when a startup goes to the head or the tail. */
const RANK_STEP = 1_000;

/** The site's waitlist: its order, and staff's reordering. */
@Injectable()
export class WaitlistService {
  constructor(
    private readonly residencies: ResidenciesRepository,
    private readonly workflow: ResidencyWorkflowService,
    private readonly clock: Clock,
  ) {}

  list(): Promise<Residency[]> {
    return this.residencies.waitlist();
  }

  /** Puts a waitlisted startup at `position` (1 = head), between its new neighbours' ranks. */
  async reorder(id: string, position: number, actor: ActorV1): Promise<{ position: number; residency: Residency }> {
    const residency = await this.workflow.get(id);
    if (residency.status !== 'waitlisted') throw notWaitlisted(id, residency.status);
    const others = (await this.residencies.waitlist()).filter((entry) => entry._id !== id);
    const index = Math.min(position, others.length + 1) - 1;
    const before = others[index - 1]?.waitlistRank;
    const after = others[index]?.waitlistRank;
    const rank =
      before === undefined
        ? after === undefined
          ? 0
          : after - RANK_STEP
        : after === undefined
          ? before + RANK_STEP
          : (before + after) / 2;
    const moved = await this.residencies.transition(
      residency,
      {
        $set: { waitlistRank: rank },
        ...historyEntry('waitlist', 'waitlisted', actor, this.clock.now(), `moved to position ${index + 1}`),
      },
      [],
    );
    if (!moved) throw changedMeanwhile(id);
    return { position: index + 1, residency: moved };
  }
}
