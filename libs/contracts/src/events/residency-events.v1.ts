import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../lib/event-contract';
import { ActorV1 } from './shared/actor.v1';
import { PROGRAM_KINDS, type ProgramKind } from './shared/sectors';

/** What every residency event carries. A residency is identified by the accepted application it comes from. */
export class ResidencyReferenceV1 {
  @IsUUID()
  residencyId!: string;

  @IsUUID()
  startupId!: string;

  @IsString()
  @Length(1, 100)
  programId!: string;

  @IsIn(PROGRAM_KINDS)
  programKind!: ProgramKind;

  @ValidateNested()
  @Type(() => ActorV1)
  actor!: ActorV1;
}

export const ALLOCATED_SPACE_KINDS = ['office', 'coworking'] as const;

/** Workspace was set aside for an accepted startup; it must move in by `moveInBy`. */
export class ResidencyAllocatedV1 extends ResidencyReferenceV1 {
  @IsString()
  @Length(1, 80)
  spaceId!: string;

  @IsIn(ALLOCATED_SPACE_KINDS)
  spaceKind!: (typeof ALLOCATED_SPACE_KINDS)[number];

  /** Desks of the office, or coworking positions held. */
  @IsInt()
  @Min(1)
  @Max(100)
  seats!: number;

  /** Calendar date (YYYY-MM-DD) after which an allocation not moved into is released. */
  @IsISO8601({ strict: true })
  moveInBy!: string;
}

/** Nothing fits the accepted startup now: it waits on the site's waitlist. */
export class ResidencyWaitlistedV1 extends ResidencyReferenceV1 {
  @IsInt()
  @Min(0)
  @Max(100)
  desks!: number;

  /** Whether it asked for a closed office. */
  @IsBoolean()
  office!: boolean;
}

/** The residency every example of a residency event is about. */
export const EXAMPLE_RESIDENCY = {
  residencyId: '0b7e2f8a-2d1c-4f6e-8a9b-1c2d3e4f5a6b',
  startupId: '6f1c1c2e-5a43-4b7e-9a53-0b1c2d3e4f50',
  programId: 'incubation',
  programKind: 'incubation' as const,
  actor: { id: 'residency-allocator', role: 'system' as const },
};

export const ResidencyAllocated = defineEvent<ResidencyAllocatedV1>({
  type: 'ma.technopark.residency.allocated.v1',
  stream: 'residencies',
  producer: 'residency',
  aggregate: 'residency',
  payload: ResidencyAllocatedV1,
  subjectOf: (event) => event.residencyId,
  description: 'An office or coworking positions were set aside for an accepted startup.',
  example: { ...EXAMPLE_RESIDENCY, spaceId: 'b2-office-14', spaceKind: 'office', seats: 6, moveInBy: '2026-12-15' },
});

export const ResidencyWaitlisted = defineEvent<ResidencyWaitlistedV1>({
  type: 'ma.technopark.residency.waitlisted.v1',
  stream: 'residencies',
  producer: 'residency',
  aggregate: 'residency',
  payload: ResidencyWaitlistedV1,
  subjectOf: (event) => event.residencyId,
  description: "No space fits the accepted startup now; it is on the site's waitlist.",
  example: { ...EXAMPLE_RESIDENCY, desks: 4, office: false },
});
