import type { PrizeV1, TeamResultV1 } from '@technopark/contracts';
import { noTeams, scoringIncomplete, tieForPrize } from '../competitions.errors';
import type { Competition, Prize } from '../schemas/competition.schema';
import type { Team } from '../schemas/team.schema';
import { rankTeams, tiesForPrizes } from './ranking';
import type { Standing } from './standings';

/**
 * The results to publish: every team ranked by its jury average, with the prize of its rank. Refused
 * while a team lacks a juror's score, or while teams tie for a prized place and the jury has not
 * ordered them (`tieOrder`).
 */
export function resultsOf(
  competition: Pick<Competition, 'prizes'>,
  standings: readonly Standing[],
  tieOrder: readonly string[],
): TeamResultV1[] {
  if (standings.length === 0) throw noTeams();
  const unscored = standings.filter((standing) => standing.missingJurorIds.length > 0);
  if (unscored.length > 0) {
    throw scoringIncomplete(
      unscored.map((standing) => ({ teamId: standing.team._id, jurorIds: standing.missingJurorIds })),
    );
  }
  const ranked = rankTeams(
    standings.map((standing) => ({ teamId: standing.team._id, score: standing.score as number })),
    tieOrder,
  );
  const ties = tiesForPrizes(ranked, competition.prizes);
  if (ties.length > 0) throw tieForPrize(ties);
  const teams = new Map(standings.map((standing) => [standing.team._id, standing.team]));
  return ranked.map((place) => {
    const team = teams.get(place.teamId) as Team;
    const prize = competition.prizes.find((each) => each.rank === place.rank);
    return {
      teamId: team._id,
      teamName: team.name,
      ...(team.startupId && { startupId: team.startupId }),
      memberCount: team.memberCount,
      rank: place.rank,
      score: place.score,
      ...(place.tieBrokenBy && { tieBrokenBy: place.tieBrokenBy }),
      ...(prize && { prize: prizeOf(prize) }),
    };
  });
}

function prizeOf({ label, amountMad, sponsorId }: Prize): PrizeV1 {
  return {
    label,
    ...(amountMad !== undefined && amountMad !== null && { amountMad }),
    ...(sponsorId !== undefined && sponsorId !== null && { sponsorId }),
  };
}
