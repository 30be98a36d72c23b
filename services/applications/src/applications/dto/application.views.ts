import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { SECTORS, STAGES } from '@technopark/contracts';
import { ActorView, PageOf } from '@technopark/platform';
import { AuditView } from '../../common/audit.view';
import { APPLICATION_ACTIONS, APPLICATION_STATUSES } from '../domain/application-lifecycle';
import { OUTCOMES } from './application-actions.dto';
import { CreateApplicationDto } from './create-application.dto';

class StartupSnapshotView {
  @ApiProperty({ example: 'Souss Agritech' })
  name!: string;

  @ApiProperty({ enum: SECTORS, isArray: true, example: ['agritech'] })
  sectors!: string[];

  @ApiProperty({ enum: STAGES, example: 'mvp' })
  stage!: string;
}

class ScoreView {
  @ApiProperty({ example: 'committee-3' })
  memberId!: string;

  @ApiProperty({ example: { team: 8, market: 6, innovation: 7, feasibility: 5 } })
  marks!: Record<string, number>;

  @ApiProperty({ example: 66.5, description: 'Out of 100, weighted by the rubric' })
  score!: number;

  @ApiProperty({ example: 'Strong team.' })
  comment!: string;

  @ApiProperty({ example: '2026-10-20T10:00:00.000Z' })
  scoredAt!: string;
}

class DecisionView {
  @ApiProperty({ enum: OUTCOMES, example: 'accepted' })
  outcome!: string;

  @ApiProperty({ example: 'Scores above the cohort threshold.' })
  reason!: string;

  @ApiProperty({ type: ActorView })
  decidedBy!: ActorView;

  @ApiProperty({ example: '2026-10-25T16:00:00.000Z' })
  decidedAt!: string;
}

class HistoryView {
  @ApiProperty({ enum: ['create', ...APPLICATION_ACTIONS], example: 'submit' })
  action!: string;

  @ApiPropertyOptional({ enum: APPLICATION_STATUSES, example: 'draft' })
  from?: string;

  @ApiProperty({ enum: APPLICATION_STATUSES, example: 'submitted' })
  to!: string;

  @ApiProperty({ type: ActorView })
  actor!: ActorView;

  @ApiProperty({ example: '2026-10-02T09:30:00.000Z' })
  at!: string;
}

class ApplicationState {
  @ApiProperty({ example: '0b7e2f8a-2d1c-4f6e-8a9b-1c2d3e4f5a6b' })
  id!: string;

  @ApiProperty({ example: '6f1c1c2e-5a43-4b7e-9a53-0b1c2d3e4f50' })
  startupId!: string;

  @ApiProperty({ example: 'incubation' })
  programId!: string;

  @ApiProperty({ enum: APPLICATION_STATUSES, example: 'in_review' })
  status!: string;

  @ApiProperty({
    enum: APPLICATION_ACTIONS,
    isArray: true,
    example: ['score', 'accept', 'reject', 'waitlist', 'withdraw'],
    description: 'The moves its status allows',
  })
  allowedActions!: string[];

  @ApiProperty({ type: StartupSnapshotView })
  startup!: StartupSnapshotView;

  @ApiPropertyOptional({ type: [ScoreView], description: 'Not shown to the applicant' })
  scores?: ScoreView[];

  @ApiPropertyOptional({ type: DecisionView })
  decision?: DecisionView;

  @ApiProperty({ type: [HistoryView] })
  history!: HistoryView[];

  @ApiPropertyOptional({ example: '2026-10-02T09:30:00.000Z' })
  submittedAt?: string;
}

export class ApplicationView extends IntersectionType(
  ApplicationState,
  OmitType(CreateApplicationDto, ['startupId'] as const),
  AuditView,
) {}

export class ApplicationPage extends PageOf(ApplicationView) {}
