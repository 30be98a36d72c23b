import { IsIn } from 'class-validator';
import { defineEvent } from '../lib/event-contract';
import { ApplicationReferenceV1 } from './shared/application-reference.v1';

const example = {
  applicationId: '0b7e2f8a-2d1c-4f6e-8a9b-1c2d3e4f5a6b',
  startupId: '6f1c1c2e-5a43-4b7e-9a53-0b1c2d3e4f50',
  programId: 'incubation',
  callId: 'incubation-2026-autumn',
  actor: { id: 'staff-12', role: 'site-staff' as const },
};

/** The committee turned the application down. The reason stays in the applications service. */
export class ApplicationRejectedV1 extends ApplicationReferenceV1 {}

export const ApplicationRejected = defineEvent<ApplicationRejectedV1>({
  type: 'ma.technopark.application.rejected.v1',
  stream: 'applications',
  producer: 'applications',
  aggregate: 'application',
  payload: ApplicationRejectedV1,
  subjectOf: (event) => event.applicationId,
  description: 'The application was rejected (the reason is kept by the applications service).',
  example,
});

/** The committee put the application on the waitlist: it may still be accepted later. */
export class ApplicationWaitlistedV1 extends ApplicationReferenceV1 {}

export const ApplicationWaitlisted = defineEvent<ApplicationWaitlistedV1>({
  type: 'ma.technopark.application.waitlisted.v1',
  stream: 'applications',
  producer: 'applications',
  aggregate: 'application',
  payload: ApplicationWaitlistedV1,
  subjectOf: (event) => event.applicationId,
  description: 'The application is waitlisted; an accepted event may follow when a place frees up.',
  example,
});

const WITHDRAWABLE = ['draft', 'submitted', 'in_review'] as const;

/** The applicant withdrew before a decision. */
export class ApplicationWithdrawnV1 extends ApplicationReferenceV1 {
  @IsIn(WITHDRAWABLE)
  previousStatus!: (typeof WITHDRAWABLE)[number];
}

export const ApplicationWithdrawn = defineEvent<ApplicationWithdrawnV1>({
  type: 'ma.technopark.application.withdrawn.v1',
  stream: 'applications',
  producer: 'applications',
  aggregate: 'application',
  payload: ApplicationWithdrawnV1,
  subjectOf: (event) => event.applicationId,
  description: 'The applicant withdrew the application before a decision.',
  example: { ...example, previousStatus: 'submitted', actor: { id: 'user-7f3a', role: 'startup' } },
});
