import type { FundingActorV1 } from '@technopark/contracts';
import type { NewEvent } from '@technopark/messaging';
import { MATCHER_ACTOR } from '../common/system-actors';
import { isQualified, rankOf } from './domain/match-evaluation';
import { type ComputedPair, type Curation, type Match, pairKey, type PairState, type Teaser } from './match';
import { computedOf, lineOf, type PairLine, parseComputed, parseState, type RowLines } from './match-row-codec';
import { qualifiedEvent } from './match-qualified-event';
import type { QualifiedMatch } from './schemas/qualified-match.schema';

/** A startup's row as read; `version` is absent when the startup has no row yet. */
export interface RowRead {
  readonly startupId: string;
  readonly version?: number;
  readonly teaser?: Teaser;
  readonly lines: RowLines;
}

/** A qualified pair as the deal flow keeps it. */
export type QualifiedEntry = Omit<QualifiedMatch, 'createdAt' | 'updatedAt'>;

/** What to write for one row: the row itself with its crossings, and the qualified copies to put or take away. */
export interface RowChange {
  readonly read: RowRead;
  readonly teaser: Teaser;
  readonly lines: RowLines;
  readonly qualified: QualifiedEntry[];
  readonly unqualified: string[];
  readonly events: NewEvent[];
  /** Pairs whose line changed. */
  readonly changedPairs: number;
  /** Whether the row itself is written; a change may only put its copies right (see `recopy`). */
  readonly rowChanged: boolean;
}

type CurationChange = { readonly pinned?: Curation; readonly suppressed?: Curation };

/**
 * Edits one row in memory: new computations of its pairs (skipped when they computed the same),
 * pairs of funders gone, and staff decisions. Each changed pair gets its qualified copy put or taken
 * away, and a `match.qualified` event when it crosses into qualified.
 */
export class RowEditor {
  private readonly lines: Map<string, PairLine>;
  private readonly qualified = new Map<string, QualifiedEntry>();
  private readonly unqualified = new Set<string>();
  private readonly events: NewEvent[] = [];
  private changedPairs = 0;
  private readonly recopied = new Set<string>();

  constructor(
    private readonly read: RowRead,
    private readonly teaser: Teaser,
    private readonly now: Date,
  ) {
    this.lines = new Map(read.lines);
  }

  /** A pair as computed now, keeping its staff decisions. */
  compute(funderId: string, evaluation: ComputedPair): void {
    const computed = computedOf(evaluation);
    const old = this.read.lines.get(funderId);
    if (old && old.computed === JSON.stringify(computed)) return;
    const before = old && parseState(old);
    this.put(funderId, computed, { pinned: before?.pinned, suppressed: before?.suppressed }, before, MATCHER_ACTOR);
  }

  /** Takes away the pairs of funders not in `funderIds`. */
  keepOnly(funderIds: ReadonlySet<string>): void {
    for (const [funderId, line] of this.read.lines) {
      if (funderIds.has(funderId)) continue;
      this.lines.delete(funderId);
      this.changedPairs++;
      if (parseState(line).qualified) this.unqualified.add(pairKey(this.read.startupId, funderId));
    }
  }

  /** A staff decision on a stored pair; resolves to the match as it will read. */
  curate(funderId: string, curation: CurationChange, actor: FundingActorV1): Match {
    const line = this.read.lines.get(funderId) as PairLine;
    this.put(funderId, parseComputed(line), curation, parseState(line), actor);
    return matchOf(this.read.startupId, funderId, this.lines.get(funderId) as PairLine, this.teaser);
  }

  /**
   * Copies of these pairs are rewritten from the row as it will be, changed or not: an attempt whose
   * row write lost to another writer had already written its copies, from what it read then.
   */
  recopy(pairIds: Iterable<string>): void {
    for (const id of pairIds) this.recopied.add(id);
  }

  /** What to write, or nothing when the row is stored, nothing in it changed and no copy needs putting right. */
  change(): RowChange | undefined {
    const teaserChanged = JSON.stringify(this.read.teaser) !== JSON.stringify(this.teaser);
    const rowChanged = this.read.version === undefined || this.changedPairs > 0 || teaserChanged;
    if (!rowChanged && this.recopied.size === 0) return undefined;
    if (teaserChanged) this.copyQualifiedAgain();
    this.copyRecopied();
    return {
      read: this.read,
      teaser: this.teaser,
      lines: this.lines,
      qualified: [...this.qualified.values()],
      unqualified: [...this.unqualified],
      events: this.events,
      changedPairs: this.changedPairs,
      rowChanged,
    };
  }

  private put(
    funderId: string,
    computed: ComputedPair,
    curation: CurationChange,
    before: PairState | undefined,
    actor: FundingActorV1,
  ): void {
    const qualified = isQualified(computed, curation);
    const crossing = qualified && !before?.qualified;
    const qualifiedAt = crossing ? this.now : before?.qualifiedAt;
    const state: PairState = {
      qualified,
      rank: rankOf(computed, curation),
      ...(curation.pinned && { pinned: curation.pinned }),
      ...(curation.suppressed && { suppressed: curation.suppressed }),
      ...(qualifiedAt && { qualifiedAt }),
      updatedAt: this.now,
    };
    this.lines.set(funderId, lineOf(computed, state));
    this.changedPairs++;
    const id = pairKey(this.read.startupId, funderId);
    if (qualified) this.qualified.set(id, this.entryOf(funderId, computed, state));
    else if (before?.qualified) this.unqualified.add(id);
    if (crossing)
      this.events.push(
        qualifiedEvent(
          { ...computed, id, startupId: this.read.startupId, funderId, teaser: this.teaser },
          Boolean(curation.pinned),
          actor,
        ),
      );
  }

  /** The teaser shows in every qualified copy of the row. */
  private copyQualifiedAgain(): void {
    for (const [funderId, line] of this.lines) {
      const id = pairKey(this.read.startupId, funderId);
      if (this.qualified.has(id)) continue;
      const state = parseState(line);
      if (state.qualified) this.qualified.set(id, this.entryOf(funderId, parseComputed(line), state));
    }
  }

  private copyRecopied(): void {
    for (const id of this.recopied) {
      if (this.qualified.has(id) || this.unqualified.has(id)) continue;
      const funderId = id.slice(this.read.startupId.length + 1);
      const line = this.lines.get(funderId);
      const state = line && parseState(line);
      if (line && state?.qualified) this.qualified.set(id, this.entryOf(funderId, parseComputed(line), state));
      else this.unqualified.add(id);
    }
  }

  private entryOf(funderId: string, computed: ComputedPair, state: PairState): QualifiedEntry {
    return {
      _id: pairKey(this.read.startupId, funderId),
      startupId: this.read.startupId,
      funderId,
      rank: state.rank,
      score: computed.score,
      contributions: computed.contributions,
      teaser: this.teaser,
    };
  }
}

/** A stored pair as reads show it. */
export function matchOf(startupId: string, funderId: string, line: PairLine, teaser: Teaser): Match {
  return {
    _id: pairKey(startupId, funderId),
    startupId,
    funderId,
    teaser,
    ...parseComputed(line),
    ...parseState(line),
  };
}
