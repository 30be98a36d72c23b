import { IsDecimal } from '../lib/validators';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../lib/event-contract';
import { ApplicationReferenceV1 } from './shared/application-reference.v1';
import { PROGRAM_KINDS, type ProgramKind } from './shared/sectors';

/** The workspace the startup asked for in its application. */
export class WorkspaceNeedsV1 {
  @IsInt()
  @Min(0)
  @Max(100)
  desks!: number;

  /** A closed office rather than coworking positions. */
  @IsBoolean()
  office!: boolean;
}

/** The committee accepted a startup into a program: residency allocates its workspace from this. */
export class ApplicationAcceptedV1 extends ApplicationReferenceV1 {
  @IsIn(PROGRAM_KINDS)
  programKind!: ProgramKind;

  @IsString()
  @Length(1, 200)
  programName!: string;

  @IsInt()
  @Min(1)
  @Max(60)
  durationMonths!: number;

  /** Whether the program comes with workspace on the site. */
  @IsBoolean()
  includesWorkspace!: boolean;

  @ValidateNested()
  @Type(() => WorkspaceNeedsV1)
  workspaceNeeds!: WorkspaceNeedsV1;

  /** The partner program running it, e.g. `plug-and-play`. */
  @IsOptional()
  @IsString()
  @Length(1, 100)
  partnerId?: string;

  /** Mean of the committee's scores, 0–100. */
  @IsDecimal(2)
  @Min(0)
  @Max(100)
  averageScore!: number;
}

export const ApplicationAccepted = defineEvent<ApplicationAcceptedV1>({
  type: 'ma.technopark.application.accepted.v1',
  stream: 'applications',
  producer: 'applications',
  aggregate: 'application',
  payload: ApplicationAcceptedV1,
  subjectOf: (event) => event.applicationId,
  description:
    'The startup is accepted into the program; carries the program, its duration and the workspace the startup needs.',
  example: {
    applicationId: '0b7e2f8a-2d1c-4f6e-8a9b-1c2d3e4f5a6b',
    startupId: '6f1c1c2e-5a43-4b7e-9a53-0b1c2d3e4f50',
    programId: 'incubation',
    callId: 'incubation-2026-autumn',
    programKind: 'incubation',
    programName: 'Incubation',
    durationMonths: 18,
    includesWorkspace: true,
    workspaceNeeds: { desks: 4, office: false },
    averageScore: 81.25,
    actor: { id: 'staff-12', role: 'site-staff' },
  },
});
