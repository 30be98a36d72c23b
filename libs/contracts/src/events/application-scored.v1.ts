import { IsDecimal } from '../lib/validators';
import { IsInt, Max, Min } from 'class-validator';
import { defineEvent } from '../lib/event-contract';
import { ApplicationReferenceV1 } from './shared/application-reference.v1';

/** A committee member scored an application. Per-criterion marks stay in the applications service. */
export class ApplicationScoredV1 extends ApplicationReferenceV1 {
  /** This member's weighted score on the program's rubric, from 0 to 100. */
  @IsDecimal(2)
  @Min(0)
  @Max(100)
  score!: number;

  /** Scores the application has now, this one included (a member re-scoring replaces their score). */
  @IsInt()
  @Min(1)
  scoreCount!: number;
}

export const ApplicationScored = defineEvent<ApplicationScoredV1>({
  type: 'ma.technopark.application.scored.v1',
  stream: 'applications',
  producer: 'applications',
  aggregate: 'application',
  payload: ApplicationScoredV1,
  subjectOf: (event) => event.applicationId,
  description: "A committee member scored the application against the program's rubric.",
  example: {
    applicationId: '0b7e2f8a-2d1c-4f6e-8a9b-1c2d3e4f5a6b',
    startupId: '6f1c1c2e-5a43-4b7e-9a53-0b1c2d3e4f50',
    programId: 'incubation',
    callId: 'incubation-2026-autumn',
    score: 78.5,
    scoreCount: 2,
    actor: { id: 'committee-3', role: 'committee-member' },
  },
});
