import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { defineEvent } from '../lib/event-contract';
import { ALLOCATED_SPACE_KINDS, EXAMPLE_RESIDENCY, ResidencyReferenceV1 } from './residency-events.v1';

/** The startup moved in: its residency runs from `startedOn` to `plannedEndOn` (start + program duration). */
export class ResidencyStartedV1 extends ResidencyReferenceV1 {
  @IsString()
  @Length(1, 80)
  spaceId!: string;

  /** Calendar date (YYYY-MM-DD) of the move-in. */
  @IsISO8601({ strict: true })
  startedOn!: string;

  @IsISO8601({ strict: true })
  plannedEndOn!: string;
}

/** The planned end of a running residency moved later. */
export class ResidencyExtendedV1 extends ResidencyReferenceV1 {
  @IsISO8601({ strict: true })
  previousPlannedEndOn!: string;

  @IsISO8601({ strict: true })
  plannedEndOn!: string;

  @IsInt()
  @Min(1)
  @Max(36)
  months!: number;
}

/** How a residency ended. The first four end a stay; the last three end an allocation or a wait before any move-in. */
export const RESIDENCY_OUTCOMES = [
  'graduated',
  'left',
  'failed',
  'relocated',
  'declined',
  'no-show',
  'withdrawn',
] as const;
export type ResidencyOutcome = (typeof RESIDENCY_OUTCOMES)[number];

/** The residency is over and its space is free again. `startedOn` is absent when the startup never moved in. */
export class ResidencyEndedV1 extends ResidencyReferenceV1 {
  @IsIn(RESIDENCY_OUTCOMES)
  outcome!: ResidencyOutcome;

  @IsISO8601({ strict: true })
  endedOn!: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  startedOn?: string;

  /** The space it gave back, absent when it ended while on the waitlist. */
  @IsOptional()
  @IsString()
  @Length(1, 80)
  spaceId?: string;
}

/** Staff moved the startup to another space. */
export class ResidencyMovedV1 extends ResidencyReferenceV1 {
  @IsString()
  @Length(1, 80)
  fromSpaceId!: string;

  @IsString()
  @Length(1, 80)
  spaceId!: string;

  @IsIn(ALLOCATED_SPACE_KINDS)
  spaceKind!: (typeof ALLOCATED_SPACE_KINDS)[number];

  @IsInt()
  @Min(1)
  @Max(100)
  seats!: number;
}

const reference = { ...EXAMPLE_RESIDENCY, actor: { id: 'staff-12', role: 'site-staff' as const } };

export const ResidencyStarted = defineEvent<ResidencyStartedV1>({
  type: 'ma.technopark.residency.started.v1',
  stream: 'residencies',
  producer: 'residency',
  aggregate: 'residency',
  payload: ResidencyStartedV1,
  subjectOf: (event) => event.residencyId,
  description: 'The startup moved into its allocated space; the residency runs until its planned end.',
  example: { ...reference, spaceId: 'b2-office-14', startedOn: '2026-12-01', plannedEndOn: '2028-06-01' },
});

export const ResidencyExtended = defineEvent<ResidencyExtendedV1>({
  type: 'ma.technopark.residency.extended.v1',
  stream: 'residencies',
  producer: 'residency',
  aggregate: 'residency',
  payload: ResidencyExtendedV1,
  subjectOf: (event) => event.residencyId,
  description: 'A running residency was extended: its planned end moved later.',
  example: { ...reference, previousPlannedEndOn: '2028-06-01', plannedEndOn: '2028-12-01', months: 6 },
});

export const ResidencyEnded = defineEvent<ResidencyEndedV1>({
  type: 'ma.technopark.residency.ended.v1',
  stream: 'residencies',
  producer: 'residency',
  aggregate: 'residency',
  payload: ResidencyEndedV1,
  subjectOf: (event) => event.residencyId,
  description:
    'The residency ended with an outcome (graduated, left, failed, relocated; or declined, no-show, withdrawn before any move-in) and its space is free.',
  example: {
    ...reference,
    outcome: 'graduated',
    endedOn: '2028-06-01',
    startedOn: '2026-12-01',
    spaceId: 'b2-office-14',
  },
});

export const ResidencyMoved = defineEvent<ResidencyMovedV1>({
  type: 'ma.technopark.residency.moved.v1',
  stream: 'residencies',
  producer: 'residency',
  aggregate: 'residency',
  payload: ResidencyMovedV1,
  subjectOf: (event) => event.residencyId,
  description: 'Staff moved the startup to another office or coworking area; its old space is free.',
  example: { ...reference, fromSpaceId: 'coworking-main', spaceId: 'b2-office-14', spaceKind: 'office', seats: 6 },
});
