import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../../lib/event-contract';
import { FundingActorV1 } from '../shared/funding-actor.v1';
import { SECTORS, STAGES, type Sector, type Stage } from '../shared/sectors';
import { FUNDER_KINDS, INSTRUMENTS, type FunderKind, type Instrument } from './funding-terms';

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** Conditions a startup must meet before any score: each failed one is a gate with its reason. */
export class FunderRequirementsV1 {
  /** Only registered companies (not project holders or cooperatives). */
  @IsBoolean()
  incorporated!: boolean;

  @IsOptional()
  @IsInt()
  @Min(0)
  minRevenueMad?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  minHeadcount?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  minResidencyMonths?: number;

  /** Only residents or graduates of this program (e.g. `plug-and-play-acceleration`). */
  @IsOptional()
  @IsString()
  @Length(1, 100)
  alumniOfProgram?: string;
}

/** A period when the funder takes applications; a funder without windows takes them all year. */
export class FundingWindowPeriodV1 {
  @Matches(SLUG)
  windowId!: string;

  /** First day open, `YYYY-MM-DD`. */
  @IsISO8601({ strict: true })
  opensOn!: string;

  /** Last day open, `YYYY-MM-DD`. */
  @IsISO8601({ strict: true })
  closesOn!: string;
}

/** A funder's public criteria profile. Its contacts' personal data is not published. */
export class FunderProfileV1 {
  @Matches(SLUG, { message: 'funderId must be a lower-case slug' })
  funderId!: string;

  @IsString()
  @Length(1, 200)
  name!: string;

  @IsIn(FUNDER_KINDS)
  kind!: FunderKind;

  @ArrayMinSize(1)
  @IsIn(SECTORS, { each: true })
  sectors!: Sector[];

  @ArrayMinSize(1)
  @IsIn(STAGES, { each: true })
  stages!: Stage[];

  @IsInt()
  @Min(0)
  ticketMinMad!: number;

  @IsInt()
  @Min(1)
  ticketMaxMad!: number;

  @ArrayMinSize(1)
  @IsIn(INSTRUMENTS, { each: true })
  instruments!: Instrument[];

  /** The sites it covers. */
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Matches(/^[a-z][a-z0-9-]{1,39}$/, { each: true })
  sites!: string[];

  @ValidateNested()
  @Type(() => FunderRequirementsV1)
  requirements!: FunderRequirementsV1;

  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => FundingWindowPeriodV1)
  windows!: FundingWindowPeriodV1[];

  /** The partner program it belongs to, e.g. `plug-and-play`. */
  @IsOptional()
  @IsString()
  @Length(1, 100)
  partnerId?: string;

  @ValidateNested()
  @Type(() => FundingActorV1)
  actor!: FundingActorV1;
}

export const FUNDER_PROFILE_FIELDS = [
  'name',
  'kind',
  'sectors',
  'stages',
  'ticketMinMad',
  'ticketMaxMad',
  'instruments',
  'sites',
  'requirements',
  'windows',
  'partnerId',
] as const;

/** The whole profile after a change (consumers replace theirs) and which fields changed. */
export class FunderUpdatedV1 extends FunderProfileV1 {
  @ArrayMinSize(1)
  @IsIn(FUNDER_PROFILE_FIELDS, { each: true })
  changedFields!: (typeof FUNDER_PROFILE_FIELDS)[number][];
}

export const EXAMPLE_FUNDER: FunderProfileV1 = {
  funderId: 'plug-and-play-morocco',
  name: 'Plug and Play Morocco',
  kind: 'corporate-program',
  sectors: ['fintech', 'greentech', 'ai'],
  stages: ['mvp', 'revenue'],
  ticketMinMad: 200_000,
  ticketMaxMad: 1_500_000,
  instruments: ['equity', 'convertible'],
  sites: ['casablanca', 'rabat'],
  requirements: { incorporated: true, minResidencyMonths: 3 },
  windows: [{ windowId: '2027-spring', opensOn: '2027-03-01', closesOn: '2027-04-30' }],
  partnerId: 'plug-and-play',
  actor: { id: 'admin-1', role: 'platform-admin' },
};

export const FunderRegistered = defineEvent<FunderProfileV1>({
  type: 'ma.technopark.funder.registered.v1',
  stream: 'funders',
  producer: 'funding-matching',
  aggregate: 'funder',
  payload: FunderProfileV1,
  subjectOf: (event) => event.funderId,
  description: "A funder (fund, angel network, grant, loan or partner program) joined the site's funding registry.",
  example: EXAMPLE_FUNDER,
});

export const FunderUpdated = defineEvent<FunderUpdatedV1>({
  type: 'ma.technopark.funder.updated.v1',
  stream: 'funders',
  producer: 'funding-matching',
  aggregate: 'funder',
  payload: FunderUpdatedV1,
  subjectOf: (event) => event.funderId,
  description: "A funder's criteria changed: the whole profile and the fields that changed.",
  example: { ...EXAMPLE_FUNDER, ticketMaxMad: 2_000_000, changedFields: ['ticketMaxMad'] },
});
