import type { FundingActorV1, Sector, Stage } from '@technopark/contracts';
import type { MatchEvaluation } from './domain/match-evaluation';

/** What a funder sees of a startup before it consents to an introduction. */
export interface Teaser {
  readonly sectors: Sector[];
  readonly stage: Stage;
  readonly revenueBand: string;
  /** In residency on the site now (moved in, not gone). */
  readonly resident: boolean;
}

/** A staff decision on a match, with its reason. */
export interface Curation {
  readonly reason: string;
  readonly by: FundingActorV1;
  readonly at: Date;
}

/** A pair as its evaluation computed it: what a recomputation compares to skip unchanged pairs. */
export type ComputedPair = MatchEvaluation;

/** What a pair carries besides its computation: staff decisions, and where they and the score put it. */
export interface PairState {
  readonly qualified: boolean;
  /** Pinned first, then score; ineligible and suppressed last (see rankOf). */
  readonly rank: number;
  readonly pinned?: Curation;
  readonly suppressed?: Curation;
  /** When it last crossed into qualified. */
  readonly qualifiedAt?: Date;
  readonly updatedAt: Date;
}

/**
 * One startup × funder pair as last computed: the gates, the score and its contributions, and the
 * weights version that produced them. Stored in its startup's row (see MatchRow); reads of a
 * startup's matches are served from there and a funder's deal flow from the qualified ones, never
 * computed.
 */
export interface Match extends ComputedPair, PairState {
  /** `<startupId>:<funderId>` */
  readonly _id: string;
  readonly startupId: string;
  readonly funderId: string;
  readonly teaser: Teaser;
}

/** A match's id: the startup's id never holds a colon (a UUID), so the first one splits it. */
export const pairKey = (startupId: string, funderId: string) => `${startupId}:${funderId}`;

export function parsePairKey(id: string): { startupId: string; funderId: string } | undefined {
  const colon = id.indexOf(':');
  return colon > 0 ? { startupId: id.slice(0, colon), funderId: id.slice(colon + 1) } : undefined;
}
