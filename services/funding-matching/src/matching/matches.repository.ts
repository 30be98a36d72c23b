import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { EventOutbox, type NewEvent } from '@technopark/messaging';
import { isDuplicateKeyError, versionedWrite } from '@technopark/persistence';
import { findPage, type Page, type PageRequest } from '@technopark/platform';
import type { AnyBulkWriteOperation, Model, QueryFilter, UpdateQuery } from 'mongoose';
import { Match } from './schemas/match.schema';
import { MatchCrossing } from './schemas/match-crossing.schema';

/** What a recomputation needs to know of a stored match: to skip it, keep its curation, and write conditionally. */
export type MatchState = Pick<Match, '_id' | 'version' | 'digest' | 'qualified' | 'pinned' | 'suppressed'>;

/** The fields a computation sets. */
export type ComputedFields = Omit<Match, '_id' | 'version' | 'pinned' | 'suppressed' | 'createdAt' | 'updatedAt'>;

/** One write of a recomputation: a new pair, or a stored one as it was read. */
export interface MatchWrite {
  readonly id: string;
  readonly read?: MatchState;
  readonly fields: ComputedFields;
  /** Events to publish with it (a crossing into qualified). */
  readonly events: NewEvent[];
  /** Fields to remove (a recheck day no longer due). */
  readonly unset: string[];
}

const IN_CHUNK = 500;

/** The only place that touches the matches collection. */
@Injectable()
export class MatchesRepository {
  constructor(
    @InjectModel(Match.name) private readonly matches: Model<Match>,
    @InjectModel(MatchCrossing.name) private readonly crossings: Model<MatchCrossing>,
    private readonly outbox: EventOutbox,
  ) {}

  async states(ids: readonly string[]): Promise<MatchState[]> {
    return this.inChunks(ids, (chunk) =>
      this.matches
        .find({ _id: { $in: chunk } }, { _id: 1, version: 1, digest: 1, qualified: 1, pinned: 1, suppressed: 1 })
        .lean<MatchState[]>(),
    );
  }

  /**
   * Writes each match conditionally on the version read (or as new), in one bulk round trip; a
   * crossing's event is kept first with its crossing, so a crash after it publishes the event and the
   * next computation finds the same crossing. Resolves to the ids someone else wrote meanwhile: the
   * caller computes them again from fresh reads.
   */
  async write(writes: readonly MatchWrite[]): Promise<string[]> {
    for (const write of writes.filter((each) => each.events.length > 0))
      await this.keepCrossing(write.fields.crossingId as string, write.id, write.events);
    return writes.length > 0 ? this.bulkWrite(writes) : [];
  }

  /** A staff decision (pin, suppress), on the match as it was read, with the events of its crossing. */
  async curate(read: MatchState, update: UpdateQuery<Match>, events: NewEvent[]): Promise<Match | null> {
    const crossingId = `${read._id}|pin|${read.version}`;
    if (events.length > 0) await this.keepCrossing(crossingId, read._id, events);
    const write = versionedWrite<Match>(
      read,
      events.length > 0 ? { ...update, $set: { ...(update.$set as object), crossingId } } : update,
    );
    return this.matches.findOneAndUpdate(write.filter, write.update, { returnDocument: 'after' }).lean<Match>();
  }

  /** The named matches that exist. */
  findByIds(ids: readonly string[]): Promise<Match[]> {
    return this.inChunks(ids, (chunk) => this.matches.find({ _id: { $in: chunk } }).lean<Match[]>());
  }

  findById(id: string): Promise<Match | null> {
    return this.matches.findById(id).lean<Match>();
  }

  /** A startup's matches or a funder's deal flow, best first (pinned, then score). */
  list(filter: QueryFilter<Match>, page: Omit<PageRequest, 'sortField' | 'direction'>): Promise<Page<Match>> {
    return findPage(this.matches, filter, { ...page, sortField: 'rank', direction: -1 });
  }

  /**
   * Pairs a gate of which passes with time (residency months reached) on one of `days`: one index
   * search per day, since FerretDB would read every match for a range (`$lte`) query.
   */
  async dueForRecheck(days: readonly string[], limit: number): Promise<Pick<Match, 'startupId' | 'funderId'>[]> {
    const due: Pick<Match, 'startupId' | 'funderId'>[] = [];
    for (const day of days) {
      if (due.length >= limit) break;
      due.push(
        ...(await this.matches
          .find({ recheckOn: day }, { startupId: 1, funderId: 1 })
          .limit(limit - due.length)
          .lean<Pick<Match, 'startupId' | 'funderId'>[]>()),
      );
    }
    return due;
  }

  /** How many stored matches a site has, and how many qualified: for the readiness of benchmarks and logs. */
  async counts(): Promise<{ matches: number; qualified: number }> {
    const [matches, qualified] = await Promise.all([
      this.matches.estimatedDocumentCount(),
      this.matches.countDocuments({ qualified: true }),
    ]);
    return { matches, qualified };
  }

  /** `$in` lists of a bounded length: FerretDB's index search takes up to 500 values. */
  private async inChunks<T>(ids: readonly string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
    const found: T[] = [];
    for (let start = 0; start < ids.length; start += IN_CHUNK)
      found.push(...(await read(ids.slice(start, start + IN_CHUNK))));
    return found;
  }

  private async keepCrossing(id: string, matchId: string, events: NewEvent[]): Promise<void> {
    try {
      await this.outbox.insert(this.crossings, { _id: id, matchId }, events);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  private async bulkWrite(writes: readonly MatchWrite[]): Promise<string[]> {
    const operations: AnyBulkWriteOperation<Match>[] = writes.map((write) =>
      write.read
        ? {
            updateOne: {
              filter: versionedWrite(write.read, {}).filter,
              update: versionedWrite<Match>(write.read, this.updateOf(write)).update,
            },
          }
        : { insertOne: { document: { _id: write.id, ...write.fields, version: 0 } as Match } },
    );
    const failedInserts = new Set<number>();
    let matched = 0;
    try {
      matched = (await this.matches.bulkWrite(operations, { ordered: false })).matchedCount;
    } catch (error) {
      const bulk = error as { writeErrors?: { index: number; code?: number }[]; result?: { matchedCount?: number } };
      if (!bulk.writeErrors || bulk.writeErrors.some((each) => each.code !== 11000)) throw error;
      for (const each of bulk.writeErrors) failedInserts.add(each.index);
      matched = bulk.result?.matchedCount ?? 0;
    }
    const conflicts = writes.filter((write, index) => !write.read && failedInserts.has(index)).map((write) => write.id);
    const updates = writes.filter((write) => write.read);
    if (matched < updates.length) conflicts.push(...(await this.unwritten(updates)));
    return conflicts;
  }

  /** Updates whose version did not move on: someone wrote the match between our read and our write. */
  private async unwritten(updates: readonly MatchWrite[]): Promise<string[]> {
    const now = new Map((await this.states(updates.map((write) => write.id))).map((state) => [state._id, state]));
    return updates.filter((write) => now.get(write.id)?.digest !== write.fields.digest).map((write) => write.id);
  }

  private updateOf(write: MatchWrite): UpdateQuery<Match> {
    return {
      $set: write.fields,
      ...(write.unset.length > 0 && { $unset: Object.fromEntries(write.unset.map((field) => [field, ''])) }),
    };
  }
}
