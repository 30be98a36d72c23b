import {
  ApplicationAccepted,
  type ApplicationAcceptedV1,
  ApplicationSubmitted,
  type ApplicationSubmittedV1,
  CompetitionResultsPublished,
  type CompetitionResultsPublishedV1,
  type EventContract,
  FundingRaised,
  type FundingRaisedV1,
  PartnerApplicationAccepted,
  PartnerApplicationSubmitted,
  PartnerCompetitionPlaced,
  PartnerFundingRaised,
  PartnerReportSubmitted,
  PartnerResidencyEnded,
  PartnerResidencyStarted,
  PartnerStartupProfile,
  ResidencyEnded,
  type ResidencyEndedV1,
  ResidencyStarted,
  type ResidencyStartedV1,
  ResidentReportSubmitted,
  type ResidentReportSubmittedV1,
  StartupProfileUpdated,
  StartupRegistered,
  type StartupRegisteredV1,
} from '@technopark/contracts';
import type { FeedItem } from './feed-item';

type Translate = (data: never, site: string) => FeedItem[];

const profile: Translate = (data: StartupRegisteredV1, site) => {
  const { startupId, name, legalForm, foundedOn, sectors, stage, teamSize } = data;
  const payload = { startupId, site, name, legalForm, foundedOn, sectors, stage, teamSize };
  return [{ scope: 'profile', contract: PartnerStartupProfile, payload }];
};

const submitted: Translate = (data: ApplicationSubmittedV1, site) => {
  const { startupId, applicationId, programId, callId, submittedAt } = data;
  const payload = { startupId, site, applicationId, programId, callId, submittedAt };
  return [{ scope: 'applications', contract: PartnerApplicationSubmitted, payload, programId }];
};

const accepted: Translate = (data: ApplicationAcceptedV1, site) => {
  const { startupId, applicationId, programId, callId, programName, programKind, durationMonths } = data;
  const payload = { startupId, site, applicationId, programId, callId, programName, programKind, durationMonths };
  return [
    {
      scope: 'applications',
      contract: PartnerApplicationAccepted,
      payload,
      programId,
      ...(data.partnerId && { programPartnerId: data.partnerId }),
    },
  ];
};

const residencyStarted: Translate = (data: ResidencyStartedV1, site) => {
  const { startupId, residencyId, programId, programKind, startedOn, plannedEndOn } = data;
  const payload = { startupId, site, residencyId, programId, programKind, startedOn, plannedEndOn };
  return [{ scope: 'residency', contract: PartnerResidencyStarted, payload, programId }];
};

const residencyEnded: Translate = (data: ResidencyEndedV1, site) => {
  const { startupId, residencyId, programId, programKind, endedOn, outcome } = data;
  const payload = { startupId, site, residencyId, programId, programKind, endedOn, outcome };
  return [{ scope: 'residency', contract: PartnerResidencyEnded, payload, programId }];
};

const report: Translate = (data: ResidentReportSubmittedV1, site) => {
  const { startupId, period, headcount, revenueMad, exporting, programId } = data;
  const payload = { startupId, site, period, headcount, revenueMad, exporting };
  return [{ scope: 'reports', contract: PartnerReportSubmitted, payload, programId }];
};

const raised: Translate = (data: FundingRaisedV1, site) => {
  const { startupId, fundingId, amount, instrument, raisedOn } = data;
  const payload = { startupId, site, fundingId, amountMad: amount, instrument, raisedOn };
  return [{ scope: 'funding', contract: PartnerFundingRaised, payload }];
};

/** One item per startup team: group teams of individuals carry people, never shared. */
const placed: Translate = (data: CompetitionResultsPublishedV1, site) =>
  data.results.flatMap((team) =>
    team.startupId
      ? [
          {
            scope: 'events' as const,
            contract: PartnerCompetitionPlaced,
            payload: {
              startupId: team.startupId,
              site,
              eventId: data.eventId,
              kind: data.kind,
              rank: team.rank,
              teams: data.results.length,
              ...(team.prize && { prize: team.prize.label }),
            },
          },
        ]
      : [],
  );

/** The site events partners can receive something of, and what each becomes. */
const TRANSLATIONS = new Map<EventContract, Translate>([
  [StartupRegistered, profile],
  [StartupProfileUpdated, profile],
  [ApplicationSubmitted, submitted],
  [ApplicationAccepted, accepted],
  [ResidencyStarted, residencyStarted],
  [ResidencyEnded, residencyEnded],
  [ResidentReportSubmitted, report],
  [FundingRaised, raised],
  [CompetitionResultsPublished, placed],
]);

/** What one site event becomes for partners: only the fields each scope allows. */
export function feedItemsOf(contract: EventContract, data: object, site: string): FeedItem[] {
  const translate = TRANSLATIONS.get(contract);
  return translate ? translate(data as never, site) : [];
}
