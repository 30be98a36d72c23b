import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { defineEvent } from '../../lib/event-contract';
import { EventActorV1 } from '../shared/event-actor.v1';

/** Event kinds that are judged: their results are published. */
export const JUDGED_EVENT_KINDS = ['competition', 'hackathon'] as const;
export type JudgedEventKind = (typeof JUDGED_EVENT_KINDS)[number];

/** What a rank wins: a title and, for a cash prize, its amount in MAD. */
export class PrizeV1 {
  @IsString()
  @Length(1, 120)
  label!: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  amountMad?: number;

  /** Who gives it (Plug and Play, a funder), when it is not the site. */
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,79}$/)
  sponsorId?: string;
}

/** One team's place: its rank (tied teams share it unless the jury ordered them), its jury average, its prize. */
export class TeamResultV1 {
  @IsUUID()
  teamId!: string;

  @IsString()
  @Length(1, 120)
  teamName!: string;

  /** The startup the team is, absent for a group of people. */
  @IsOptional()
  @IsUUID()
  startupId?: string;

  @IsInt()
  @Min(1)
  @Max(1000)
  memberCount!: number;

  @IsInt()
  @Min(1)
  rank!: number;

  /** The jurors' scores averaged, out of 100. */
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  score!: number;

  /** Set when the jury ordered teams whose averages tied. */
  @IsOptional()
  @IsIn(['jury'])
  tieBrokenBy?: 'jury';

  @IsOptional()
  @ValidateNested()
  @Type(() => PrizeV1)
  prize?: PrizeV1;
}

/** A competition's or hackathon's results, once: every team ranked, winners with their prizes. */
export class CompetitionResultsPublishedV1 {
  @IsUUID()
  eventId!: string;

  @IsIn(JUDGED_EVENT_KINDS)
  kind!: JudgedEventKind;

  @IsInt()
  @Min(1)
  @Max(50)
  jurors!: number;

  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => TeamResultV1)
  results!: TeamResultV1[];

  @ValidateNested()
  @Type(() => EventActorV1)
  actor!: EventActorV1;
}

export const CompetitionResultsPublished = defineEvent<CompetitionResultsPublishedV1>({
  type: 'ma.technopark.competition.results-published.v1',
  stream: 'site-events',
  producer: 'events',
  aggregate: 'event',
  payload: CompetitionResultsPublishedV1,
  subjectOf: (event) => event.eventId,
  description:
    "A competition's or hackathon's results: every team ranked by its jury average, the winners with their prizes (a cash prize in MAD is money a startup raised).",
  example: {
    eventId: '2c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f',
    kind: 'competition',
    jurors: 3,
    results: [
      {
        teamId: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d',
        teamName: 'Argan Analytics',
        startupId: '6f1c1c2e-5a43-4b7e-9a53-0b1c2d3e4f50',
        memberCount: 3,
        rank: 1,
        score: 86.5,
        prize: { label: 'Grand prix', amountMad: 100_000, sponsorId: 'plug-and-play-morocco' },
      },
      {
        teamId: '9e8d7c6b-5a4f-4e3d-9c2b-1a0f9e8d7c6b',
        teamName: 'Team Souss',
        memberCount: 2,
        rank: 2,
        score: 79,
        prize: { label: 'Second prize' },
      },
    ],
    actor: { id: 'staff-12', role: 'site-staff' },
  },
});
