import type { EventContract } from '../../lib/event-contract';
import { PartnerCompetitionPlaced, PartnerFundingRaised, PartnerReportSubmitted } from './partner-outcomes-feed.v1';
import {
  PartnerApplicationAccepted,
  PartnerApplicationSubmitted,
  PartnerResidencyEnded,
  PartnerResidencyStarted,
  PartnerStartupProfile,
} from './partner-startup-feed.v1';
import type { PartnerScope } from './partner-terms';

export * from './partner-terms';
export * from './partner-consent.v1';
export * from './partner-feed-base.v1';
export * from './partner-startup-feed.v1';
export * from './partner-outcomes-feed.v1';

/** The partner-facing contract of each scope: what a partner may subscribe to. */
export const PARTNER_EVENTS_BY_SCOPE: Readonly<Record<PartnerScope, readonly EventContract[]>> = {
  profile: [PartnerStartupProfile],
  applications: [PartnerApplicationSubmitted, PartnerApplicationAccepted],
  residency: [PartnerResidencyStarted, PartnerResidencyEnded],
  reports: [PartnerReportSubmitted],
  funding: [PartnerFundingRaised],
  events: [PartnerCompetitionPlaced],
};

/** Every partner-facing event type: delivered to partners only, documented in each partner's AsyncAPI. */
export const PARTNER_EVENTS: readonly EventContract[] = Object.values(PARTNER_EVENTS_BY_SCOPE).flat();
