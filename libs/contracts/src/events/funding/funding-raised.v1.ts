import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  Equals,
  IsIn,
  IsISO8601,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../../lib/event-contract';
import { IsDecimal } from '../../lib/validators';
import { FundingActorV1 } from '../shared/funding-actor.v1';
import { SECTORS, STAGES, type Sector, type Stage } from '../shared/sectors';
import { FUNDING_EVIDENCE_KINDS, INSTRUMENTS, type FundingEvidenceKind, type Instrument } from './funding-terms';

/** Money a startup raised from a funder, with the kind of evidence staff hold. Feeds the funding KPIs. */
export class FundingRaisedV1 {
  @IsUUID()
  fundingId!: string;

  @IsUUID()
  startupId!: string;

  @Matches(/^[a-z0-9][a-z0-9-]{0,79}$/)
  funderId!: string;

  /** The introduction it came from, absent for money raised without one. */
  @IsOptional()
  @IsUUID()
  introductionId?: string;

  /** The day the introduction was requested: the start of the time to funding. */
  @IsOptional()
  @IsISO8601({ strict: true })
  introducedOn?: string;

  @IsDecimal(2)
  @Min(1)
  @Max(10_000_000_000)
  amount!: number;

  @Equals('MAD')
  currency!: 'MAD';

  @IsIn(INSTRUMENTS)
  instrument!: Instrument;

  /** The day the deal closed, `YYYY-MM-DD`. */
  @IsISO8601({ strict: true })
  raisedOn!: string;

  @IsIn(FUNDING_EVIDENCE_KINDS)
  evidence!: FundingEvidenceKind;

  /** The startup's sectors and stage when it raised. */
  @ArrayMinSize(1)
  @IsIn(SECTORS, { each: true })
  sectors!: Sector[];

  @IsIn(STAGES)
  stage!: Stage;

  /** The month its residency started (`YYYY-MM`), absent when it never moved in. */
  @IsOptional()
  @Matches(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/)
  cohort?: string;

  @ValidateNested()
  @Type(() => FundingActorV1)
  actor!: FundingActorV1;
}

export const FundingRaised = defineEvent<FundingRaisedV1>({
  type: 'ma.technopark.funding.raised.v1',
  stream: 'fundings',
  producer: 'funding-matching',
  aggregate: 'startup',
  payload: FundingRaisedV1,
  subjectOf: (event) => event.startupId,
  description:
    'A startup raised money (MAD) from a funder, recorded by staff or the startup with evidence of the deal.',
  example: {
    fundingId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    startupId: '6f1c1c2e-5a43-4b7e-9a53-0b1c2d3e4f50',
    funderId: 'plug-and-play-morocco',
    introductionId: '3d5e7f90-1a2b-4c3d-8e4f-5a6b7c8d9e0f',
    introducedOn: '2027-03-04',
    amount: 800000,
    currency: 'MAD',
    instrument: 'equity',
    raisedOn: '2027-06-18',
    evidence: 'signed-agreement',
    sectors: ['agritech', 'ai'],
    stage: 'revenue',
    cohort: '2026-12',
    actor: { id: 'staff-12', role: 'site-staff' },
  },
});
