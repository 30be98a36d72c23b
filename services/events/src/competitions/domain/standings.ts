import { averageOf } from '@technopark/platform';
import type { Competition } from '../schemas/competition.schema';
import type { JuryScore } from '../schemas/jury-score.schema';
import type { Team } from '../schemas/team.schema';
import { rankTeams } from './ranking';

/** A team's standing while the jury works: whose scores are in, and its average and rank once all are. */
export interface Standing {
  readonly team: Team;
  readonly scores: readonly Pick<JuryScore, 'jurorId' | 'score'>[];
  readonly missingJurorIds: readonly string[];
  readonly score?: number;
  readonly rank?: number;
  readonly tiedWith?: readonly string[];
}

/**
 * Every team's standing. Only the scores of the jury as it is now count (a juror taken off the jury
 * no longer weighs); a team is ranked among the teams every juror has scored.
 */
export function standingsOf(
  competition: Pick<Competition, 'jurorIds'>,
  teams: readonly Team[],
  scores: readonly JuryScore[],
): Standing[] {
  const jury = new Set(competition.jurorIds);
  const partial = teams.map((team) => {
    const given = scores.filter((score) => score.teamId === team._id && jury.has(score.jurorId));
    const scored = new Set(given.map((score) => score.jurorId));
    const missingJurorIds = competition.jurorIds.filter((jurorId) => !scored.has(jurorId));
    return {
      team,
      scores: given.map(({ jurorId, score }) => ({ jurorId, score })),
      missingJurorIds,
      ...(missingJurorIds.length === 0 && { score: averageOf(given.map((score) => score.score)) }),
    };
  });
  const ranked = new Map(
    rankTeams(
      partial.flatMap((standing) =>
        standing.score === undefined ? [] : [{ teamId: standing.team._id, score: standing.score }],
      ),
    ).map((place) => [place.teamId, place]),
  );
  return partial.map((standing) => {
    const place = ranked.get(standing.team._id);
    return place ? { ...standing, rank: place.rank, tiedWith: place.tiedWith } : standing;
  });
}
