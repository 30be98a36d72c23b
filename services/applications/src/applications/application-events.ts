import {
  type ActorV1,
  ApplicationAccepted,
  ApplicationRejected,
  ApplicationReviewStarted,
  ApplicationScored,
  ApplicationSubmitted,
  ApplicationWaitlisted,
  ApplicationWithdrawn,
  type ApplicationReferenceV1,
} from '@technopark/contracts';
import { newEvent, type NewEvent } from '@technopark/messaging';
import type { Program } from '../catalogue/schemas/program.schema';
import type { Application } from './schemas/application.schema';

function referenceOf(application: Application, actor: ActorV1): ApplicationReferenceV1 {
  return {
    applicationId: application._id,
    startupId: application.startupId,
    programId: application.programId,
    callId: application.callId,
    actor,
  };
}

export function submitted(application: Application, submittedAt: Date, actor: ActorV1): NewEvent {
  const { desks, fundingAmountMad } = application.needs;
  return newEvent(ApplicationSubmitted, {
    ...referenceOf(application, actor),
    submittedAt: submittedAt.toISOString(),
    requestedDesks: desks,
    requestedFundingMad: fundingAmountMad,
  });
}

export function reviewStarted(application: Application, actor: ActorV1): NewEvent {
  return newEvent(ApplicationReviewStarted, referenceOf(application, actor));
}

export function scored(application: Application, score: number, scoreCount: number, actor: ActorV1): NewEvent {
  return newEvent(ApplicationScored, { ...referenceOf(application, actor), score, scoreCount });
}

export function accepted(application: Application, program: Program, averageScore: number, actor: ActorV1): NewEvent {
  return newEvent(ApplicationAccepted, {
    ...referenceOf(application, actor),
    programKind: program.kind,
    programName: program.name,
    durationMonths: program.durationMonths,
    includesWorkspace: program.includesWorkspace,
    workspaceNeeds: { desks: application.needs.desks, office: application.needs.office },
    ...(program.partnerId && { partnerId: program.partnerId }),
    averageScore,
  });
}

export function rejected(application: Application, actor: ActorV1): NewEvent {
  return newEvent(ApplicationRejected, referenceOf(application, actor));
}

export function waitlisted(application: Application, actor: ActorV1): NewEvent {
  return newEvent(ApplicationWaitlisted, referenceOf(application, actor));
}

export function withdrawn(application: Application, actor: ActorV1): NewEvent {
  const previousStatus = application.status as 'draft' | 'submitted' | 'in_review';
  return newEvent(ApplicationWithdrawn, { ...referenceOf(application, actor), previousStatus });
}
