import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DECLINE_REASONS, type DeclineReason } from '@technopark/contracts';
import { PageOf } from '@technopark/platform';
import { actionsPermitted, type Role } from '@technopark/security';
import { FundingActorView } from '../common/funding-actor.view';
import {
  allowedActions,
  INTRODUCTION_ACTION_ROLES,
  INTRODUCTION_ACTIONS,
  INTRODUCTION_STATUSES,
  type IntroductionAction,
  type IntroductionStatus,
} from './domain/introduction-lifecycle';
import type { Introduction } from './schemas/introduction.schema';

export class IntroductionHistoryView {
  @ApiProperty({ enum: [...INTRODUCTION_ACTIONS, 'request'] })
  action!: string;

  @ApiPropertyOptional({ enum: INTRODUCTION_STATUSES })
  from?: IntroductionStatus;

  @ApiProperty({ enum: INTRODUCTION_STATUSES })
  to!: IntroductionStatus;

  @ApiProperty({ type: FundingActorView })
  actor!: FundingActorView;

  @ApiProperty()
  at!: Date;

  @ApiPropertyOptional()
  note?: string;
}

export class IntroductionView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  startupId!: string;

  @ApiPropertyOptional({ description: 'Shown once the startup consented' })
  startupName?: string;

  @ApiProperty()
  funderId!: string;

  @ApiProperty({ enum: INTRODUCTION_STATUSES })
  status!: IntroductionStatus;

  @ApiPropertyOptional()
  consentedAt?: Date;

  @ApiProperty()
  requestedAt!: Date;

  @ApiProperty()
  scoreAtRequest!: number;

  @ApiPropertyOptional()
  note?: string;

  @ApiPropertyOptional({ enum: DECLINE_REASONS })
  declineReason?: DeclineReason;

  @ApiPropertyOptional({ enum: DECLINE_REASONS })
  closedReason?: DeclineReason;

  @ApiPropertyOptional({ description: 'The raise it was funded with' })
  fundingId?: string;

  @ApiProperty({ enum: INTRODUCTION_ACTIONS, isArray: true, description: 'What the caller may do next' })
  allowedActions!: IntroductionAction[];

  @ApiProperty({ type: [IntroductionHistoryView] })
  history!: IntroductionHistoryView[];
}

export class IntroductionPage extends PageOf(IntroductionView) {}

export function introductionView(introduction: Introduction, actingAs: Role, startupName?: string): IntroductionView {
  return {
    id: introduction._id,
    startupId: introduction.startupId,
    ...(startupName && introduction.consentedAt && { startupName }),
    funderId: introduction.funderId,
    status: introduction.status,
    ...(introduction.consentedAt && { consentedAt: introduction.consentedAt }),
    requestedAt: introduction.requestedAt,
    scoreAtRequest: introduction.scoreAtRequest,
    ...(introduction.note && { note: introduction.note }),
    ...(introduction.declineReason && { declineReason: introduction.declineReason }),
    ...(introduction.closedReason && { closedReason: introduction.closedReason }),
    ...(introduction.fundingId && { fundingId: introduction.fundingId }),
    allowedActions: actionsPermitted(allowedActions(introduction.status), INTRODUCTION_ACTION_ROLES, actingAs),
    history: introduction.history.map(({ action, from, to, actor, at, note }) => ({
      action,
      ...(from && { from }),
      to,
      actor,
      at,
      ...(note && { note }),
    })),
  };
}
