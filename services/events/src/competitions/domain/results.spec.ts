import type { DomainError } from '@technopark/platform';
import type { Team } from '../schemas/team.schema';
import { resultsOf } from './results';
import type { Standing } from './standings';

const team = (id: string, extra: Partial<Team> = {}): Team =>
  ({ _id: id, eventId: 'e', name: `Team ${id}`, memberIds: [], memberCount: 2, ...extra }) as Team;
const standing = (id: string, score?: number, missing: string[] = [], extra: Partial<Team> = {}): Standing => ({
  team: team(id, extra),
  scores: [],
  missingJurorIds: missing,
  ...(score !== undefined && { score }),
});
const competition = {
  prizes: [
    { rank: 1, label: 'Grand prix', amountMad: 100_000, sponsorId: 'plug-and-play-morocco' },
    { rank: 2, label: 'Second prize', amountMad: null, sponsorId: null } as never,
  ],
};
const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return { code: (error as DomainError).code, details: (error as DomainError).details };
  }
  return undefined;
};

describe('resultsOf', () => {
  it('ranks the teams with their prizes, leaving out what a prize does not have', () => {
    const results = resultsOf(competition, [standing('b', 70), standing('a', 90, [], { startupId: 's-1' })], []);
    expect(results).toEqual([
      {
        teamId: 'a',
        teamName: 'Team a',
        startupId: 's-1',
        memberCount: 2,
        rank: 1,
        score: 90,
        prize: { label: 'Grand prix', amountMad: 100_000, sponsorId: 'plug-and-play-morocco' },
      },
      { teamId: 'b', teamName: 'Team b', memberCount: 2, rank: 2, score: 70, prize: { label: 'Second prize' } },
    ]);
  });

  it('refuses no teams, a team a juror has not scored, and a tie for a prize the jury has not ordered', () => {
    expect(codeOf(() => resultsOf(competition, [], []))?.code).toBe('COMPETITION.NO_TEAMS');
    expect(
      codeOf(() => resultsOf(competition, [standing('a', 90), standing('b', undefined, ['juror-2'])], [])),
    ).toEqual({
      code: 'COMPETITION.SCORING_INCOMPLETE',
      details: { missing: [{ teamId: 'b', jurorIds: ['juror-2'] }] },
    });
    expect(codeOf(() => resultsOf(competition, [standing('a', 80), standing('b', 80)], []))).toEqual({
      code: 'COMPETITION.TIE_FOR_PRIZE',
      details: { field: 'tieOrder', ties: [['a', 'b']] },
    });
    expect(
      resultsOf(competition, [standing('a', 80), standing('b', 80)], ['b', 'a']).map((each) => each.teamId),
    ).toEqual(['b', 'a']);
  });
});
