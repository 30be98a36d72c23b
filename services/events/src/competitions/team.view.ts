import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EventActorView } from '../common/event-actor.view';
import type { Standing } from './domain/standings';
import type { JuryScore } from './schemas/jury-score.schema';
import type { Team } from './schemas/team.schema';

export class TeamView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ example: 'Argan Analytics' })
  name!: string;

  @ApiPropertyOptional({ format: 'uuid', description: "A startup's team" })
  startupId?: string;

  @ApiProperty({ type: [String], description: "A group's people (token subjects); empty for a startup's team" })
  memberIds!: string[];

  @ApiProperty({ example: 3 })
  memberCount!: number;

  @ApiProperty({ type: EventActorView })
  enteredBy!: EventActorView;

  @ApiProperty({ format: 'date-time' })
  enteredAt!: string;
}

export class TeamList {
  @ApiProperty({ type: [TeamView] })
  items!: TeamView[];
}

export class JurorScoreView {
  @ApiProperty({ example: 'juror-amal' })
  jurorId!: string;

  @ApiProperty({ example: 82.5, description: 'Out of 100' })
  score!: number;
}

export class JuryScoreView extends JurorScoreView {
  @ApiProperty({ format: 'uuid' })
  teamId!: string;

  @ApiProperty({ example: { innovation: 8, impact: 7, pitch: 9 } })
  marks!: Record<string, number>;

  @ApiPropertyOptional()
  comment?: string;

  @ApiProperty({ format: 'date-time' })
  scoredAt!: string;
}

export class StandingView {
  @ApiProperty({ type: TeamView })
  team!: TeamView;

  @ApiProperty({ type: [JurorScoreView] })
  scores!: JurorScoreView[];

  @ApiProperty({ type: [String], description: 'Jurors who have not scored the team yet' })
  missingJurorIds!: string[];

  @ApiPropertyOptional({ example: 84.17, description: 'The average, once every juror scored' })
  score?: number;

  @ApiPropertyOptional({ example: 1 })
  rank?: number;

  @ApiPropertyOptional({ type: [String], description: 'Teams sharing the rank' })
  tiedWith?: string[];
}

export class StandingsView {
  @ApiProperty({ enum: ['judging', 'results-published'] })
  status!: 'judging' | 'results-published';

  @ApiProperty({ type: [StandingView], description: 'Ranked teams first, best first; then teams still being scored' })
  items!: StandingView[];
}

export function teamView(team: Team): TeamView {
  return {
    id: team._id,
    eventId: team.eventId,
    name: team.name,
    ...(team.startupId && { startupId: team.startupId }),
    memberIds: team.memberIds,
    memberCount: team.memberCount,
    enteredBy: team.enteredBy,
    enteredAt: new Date(team.createdAt).toISOString(),
  };
}

export function juryScoreView(score: JuryScore): JuryScoreView {
  return {
    teamId: score.teamId,
    jurorId: score.jurorId,
    score: score.score,
    marks: score.marks,
    ...(score.comment !== undefined && { comment: score.comment }),
    scoredAt: new Date(score.updatedAt).toISOString(),
  };
}

export function standingView(standing: Standing): StandingView {
  return {
    team: teamView(standing.team),
    scores: standing.scores.map(({ jurorId, score }) => ({ jurorId, score })),
    missingJurorIds: [...standing.missingJurorIds],
    ...(standing.score !== undefined && { score: standing.score }),
    ...(standing.rank !== undefined && { rank: standing.rank, tiedWith: [...(standing.tiedWith ?? [])] }),
  };
}

/** Ranked teams first, best first, then the rest in the order they entered. */
export function byStanding(a: Standing, b: Standing): number {
  return (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER);
}
