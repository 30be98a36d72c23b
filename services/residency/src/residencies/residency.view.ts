import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type ActorV1, ALLOCATED_SPACE_KINDS, PROGRAM_KINDS, RESIDENCY_OUTCOMES } from '@technopark/contracts';
import { actionsPermitted, type Role } from '@technopark/security';
import { ActorView, PageOf } from '@technopark/platform';
import {
  allowedActions,
  RESIDENCY_ACTION_ROLES,
  RESIDENCY_ACTIONS,
  RESIDENCY_STATUSES,
} from './domain/residency-lifecycle';
import type { Residency } from './schemas/residency.schema';

export class AllocatedSpaceView {
  @ApiProperty({ example: 'b2-office-14' })
  spaceId!: string;

  @ApiProperty({ enum: ALLOCATED_SPACE_KINDS })
  kind!: 'office' | 'coworking';

  @ApiProperty({ example: 6 })
  seats!: number;
}

export class ResidencyHistoryView {
  @ApiProperty({ enum: [...RESIDENCY_ACTIONS, 'waitlist'] })
  action!: string;

  @ApiProperty({ enum: RESIDENCY_STATUSES })
  status!: string;

  @ApiProperty()
  at!: Date;

  @ApiProperty({ type: ActorView })
  actor!: ActorView;

  @ApiPropertyOptional()
  note?: string;
}

export class ResidencyView {
  @ApiProperty({ description: 'The accepted application it comes from' })
  id!: string;

  @ApiProperty()
  startupId!: string;

  @ApiProperty({ example: 'incubation' })
  programId!: string;

  @ApiProperty({ enum: PROGRAM_KINDS })
  programKind!: string;

  @ApiProperty({ example: 18 })
  durationMonths!: number;

  @ApiProperty({ example: 4, description: 'Desks the team asked for' })
  desks!: number;

  @ApiProperty({ description: 'Whether it asked for a closed office' })
  wantsOffice!: boolean;

  @ApiProperty({ enum: RESIDENCY_STATUSES })
  status!: string;

  @ApiProperty({ enum: RESIDENCY_ACTIONS, isArray: true, description: 'What may be done next' })
  allowedActions!: string[];

  @ApiPropertyOptional({ type: AllocatedSpaceView })
  space?: AllocatedSpaceView;

  @ApiPropertyOptional({ example: '2026-12-15', description: 'Allocated: the move-in deadline' })
  moveInBy?: string;

  @ApiPropertyOptional({ example: '2026-12-01' })
  startedOn?: string;

  @ApiPropertyOptional({ example: '2028-06-01' })
  plannedEndOn?: string;

  @ApiPropertyOptional()
  endedOn?: string;

  @ApiPropertyOptional({ enum: RESIDENCY_OUTCOMES })
  outcome?: string;

  @ApiProperty()
  acceptedAt!: Date;

  @ApiProperty({ type: [ResidencyHistoryView] })
  history!: ResidencyHistoryView[];

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty()
  updatedAt!: Date;
}

export class ResidencyPage extends PageOf(ResidencyView) {}

export class WaitlistEntryView {
  @ApiProperty({ example: 1 })
  position!: number;

  @ApiProperty({ type: ResidencyView })
  residency!: ResidencyView;
}

export class WaitlistPage extends PageOf(WaitlistEntryView) {}

/** The residency as `actingAs` sees it: `allowedActions` lists only the moves that role may make. */
export function residencyView(residency: Residency, actingAs: Role | ActorV1['role']): ResidencyView {
  const {
    _id,
    startupId,
    programId,
    programKind,
    durationMonths,
    desks,
    wantsOffice,
    status,
    space,
    moveInBy,
    startedOn,
    plannedEndOn,
    endedOn,
    outcome,
    acceptedAt,
    history,
    createdAt,
    updatedAt,
  } = residency;
  return {
    id: _id,
    startupId,
    programId,
    programKind,
    durationMonths,
    desks,
    wantsOffice,
    status,
    allowedActions: actionsPermitted(allowedActions(status), RESIDENCY_ACTION_ROLES, actingAs),
    space: space ? { spaceId: space.spaceId, kind: space.kind, seats: space.seats } : undefined,
    moveInBy,
    startedOn,
    plannedEndOn,
    endedOn,
    outcome,
    acceptedAt,
    history: history ?? [],
    createdAt,
    updatedAt,
  };
}
