import type { FunderRequirementsV1, Instrument, LegalForm, MatchCriterion, Sector, Stage } from '@technopark/contracts';

/** A residency of the startup on this site, as residency's events told it. */
export interface ResidencyFact {
  readonly residencyId: string;
  readonly programId: string;
  readonly status: 'waitlisted' | 'allocated' | 'started' | 'ended';
  readonly startedOn?: string;
  readonly endedOn?: string;
  readonly outcome?: string;
}

export interface ReportFact {
  readonly period: string;
  readonly revenueMad: number;
  readonly headcount: number;
  readonly exporting: boolean;
}

/** What the startup says it seeks. */
export interface Seeking {
  readonly amountMad: number;
  readonly instrument?: Instrument;
  readonly useOfFunds: string;
}

/** Everything a match reads about a startup: kept from other services' events, plus what it seeks. */
export interface StartupFacts {
  readonly startupId: string;
  readonly legalForm: LegalForm;
  readonly sectors: readonly Sector[];
  readonly stage: Stage;
  readonly teamSize: number;
  readonly residencies: readonly ResidencyFact[];
  readonly latestReport?: ReportFact;
  readonly seeking?: Seeking;
}

export interface FundingWindow {
  readonly windowId: string;
  readonly opensOn: string;
  readonly closesOn: string;
}

/** A funder's criteria, as a match reads them. */
export interface FunderCriteria {
  readonly funderId: string;
  readonly sectors: readonly Sector[];
  readonly stages: readonly Stage[];
  readonly ticketMinMad: number;
  readonly ticketMaxMad: number;
  readonly instruments: readonly Instrument[];
  readonly sites: readonly string[];
  readonly requirements: FunderRequirementsV1;
  readonly windows: readonly FundingWindow[];
}

/** A site's weights: the most each criterion adds (summing to 100), and the score a match must reach to qualify. */
export interface MatchWeights {
  readonly version: number;
  readonly threshold: number;
  readonly weights: Readonly<Record<MatchCriterion, number>>;
}
