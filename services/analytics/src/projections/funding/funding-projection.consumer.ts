import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import {
  DealStageChanged,
  type DealStageChangedV1,
  FundingRaised,
  type FundingRaisedV1,
  IntroductionAccepted,
  IntroductionDeclined,
  type IntroductionDeclinedV1,
  type IntroductionReferenceV1,
  IntroductionRequested,
  MatchQualified,
  type MatchQualifiedV1,
} from '@technopark/contracts';
import { EventContext, type EventEffects, HandleEvent, type ReceivedEvent } from '@technopark/messaging';
import { MatchedResidentsRepository } from '../../funding/matched-residents.repository';
import { FUNDING_KPIS } from '../../kpis/funding-kpis';
import { EventProjection } from '../event-projection';
import { dealIncrements, introductionIncrements, raisedIncrements } from './funding.projection';

/** Funding matching's events: money raised, introductions and their conversion, residents with a qualified match. */
@Controller()
export class FundingProjectionConsumer {
  constructor(
    private readonly projection: EventProjection,
    private readonly matched: MatchedResidentsRepository,
  ) {}

  @HandleEvent(FundingRaised)
  raised(@Payload() event: ReceivedEvent<FundingRaisedV1>, @Ctx() context: EventContext) {
    return this.projection.record(event, context.effects, {
      startupId: event.data.startupId,
      increments: raisedIncrements(event.site, event.data),
    });
  }

  @HandleEvent(IntroductionRequested)
  requested(@Payload() event: ReceivedEvent<IntroductionReferenceV1>, @Ctx() context: EventContext) {
    return this.introduction(event, context.effects, FUNDING_KPIS.introductionsRequested);
  }

  @HandleEvent(IntroductionAccepted)
  accepted(@Payload() event: ReceivedEvent<IntroductionReferenceV1>, @Ctx() context: EventContext) {
    return this.introduction(event, context.effects, FUNDING_KPIS.introductionsAccepted);
  }

  @HandleEvent(IntroductionDeclined)
  declined(@Payload() event: ReceivedEvent<IntroductionDeclinedV1>, @Ctx() context: EventContext) {
    return this.projection.record(event, context.effects, { startupId: event.data.startupId });
  }

  @HandleEvent(DealStageChanged)
  stageChanged(@Payload() event: ReceivedEvent<DealStageChangedV1>, @Ctx() context: EventContext) {
    return this.projection.record(event, context.effects, {
      startupId: event.data.startupId,
      increments: dealIncrements(event.site, event.data, event.time),
    });
  }

  /** Only the first qualified match of a resident counts; every one joins the startup's timeline. */
  @HandleEvent(MatchQualified)
  async qualified(@Payload() event: ReceivedEvent<MatchQualifiedV1>, @Ctx() context: EventContext) {
    const { startupId, resident } = event.data;
    const first = resident && (await this.matched.firstFor(event.site, startupId, event.id));
    const increments = first
      ? [{ kpi: FUNDING_KPIS.matchedResidents, site: event.site, period: 'latest', dimension: 'all', by: 1 }]
      : [];
    return this.projection.record(event, context.effects, { startupId, increments });
  }

  private introduction(event: ReceivedEvent<IntroductionReferenceV1>, effects: EventEffects, kpi: string) {
    return this.projection.record(event, effects, {
      startupId: event.data.startupId,
      increments: introductionIncrements(event.site, kpi, event.time),
    });
  }
}
