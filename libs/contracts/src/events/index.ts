import type { EventContract } from '../lib/event-contract';
import { ApplicationAccepted } from './application-accepted.v1';
import { ApplicationRejected, ApplicationWaitlisted, ApplicationWithdrawn } from './application-decided.v1';
import { ApplicationReviewStarted } from './application-review-started.v1';
import { ApplicationScored } from './application-scored.v1';
import { ApplicationSubmitted } from './application-submitted.v1';
import { StartupProfileUpdated } from './startup-profile-updated.v1';
import { StartupRegistered } from './startup-registered.v1';
import { ResidencyAllocated, ResidencyWaitlisted } from './residency-events.v1';
import { SpaceRegistered, SpaceRetired, SpaceUpdated } from './space-events.v1';
import { ResidencyEnded, ResidencyExtended, ResidencyMoved, ResidencyStarted } from './residency-lifecycle.v1';
import { OccupancyChanged } from './occupancy-changed.v1';
import { ResidentReportSubmitted } from './resident-report-submitted.v1';
import { KpiUpdated } from './kpi-updated.v1';
import {
  DealStageChanged,
  FunderRegistered,
  FunderUpdated,
  FundingRaised,
  FundingWindowClosed,
  FundingWindowOpened,
  IntroductionAccepted,
  IntroductionDeclined,
  IntroductionRequested,
  MatchQualified,
} from './funding';
import {
  AttendanceCheckedIn,
  CompetitionResultsPublished,
  EventCancelled,
  EventCompleted,
  EventPostponed,
  EventScheduled,
  EventUpdated,
  InvestorInterestRecorded,
  RegistrationCancelled,
  RegistrationConfirmed,
  RegistrationPromoted,
  RegistrationWaitlisted,
} from './community';
import { PartnerConsentGranted, PartnerConsentRevoked } from './partner';

export { ApplicationAccepted, ApplicationAcceptedV1, WorkspaceNeedsV1 } from './application-accepted.v1';
export {
  ApplicationRejected,
  ApplicationRejectedV1,
  ApplicationWaitlisted,
  ApplicationWaitlistedV1,
  ApplicationWithdrawn,
  ApplicationWithdrawnV1,
} from './application-decided.v1';
export { ApplicationReviewStarted, ApplicationReviewStartedV1 } from './application-review-started.v1';
export { ApplicationScored, ApplicationScoredV1 } from './application-scored.v1';
export { ApplicationSubmitted, ApplicationSubmittedV1 } from './application-submitted.v1';
export { PUBLIC_PROFILE_FIELDS, StartupProfileUpdated, StartupProfileUpdatedV1 } from './startup-profile-updated.v1';
export { StartupRegistered, StartupRegisteredV1 } from './startup-registered.v1';
export {
  ALLOCATED_SPACE_KINDS,
  ResidencyAllocated,
  ResidencyAllocatedV1,
  ResidencyReferenceV1,
  ResidencyWaitlisted,
  ResidencyWaitlistedV1,
} from './residency-events.v1';
export {
  RESIDENCY_OUTCOMES,
  ResidencyEnded,
  ResidencyEndedV1,
  ResidencyExtended,
  ResidencyExtendedV1,
  ResidencyMoved,
  ResidencyMovedV1,
  ResidencyStarted,
  ResidencyStartedV1,
  type ResidencyOutcome,
} from './residency-lifecycle.v1';
export { OccupancyChanged, OccupancyChangedV1, UsageV1 } from './occupancy-changed.v1';
export { REPORT_PERIOD, ResidentReportSubmitted, ResidentReportSubmittedV1 } from './resident-report-submitted.v1';
export { KpiUpdated, KpiUpdatedV1 } from './kpi-updated.v1';
export {
  SpaceRegistered,
  SpaceRegisteredV1,
  SpaceRetired,
  SpaceRetiredV1,
  SpaceUpdated,
  SpaceUpdatedV1,
} from './space-events.v1';
export { ActorV1, ACTOR_ROLES } from './shared/actor.v1';
export { FundingActorV1, FUNDING_ACTOR_ROLES } from './shared/funding-actor.v1';
export * from './funding';
export { EventActorV1, EVENT_ACTOR_ROLES } from './shared/event-actor.v1';
export * from './community';
export { ApplicationReferenceV1 } from './shared/application-reference.v1';
export {
  LEGAL_FORMS,
  PROGRAM_KINDS,
  ROOM_TYPES,
  SECTORS,
  SPACE_KINDS,
  STAGES,
  type LegalForm,
  type ProgramKind,
  type RoomType,
  type Sector,
  type SpaceKind,
  type Stage,
} from './shared/sectors';

export * from './partner';

/** Every event type the platform publishes: the public API partners build on. */
export const PUBLISHED_EVENTS: readonly EventContract[] = [
  StartupRegistered,
  StartupProfileUpdated,
  ApplicationSubmitted,
  ApplicationReviewStarted,
  ApplicationScored,
  ApplicationAccepted,
  ApplicationRejected,
  ApplicationWaitlisted,
  ApplicationWithdrawn,
  SpaceRegistered,
  SpaceUpdated,
  SpaceRetired,
  ResidencyAllocated,
  ResidencyWaitlisted,
  ResidencyStarted,
  ResidencyExtended,
  ResidencyMoved,
  ResidencyEnded,
  OccupancyChanged,
  ResidentReportSubmitted,
  KpiUpdated,
  FunderRegistered,
  FunderUpdated,
  FundingWindowOpened,
  FundingWindowClosed,
  MatchQualified,
  IntroductionRequested,
  IntroductionAccepted,
  IntroductionDeclined,
  DealStageChanged,
  FundingRaised,
  EventScheduled,
  EventUpdated,
  EventPostponed,
  EventCancelled,
  EventCompleted,
  RegistrationConfirmed,
  RegistrationWaitlisted,
  RegistrationPromoted,
  RegistrationCancelled,
  AttendanceCheckedIn,
  InvestorInterestRecorded,
  CompetitionResultsPublished,
  PartnerConsentGranted,
  PartnerConsentRevoked,
];
