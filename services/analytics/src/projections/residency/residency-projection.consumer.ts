import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  OccupancyChanged,
  type OccupancyChangedV1,
  ResidencyAllocated,
  type ResidencyAllocatedV1,
  ResidencyEnded,
  type ResidencyEndedV1,
  ResidencyExtended,
  type ResidencyExtendedV1,
  ResidencyMoved,
  type ResidencyMovedV1,
  ResidencyStarted,
  type ResidencyStartedV1,
  ResidencyWaitlisted,
  type ResidencyWaitlistedV1,
  type ResidencyReferenceV1,
} from '@technopark/contracts';
import { EventContext, type EventEffects, HandleEvent, type ReceivedEvent } from '@technopark/messaging';
import { dayHistogramIncrements, WAITLIST_WAIT_DAYS_KPI } from '../../kpis/day-histogram';
import type { CellIncrement } from '../../kpis/kpi-cell';
import { OccupancyRepository } from '../../occupancy/occupancy.repository';
import { ReachRepository } from '../../reach/reach.repository';
import { WaitStartsRepository } from '../../waits/wait-starts.repository';
import { EventProjection } from '../event-projection';
import { cohortJoinIncrements, cohortLossIncrements } from './cohort.projection';
import { arrivalIncrements, departureIncrements } from './residency.projection';

/** The residency service's events: arrivals, departures, cohorts, the waitlist's wait and the site's occupancy. */
@Controller()
export class ResidencyProjectionConsumer {
  constructor(
    private readonly projection: EventProjection,
    private readonly waits: WaitStartsRepository,
    private readonly occupancy: OccupancyRepository,
    private readonly reach: ReachRepository,
  ) {}

  @HandleEvent(ResidencyWaitlisted)
  async waitlisted(@Payload() event: ReceivedEvent<ResidencyWaitlistedV1>, @Ctx() context: EventContext) {
    await this.waits.begin({ site: event.site, residencyId: event.data.residencyId }, event.time);
    return this.onTimeline(event, context.effects);
  }

  @HandleEvent(ResidencyAllocated)
  async allocated(@Payload() event: ReceivedEvent<ResidencyAllocatedV1>, @Ctx() context: EventContext) {
    const waitingSince = await this.waits.startOf({ site: event.site, residencyId: event.data.residencyId });
    const increments = waitingSince
      ? dayHistogramIncrements(WAITLIST_WAIT_DAYS_KPI, event.site, waitingSince, event.time)
      : [];
    return this.onTimeline(event, context.effects, increments);
  }

  @HandleEvent(ResidencyStarted)
  started(@Payload() event: ReceivedEvent<ResidencyStartedV1>, @Ctx() context: EventContext) {
    const increments = [...arrivalIncrements(event.site, event.data), ...cohortJoinIncrements(event.site, event.data)];
    const { residencyId, startupId, startedOn } = event.data;
    return this.onTimeline(event, context.effects, increments, () =>
      this.reach.spanned(event.site, { residencyId, startupId, startedOn }, context.effects),
    );
  }

  @HandleEvent(ResidencyExtended)
  extended(@Payload() event: ReceivedEvent<ResidencyExtendedV1>, @Ctx() context: EventContext) {
    return this.onTimeline(event, context.effects);
  }

  @HandleEvent(ResidencyMoved)
  moved(@Payload() event: ReceivedEvent<ResidencyMovedV1>, @Ctx() context: EventContext) {
    return this.onTimeline(event, context.effects);
  }

  @HandleEvent(ResidencyEnded)
  ended(@Payload() event: ReceivedEvent<ResidencyEndedV1>, @Ctx() context: EventContext) {
    const increments = [
      ...departureIncrements(event.site, event.data),
      ...cohortLossIncrements(event.site, event.data),
    ];
    const { residencyId, startupId, startedOn, endedOn } = event.data;
    // Ended from the waitlist, it never starts: a span without a start counts in no quarter.
    const spanned = () =>
      this.reach.spanned(event.site, { residencyId, startupId, startedOn, endedOn }, context.effects);
    return this.onTimeline(event, context.effects, increments, spanned);
  }

  /** A residency event joins its startup's timeline, counted in `increments`, with the projection's own effect if any. */
  private onTimeline(
    event: ReceivedEvent<ResidencyReferenceV1>,
    effects: EventEffects,
    increments: readonly CellIncrement[] = [],
    ownEffect?: () => Promise<boolean>,
  ) {
    return this.projection.record(event, effects, {
      startupId: event.data.startupId,
      programId: event.data.programId,
      increments,
      ...(ownEffect && { ownEffect }),
    });
  }

  /** The site's whole picture, newest version kept: no startup's timeline. */
  @HandleEvent(OccupancyChanged)
  occupancyChanged(@Payload() event: ReceivedEvent<OccupancyChangedV1>, @Ctx() context: EventContext) {
    return this.projection.record(event, context.effects, { ownEffect: () => this.occupancy.keepLatest(event) });
  }
}
