import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  ApplicationAccepted,
  type ApplicationAcceptedV1,
  ApplicationRejected,
  type ApplicationRejectedV1,
  ApplicationReviewStarted,
  type ApplicationReviewStartedV1,
  ApplicationScored,
  type ApplicationScoredV1,
  ApplicationSubmitted,
  type ApplicationSubmittedV1,
  ApplicationWaitlisted,
  type ApplicationWaitlistedV1,
  ApplicationWithdrawn,
  type ApplicationWithdrawnV1,
  type ApplicationReferenceV1,
  StartupProfileUpdated,
  type StartupProfileUpdatedV1,
  StartupRegistered,
  type StartupRegisteredV1,
} from '@technopark/contracts';
import { EventContext, type EventEffects, HandleEvent, type ReceivedEvent } from '@technopark/messaging';
import type { FunnelStage } from '../../kpis/funnel-stages';
import { StartupSectorsRepository } from '../../sectors/startup-sectors.repository';
import { WaitStartsRepository } from '../../waits/wait-starts.repository';
import { EventProjection } from '../event-projection';
import { decisionTimeIncrements } from './decision-time.projection';
import { funnelIncrements } from './funnel.projection';

type Decision = ApplicationAcceptedV1 | ApplicationRejectedV1 | ApplicationWaitlistedV1;

/**
 * The applications service's events: startups' profiles (which sectors their funnel counts fall in),
 * and applications through the funnel, with the time from submission to decision.
 */
@Controller()
export class ApplicationsProjectionConsumer {
  constructor(
    private readonly projection: EventProjection,
    private readonly waits: WaitStartsRepository,
    private readonly sectors: StartupSectorsRepository,
  ) {}

  @HandleEvent(StartupRegistered)
  registered(@Payload() event: ReceivedEvent<StartupRegisteredV1>, @Ctx() context: EventContext) {
    return this.profile(event, context.effects);
  }

  @HandleEvent(StartupProfileUpdated)
  profileUpdated(@Payload() event: ReceivedEvent<StartupProfileUpdatedV1>, @Ctx() context: EventContext) {
    return this.profile(event, context.effects);
  }

  @HandleEvent(ApplicationSubmitted)
  async submitted(@Payload() event: ReceivedEvent<ApplicationSubmittedV1>, @Ctx() context: EventContext) {
    await this.waits.begin({ site: event.site, applicationId: event.data.applicationId }, event.data.submittedAt);
    return this.stage(event, context.effects, 'submitted');
  }

  @HandleEvent(ApplicationReviewStarted)
  reviewStarted(@Payload() event: ReceivedEvent<ApplicationReviewStartedV1>, @Ctx() context: EventContext) {
    return this.stage(event, context.effects, 'in-review');
  }

  /** A score is on the startup's timeline; it is no funnel stage. */
  @HandleEvent(ApplicationScored)
  scored(@Payload() event: ReceivedEvent<ApplicationScoredV1>, @Ctx() context: EventContext) {
    return this.projection.record(event, context.effects, {
      startupId: event.data.startupId,
      programId: event.data.programId,
    });
  }

  @HandleEvent(ApplicationAccepted)
  accepted(@Payload() event: ReceivedEvent<ApplicationAcceptedV1>, @Ctx() context: EventContext) {
    return this.decision(event, context.effects, 'accepted');
  }

  @HandleEvent(ApplicationRejected)
  rejected(@Payload() event: ReceivedEvent<ApplicationRejectedV1>, @Ctx() context: EventContext) {
    return this.decision(event, context.effects, 'rejected');
  }

  @HandleEvent(ApplicationWaitlisted)
  waitlisted(@Payload() event: ReceivedEvent<ApplicationWaitlistedV1>, @Ctx() context: EventContext) {
    return this.decision(event, context.effects, 'waitlisted');
  }

  @HandleEvent(ApplicationWithdrawn)
  withdrawn(@Payload() event: ReceivedEvent<ApplicationWithdrawnV1>, @Ctx() context: EventContext) {
    return this.stage(event, context.effects, 'withdrawn');
  }

  private profile(event: ReceivedEvent<StartupRegisteredV1>, effects: EventEffects) {
    return this.projection.record(event, effects, {
      startupId: event.data.startupId,
      ownEffect: () => this.sectors.onProfile(event, effects),
    });
  }

  private stage(
    event: ReceivedEvent<Pick<ApplicationReferenceV1, 'startupId' | 'programId'>>,
    effects: EventEffects,
    stage: FunnelStage,
    timed: ReturnType<typeof decisionTimeIncrements> = [],
  ) {
    const { startupId, programId } = event.data;
    return this.projection.record(event, effects, {
      startupId,
      programId,
      increments: [...funnelIncrements(stage, event.site, event.time, programId), ...timed],
    });
  }

  /** A decision counts in its stage, and in the days it took since the submission (when it was read). */
  private async decision(event: ReceivedEvent<Decision>, effects: EventEffects, stage: FunnelStage) {
    const submittedAt = await this.waits.startOf({ site: event.site, applicationId: event.data.applicationId });
    return this.stage(
      event,
      effects,
      stage,
      submittedAt ? decisionTimeIncrements(event.site, event.time, submittedAt, event.data.programId) : [],
    );
  }
}
