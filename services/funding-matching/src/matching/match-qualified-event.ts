import { type FundingActorV1, MatchQualified } from '@technopark/contracts';
import { newEvent } from '@technopark/messaging';
import { MATCHER_ACTOR } from '../common/system-actors';
import type { Match } from './match';

type CrossingMatch = Pick<
  Match,
  'startupId' | 'funderId' | 'score' | 'threshold' | 'weightsVersion' | 'contributions' | 'teaser'
> & {
  readonly id: string;
};

/** The event of a match crossing into qualified: by a recomputation (the matcher) or a pin (staff). */
export function qualifiedEvent(match: CrossingMatch, pinned: boolean, actor: FundingActorV1 = MATCHER_ACTOR) {
  return newEvent(MatchQualified, {
    matchId: match.id,
    startupId: match.startupId,
    funderId: match.funderId,
    score: match.score,
    threshold: match.threshold,
    weightsVersion: match.weightsVersion,
    contributions: match.contributions.map(({ criterion, points, weight, rationale }) => ({
      criterion,
      points,
      weight,
      rationale,
    })),
    pinned,
    resident: match.teaser.resident,
    actor,
  });
}
