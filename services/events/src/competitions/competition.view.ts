import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { JUDGED_EVENT_KINDS, type JudgedEventKind, type TeamResultV1 } from '@technopark/contracts';
import { RubricCriterionDto } from '@technopark/platform';
import { PrizeDto } from './dto/competition.dto';
import type { Competition } from './schemas/competition.schema';

export class PrizeView {
  @ApiProperty({ example: 'Grand prix' })
  label!: string;

  @ApiPropertyOptional({ example: 100_000, description: 'In MAD' })
  amountMad?: number;

  @ApiPropertyOptional({ example: 'plug-and-play-morocco' })
  sponsorId?: string;
}

export class TeamResultView {
  @ApiProperty({ format: 'uuid' })
  teamId!: string;

  @ApiProperty({ example: 'Argan Analytics' })
  teamName!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  startupId?: string;

  @ApiProperty({ example: 3 })
  memberCount!: number;

  @ApiProperty({ example: 1, description: 'Tied teams share a rank unless the jury ordered them' })
  rank!: number;

  @ApiProperty({ example: 86.5, description: "The jurors' scores averaged, out of 100" })
  score!: number;

  @ApiPropertyOptional({ enum: ['jury'] })
  tieBrokenBy?: 'jury';

  @ApiPropertyOptional({ type: PrizeView })
  prize?: PrizeView;
}

export class CompetitionView {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ enum: JUDGED_EVENT_KINDS })
  kind!: JudgedEventKind;

  @ApiProperty({ type: [RubricCriterionDto] })
  rubric!: RubricCriterionDto[];

  @ApiProperty({ type: [String], example: ['juror-amal', 'juror-youssef'] })
  jurorIds!: string[];

  @ApiProperty({ type: [PrizeDto] })
  prizes!: PrizeDto[];

  @ApiProperty({ enum: ['judging', 'results-published'] })
  status!: 'judging' | 'results-published';

  @ApiPropertyOptional({ type: [TeamResultView], description: 'Once published' })
  results?: TeamResultView[];

  @ApiPropertyOptional({ format: 'date-time' })
  resultsPublishedAt?: string;
}

/** What anyone may read of a competition once its results are out. */
export class PublicResultsView {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ enum: JUDGED_EVENT_KINDS })
  kind!: JudgedEventKind;

  @ApiProperty({ example: 3 })
  jurors!: number;

  @ApiProperty({ type: [TeamResultView] })
  results!: TeamResultView[];

  @ApiProperty({ format: 'date-time' })
  publishedAt!: string;
}

export function competitionView(competition: Competition): CompetitionView {
  return {
    eventId: competition._id,
    kind: competition.kind,
    rubric: competition.rubric.map(({ criterion, weight, description }) => ({
      criterion,
      weight,
      ...(description !== undefined && { description }),
    })),
    jurorIds: competition.jurorIds,
    prizes: competition.prizes,
    status: competition.results ? 'results-published' : 'judging',
    ...(competition.results && { results: competition.results.map(teamResultView) }),
    ...(competition.resultsPublishedAt && {
      resultsPublishedAt: new Date(competition.resultsPublishedAt).toISOString(),
    }),
  };
}

export function publicResultsView(competition: Competition): PublicResultsView {
  return {
    eventId: competition._id,
    kind: competition.kind,
    jurors: competition.jurorIds.length,
    results: (competition.results ?? []).map(teamResultView),
    publishedAt: new Date(competition.resultsPublishedAt as Date).toISOString(),
  };
}

/** Only the published fields, whatever else the stored entry carries. */
function teamResultView(result: TeamResultV1): TeamResultView {
  const { teamId, teamName, startupId, memberCount, rank, score, tieBrokenBy, prize } = result;
  return {
    teamId,
    teamName,
    ...(startupId && { startupId }),
    memberCount,
    rank,
    score,
    ...(tieBrokenBy && { tieBrokenBy }),
    ...(prize && { prize }),
  };
}
