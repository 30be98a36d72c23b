import { Injectable } from '@nestjs/common';
import type { FundingActorV1 } from '@technopark/contracts';
import { Clock } from '@technopark/platform';
import { type Match, parsePairKey } from './match';
import { alreadyCurated, matchChanged, matchNotFound, notCurated } from './matches.errors';
import { MatchesRepository } from './matches.repository';
import { matchOf, type RowChange, RowEditor } from './row-editor';

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
    const pair = parsePairKey(id);
    if (!pair) throw matchNotFound(id);
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const row = await this.matches.rowOf(pair.startupId);
      const line = row.lines.get(pair.funderId);
      if (!line || !row.teaser) throw matchNotFound(id);
      const editor = new RowEditor(row, row.teaser, this.clock.now());
      const curated = editor.curate(
        pair.funderId,
        change(matchOf(pair.startupId, pair.funderId, line, row.teaser)),
        actor,
      );
      // A curated pair is a changed pair, so the row always has a change to write.
      const conflicts = await this.matches.write([editor.change() as RowChange]);
      if (conflicts.length === 0) return curated;
    }
    throw matchChanged(id);
  }
}

const curationOf = (match: Match) => ({ pinned: match.pinned, suppressed: match.suppressed });
