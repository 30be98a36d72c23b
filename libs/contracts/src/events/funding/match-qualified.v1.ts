import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../../lib/event-contract';
import { IsDecimal } from '../../lib/validators';
import { FundingActorV1 } from '../shared/funding-actor.v1';
import { MATCH_CRITERIA, type MatchCriterion } from './funding-terms';

/** What one criterion added to a match's score, and why. */
export class ScoreContributionV1 {
  @IsIn(MATCH_CRITERIA)
  criterion!: MatchCriterion;

  @IsDecimal(1)
  @Min(0)
  @Max(100)
  points!: number;

  /** The criterion's weight on the site: the most it can add. */
  @IsInt()
  @Min(0)
  @Max(100)
  weight!: number;

  @IsString()
  @Length(1, 300)
  rationale!: string;
}

/** A startup's match with a funder passed every gate and reached the site's threshold (or staff pinned it). */
export class MatchQualifiedV1 {
  /** `<startupId>:<funderId>` */
  @IsString()
  @Length(3, 200)
  matchId!: string;

  @IsUUID()
  startupId!: string;

  @Matches(/^[a-z0-9][a-z0-9-]{0,79}$/)
  funderId!: string;

  @IsDecimal(1)
  @Min(0)
  @Max(100)
  score!: number;

  @IsInt()
  @Min(0)
  @Max(100)
  threshold!: number;

  /** The version of the site's weights that produced the score. */
  @IsInt()
  @Min(1)
  weightsVersion!: number;

  @ArrayMinSize(1)
  @ArrayMaxSize(MATCH_CRITERIA.length)
  @ValidateNested({ each: true })
  @Type(() => ScoreContributionV1)
  contributions!: ScoreContributionV1[];

  /** Staff pinned it: qualified whatever its score. */
  @IsBoolean()
  pinned!: boolean;

  /** Whether the startup was in residency on the site (moved in, not gone) when it qualified. */
  @IsBoolean()
  resident!: boolean;

  @ValidateNested()
  @Type(() => FundingActorV1)
  actor!: FundingActorV1;
}

export const MatchQualified = defineEvent<MatchQualifiedV1>({
  type: 'ma.technopark.match.qualified.v1',
  stream: 'funding-matches',
  producer: 'funding-matching',
  aggregate: 'startup',
  payload: MatchQualifiedV1,
  subjectOf: (event) => event.startupId,
  description:
    "A startup's match with a funder crossed the site's threshold (published once per crossing, not per recomputation).",
  example: {
    matchId: '6f1c1c2e-5a43-4b7e-9a53-0b1c2d3e4f50:plug-and-play-morocco',
    startupId: '6f1c1c2e-5a43-4b7e-9a53-0b1c2d3e4f50',
    funderId: 'plug-and-play-morocco',
    score: 82.5,
    threshold: 60,
    weightsVersion: 1,
    contributions: [
      { criterion: 'sector', points: 25, weight: 25, rationale: "sector ai is in the funder's focus: +25" },
      { criterion: 'stage', points: 20, weight: 20, rationale: 'stage mvp is one the funder invests at: +20' },
      {
        criterion: 'ticket',
        points: 20,
        weight: 20,
        rationale: 'the 800,000 MAD sought is within the ticket range: +20',
      },
      { criterion: 'instrument', points: 7.5, weight: 15, rationale: 'no instrument named yet: +7.5' },
      { criterion: 'traction', points: 5, weight: 10, rationale: 'revenue reported, not exporting, 4 people: +5' },
      { criterion: 'residency', points: 5, weight: 10, rationale: 'accepted, not moved in yet: +5' },
    ],
    pinned: false,
    resident: true,
    actor: { id: 'funding-matcher', role: 'system' },
  },
});
