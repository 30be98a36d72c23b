import { Injectable } from '@nestjs/common';
import type { FundingActorV1 } from '@technopark/contracts';
import { Clock } from '@technopark/platform';
import { isQualified, rankOf } from './domain/match-evaluation';
import { alreadyCurated, matchChanged, matchNotFound, notCurated } from './matches.errors';
import { MatchesRepository } from './matches.repository';
import { qualifiedEvent } from './match-qualified-event';
import type { Match } from './schemas/match.schema';

type Curated = 'pinned' | 'suppressed';
const ATTEMPTS = 3;

/** Staff pin a match (qualified whatever its score, listed first) or suppress it (hidden from the startup and the funder), with a reason. */
@Injectable()
export class MatchCurationService {
  constructor(
    private readonly matches: MatchesRepository,
    private readonly clock: Clock,
  ) {}

  set(id: string, state: Curated, reason: string, actor: FundingActorV1): Promise<Match> {
    return this.curate(
      id,
      (match) => {
        if (match[state]) throw alreadyCurated(id, state);
        return { ...curationOf(match), [state]: { reason, by: actor, at: this.clock.now() } };
      },
      actor,
    );
  }

  clear(id: string, state: Curated, actor: FundingActorV1): Promise<Match> {
    return this.curate(
      id,
      (match) => {
        if (!match[state]) throw notCurated(id, state);
        return { ...curationOf(match), [state]: undefined };
      },
      actor,
    );
  }

  private async curate(
    id: string,
    change: (match: Match) => Pick<Match, 'pinned' | 'suppressed'>,
    actor: FundingActorV1,
  ): Promise<Match> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const match = await this.matches.findById(id);
      if (!match) throw matchNotFound(id);
      const curation = change(match);
      const qualified = isQualified(match, curation);
      const crossing = qualified && !match.qualified;
      const set = { qualified, rank: rankOf(match, curation), ...(crossing && { qualifiedAt: this.clock.now() }) };
      const update = {
        $set: { ...set, ...definedOf(curation) },
        ...(undefinedKeysOf(curation).length > 0 && {
          $unset: Object.fromEntries(undefinedKeysOf(curation).map((key) => [key, ''])),
        }),
      };
      const events = crossing ? [qualifiedEvent({ ...match, id: match._id }, Boolean(curation.pinned), actor)] : [];
      const written = await this.matches.curate(match, update, events);
      if (written) return written;
    }
    throw matchChanged(id);
  }
}

const curationOf = (match: Match) => ({ pinned: match.pinned, suppressed: match.suppressed });
const definedOf = (curation: object) =>
  Object.fromEntries(Object.entries(curation).filter(([, value]) => value !== undefined));
const undefinedKeysOf = (curation: object) =>
  Object.entries(curation)
    .filter(([, value]) => value === undefined)
    .map(([key]) => key);
