import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../lib/event-contract';
import { ActorV1 } from './shared/actor.v1';

/** A startup submitted its application to an open call of a program. */
export class ApplicationSubmittedV1 {
  @IsUUID()
  applicationId!: string;

  @IsUUID()
  startupId!: string;

  @IsString()
  @Length(1, 100)
  programId!: string;

  @IsString()
  @Length(1, 100)
  callId!: string;

  @IsISO8601()
  submittedAt!: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  requestedDesks?: number;

  /** Funding the startup is looking for, in MAD. */
  @IsOptional()
  @IsInt()
  @Min(0)
  requestedFundingMad?: number;

  @ValidateNested()
  @Type(() => ActorV1)
  actor!: ActorV1;
}

export const ApplicationSubmitted = defineEvent<ApplicationSubmittedV1>({
  type: 'ma.technopark.application.submitted.v1',
  stream: 'applications',
  producer: 'applications',
  aggregate: 'application',
  payload: ApplicationSubmittedV1,
  subjectOf: (event) => event.applicationId,
  description: 'A startup submitted an application to an open call; it now waits for screening.',
  example: {
    applicationId: '0b7e2f8a-2d1c-4f6e-8a9b-1c2d3e4f5a6b',
    startupId: '6f1c1c2e-5a43-4b7e-9a53-0b1c2d3e4f50',
    programId: 'incubation',
    callId: 'incubation-2026-autumn',
    submittedAt: '2026-10-02T09:30:00.000Z',
    requestedDesks: 4,
    requestedFundingMad: 500000,
    actor: { id: 'user-7f3a', role: 'startup' },
  },
});
