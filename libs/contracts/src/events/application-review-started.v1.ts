import { defineEvent } from '../lib/event-contract';
import { ApplicationReferenceV1 } from './shared/application-reference.v1';

/** Staff screened a submitted application and handed it to the committee. */
export class ApplicationReviewStartedV1 extends ApplicationReferenceV1 {}

export const ApplicationReviewStarted = defineEvent<ApplicationReviewStartedV1>({
  type: 'ma.technopark.application.review-started.v1',
  stream: 'applications',
  producer: 'applications',
  aggregate: 'application',
  payload: ApplicationReviewStartedV1,
  subjectOf: (event) => event.applicationId,
  description: 'Staff screened the application; the committee may now score it.',
  example: {
    applicationId: '0b7e2f8a-2d1c-4f6e-8a9b-1c2d3e4f5a6b',
    startupId: '6f1c1c2e-5a43-4b7e-9a53-0b1c2d3e4f50',
    programId: 'incubation',
    callId: 'incubation-2026-autumn',
    actor: { id: 'staff-12', role: 'site-staff' },
  },
});
