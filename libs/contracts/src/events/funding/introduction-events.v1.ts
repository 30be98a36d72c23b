import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsUUID, Matches, ValidateNested } from 'class-validator';
import { defineEvent } from '../../lib/event-contract';
import { FundingActorV1 } from '../shared/funding-actor.v1';
import { DEAL_STAGES, DECLINE_REASONS, type DealStage, type DeclineReason } from './funding-terms';

/** What every introduction event carries: which introduction, of which startup, to which funder, and who acted. */
export class IntroductionReferenceV1 {
  @IsUUID()
  introductionId!: string;

  @IsUUID()
  startupId!: string;

  @Matches(/^[a-z0-9][a-z0-9-]{0,79}$/)
  funderId!: string;

  @ValidateNested()
  @Type(() => FundingActorV1)
  actor!: FundingActorV1;
}

/** The funder said no; the reason is one of a fixed list, free text stays in the service. */
export class IntroductionDeclinedV1 extends IntroductionReferenceV1 {
  @IsIn(DECLINE_REASONS)
  reason!: DeclineReason;
}

const PIPELINE_STAGES = ['accepted', ...DEAL_STAGES] as const;

/** An accepted introduction moved on in the pipeline. */
export class DealStageChangedV1 extends IntroductionReferenceV1 {
  @IsIn(PIPELINE_STAGES)
  from!: (typeof PIPELINE_STAGES)[number];

  @IsIn(DEAL_STAGES)
  stage!: DealStage;

  /** Why a deal closed without funding. */
  @IsOptional()
  @IsIn(DECLINE_REASONS)
  closedReason?: DeclineReason;
}

const reference = {
  introductionId: '3d5e7f90-1a2b-4c3d-8e4f-5a6b7c8d9e0f',
  startupId: '6f1c1c2e-5a43-4b7e-9a53-0b1c2d3e4f50',
  funderId: 'plug-and-play-morocco',
};

export const IntroductionRequested = defineEvent<IntroductionReferenceV1>({
  type: 'ma.technopark.introduction.requested.v1',
  stream: 'introductions',
  producer: 'funding-matching',
  aggregate: 'introduction',
  payload: IntroductionReferenceV1,
  subjectOf: (event) => event.introductionId,
  description: 'A startup, having consented, asked to be introduced to a funder (itself or through site staff).',
  example: { ...reference, actor: { id: 'user-7f3a', role: 'startup' } },
});

export const IntroductionAccepted = defineEvent<IntroductionReferenceV1>({
  type: 'ma.technopark.introduction.accepted.v1',
  stream: 'introductions',
  producer: 'funding-matching',
  aggregate: 'introduction',
  payload: IntroductionReferenceV1,
  subjectOf: (event) => event.introductionId,
  description: "The funder's contact accepted the introduction: the deal pipeline starts.",
  example: { ...reference, actor: { id: 'contact-ppm-1', role: 'funder' } },
});

export const IntroductionDeclined = defineEvent<IntroductionDeclinedV1>({
  type: 'ma.technopark.introduction.declined.v1',
  stream: 'introductions',
  producer: 'funding-matching',
  aggregate: 'introduction',
  payload: IntroductionDeclinedV1,
  subjectOf: (event) => event.introductionId,
  description: "The funder's contact declined the introduction, with a reason.",
  example: { ...reference, reason: 'too-early', actor: { id: 'contact-ppm-1', role: 'funder' } },
});

export const DealStageChanged = defineEvent<DealStageChangedV1>({
  type: 'ma.technopark.deal.stage-changed.v1',
  stream: 'introductions',
  producer: 'funding-matching',
  aggregate: 'introduction',
  payload: DealStageChangedV1,
  subjectOf: (event) => event.introductionId,
  description: 'An accepted introduction moved on: meeting, due diligence, term sheet, then funded or closed.',
  example: { ...reference, from: 'meeting', stage: 'due-diligence', actor: { id: 'contact-ppm-1', role: 'funder' } },
});
