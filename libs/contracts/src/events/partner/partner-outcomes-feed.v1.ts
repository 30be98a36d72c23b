import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { defineEvent } from '../../lib/event-contract';
import { IsDecimal } from '../../lib/validators';
import { JUDGED_EVENT_KINDS, type JudgedEventKind } from '../community/competition-results.v1';
import { INSTRUMENTS, type Instrument } from '../funding/funding-terms';
import { PARTNER_FEED, PartnerStartupEventV1 } from './partner-feed-base.v1';

const startupId = '6f1c1c2e-5a43-4b7e-9a53-0b1c2d3e4f50';

/** Scope `reports`: a resident's quarterly figures. */
export class PartnerReportSubmittedV1 extends PartnerStartupEventV1 {
  @Matches(/^\d{4}-Q[1-4]$/)
  period!: string;

  @IsInt()
  @Min(0)
  @Max(100_000)
  headcount!: number;

  /** Revenue of the period in Moroccan dirhams. */
  @IsDecimal(2)
  @Min(0)
  revenueMad!: number;

  @IsBoolean()
  exporting!: boolean;
}

export const PartnerReportSubmitted = defineEvent<PartnerReportSubmittedV1>({
  type: 'ma.technopark.partner.report-submitted.v1',
  ...PARTNER_FEED,
  aggregate: 'startup',
  payload: PartnerReportSubmittedV1,
  subjectOf: (event) => event.startupId,
  description: "Scope reports: a resident startup's quarterly headcount, revenue and exports.",
  example: { startupId, site: 'casablanca', period: '2026-Q3', headcount: 12, revenueMad: 480_000, exporting: true },
});

/** Scope `funding`: money raised, without the funder's contacts or the deal's evidence. */
export class PartnerFundingRaisedV1 extends PartnerStartupEventV1 {
  @IsUUID()
  fundingId!: string;

  @IsDecimal(2)
  @Min(1)
  @Max(10_000_000_000)
  amountMad!: number;

  @IsIn(INSTRUMENTS)
  instrument!: Instrument;

  @IsISO8601({ strict: true })
  raisedOn!: string;
}

export const PartnerFundingRaised = defineEvent<PartnerFundingRaisedV1>({
  type: 'ma.technopark.partner.funding-raised.v1',
  ...PARTNER_FEED,
  aggregate: 'startup',
  payload: PartnerFundingRaisedV1,
  subjectOf: (event) => event.startupId,
  description: 'Scope funding: a startup raised money (amount, instrument, day).',
  example: {
    startupId,
    site: 'casablanca',
    fundingId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    amountMad: 1_500_000,
    instrument: 'equity',
    raisedOn: '2026-11-20',
  },
});

/** Scope `events`: the startup's place in a judged competition, never the jury's marks. */
export class PartnerCompetitionPlacedV1 extends PartnerStartupEventV1 {
  @IsUUID()
  eventId!: string;

  @IsIn(JUDGED_EVENT_KINDS)
  kind!: JudgedEventKind;

  @IsInt()
  @Min(1)
  rank!: number;

  @IsInt()
  @Min(1)
  teams!: number;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  prize?: string;
}

export const PartnerCompetitionPlaced = defineEvent<PartnerCompetitionPlacedV1>({
  type: 'ma.technopark.partner.competition-placed.v1',
  ...PARTNER_FEED,
  aggregate: 'startup',
  payload: PartnerCompetitionPlacedV1,
  subjectOf: (event) => event.startupId,
  description: "Scope events: a startup's rank in a competition or hackathon, with its prize if it won one.",
  example: {
    startupId,
    site: 'casablanca',
    eventId: '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f',
    kind: 'hackathon',
    rank: 1,
    teams: 14,
    prize: 'First prize',
  },
});
