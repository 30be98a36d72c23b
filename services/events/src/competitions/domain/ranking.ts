/** A team's jury average, once every juror scored it. */
export interface TeamAverage {
  readonly teamId: string;
  readonly score: number;
}

export interface RankedTeam extends TeamAverage {
  /** 1 + the number of teams ranked strictly better: tied teams share a rank (1, 2, 2, 4). */
  readonly rank: number;
  /** The other teams of an unbroken tie. */
  readonly tiedWith: readonly string[];
  readonly tieBrokenBy?: 'jury';
}

export interface PrizeOfRank {
  readonly rank: number;
}

/**
 * Ranks teams by their jury average, best first. Teams with equal averages share a rank, unless
 * every team of the tie is in `tieOrder` (the jury's decision): then they take consecutive ranks in
 * that order. Teams that tie keep a stable order by id, so the same scores always give the same list.
 */
export function rankTeams(teams: readonly TeamAverage[], tieOrder: readonly string[] = []): RankedTeam[] {
  const sorted = [...teams].sort((a, b) => b.score - a.score || a.teamId.localeCompare(b.teamId));
  const ranked: RankedTeam[] = [];
  for (let start = 0; start < sorted.length;) {
    const group = sorted.filter((team) => team.score === (sorted[start] as TeamAverage).score);
    ranked.push(...rankGroup(group, start + 1, tieOrder));
    start += group.length;
  }
  return ranked;
}

function rankGroup(group: readonly TeamAverage[], rank: number, tieOrder: readonly string[]): RankedTeam[] {
  if (group.length === 1) return [{ ...(group[0] as TeamAverage), rank, tiedWith: [] }];
  const positions = group.map((team) => tieOrder.indexOf(team.teamId));
  if (positions.every((position) => position >= 0)) {
    return group
      .map((team, index) => ({ team, position: positions[index] as number }))
      .sort((a, b) => a.position - b.position)
      .map(({ team }, index) => ({ ...team, rank: rank + index, tiedWith: [], tieBrokenBy: 'jury' as const }));
  }
  const ids = group.map((team) => team.teamId);
  return group.map((team) => ({ ...team, rank, tiedWith: ids.filter((id) => id !== team.teamId) }));
}

/**
 * Ties a prize hangs on: groups of tied teams that occupy a prized place (a tie at rank 2 of three
 * teams occupies places 2, 3 and 4). Results are not published over one: the jury orders them first.
 */
export function tiesForPrizes(ranked: readonly RankedTeam[], prizes: readonly PrizeOfRank[]): string[][] {
  const prized = new Set(prizes.map((prize) => prize.rank));
  const ties: string[][] = [];
  for (const team of ranked) {
    if (team.tiedWith.length === 0 || ties.some((tie) => tie.includes(team.teamId))) continue;
    const places = Array.from({ length: team.tiedWith.length + 1 }, (_, offset) => team.rank + offset);
    if (places.some((place) => prized.has(place))) ties.push([team.teamId, ...team.tiedWith]);
  }
  return ties;
}
