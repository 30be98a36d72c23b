import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { EventOutbox, type OutboxWrite } from '@technopark/messaging';
import { STATEMENTS_PER_WRITE, versionedWrite } from '@technopark/persistence';
import { findPage, type Page, type PageRequest } from '@technopark/platform';
import type { AnyBulkWriteOperation, Model } from 'mongoose';
import { type Match, parsePairKey } from './match';
import { decodeRow, encodeRow } from './match-row-codec';
import { matchOf, type RowChange, type RowRead } from './row-editor';
import { MatchRow } from './schemas/match-row.schema';
import { QualifiedMatch } from './schemas/qualified-match.schema';

/** `$in` lists of a bounded length: FerretDB's index search takes up to 500 values. */
const IN_CHUNK = 500;

type StoredRow = Pick<MatchRow, '_id' | 'version' | 'teaser' | 'pairs'>;

/** The only place that touches the match rows and their qualified copies. */
@Injectable()
export class MatchesRepository {
  constructor(
    @InjectModel(MatchRow.name) private readonly rows: Model<MatchRow>,
    @InjectModel(QualifiedMatch.name) private readonly qualified: Model<QualifiedMatch>,
    private readonly outbox: EventOutbox,
  ) {}

  /** The startups' rows as read; a startup without one gets an empty row to write first. */
  async rowsOf(startupIds: readonly string[]): Promise<Map<string, RowRead>> {
    const stored = new Map<string, RowRead>();
    for (let start = 0; start < startupIds.length; start += IN_CHUNK) {
      const chunk = startupIds.slice(start, start + IN_CHUNK);
      const found = await this.rows
        .find({ _id: { $in: chunk } }, { _id: 1, version: 1, teaser: 1, pairs: 1 })
        .lean<StoredRow[]>();
      for (const row of found) stored.set(row._id, readOf(row));
    }
    return new Map(startupIds.map((id) => [id, stored.get(id) ?? { startupId: id, lines: new Map() }]));
  }

  async rowOf(startupId: string): Promise<RowRead> {
    return (await this.rowsOf([startupId])).get(startupId) as RowRead;
  }

  /**
   * Writes the changes: their qualified copies first, then each row with its crossings' events,
   * conditionally on the version read. Resolves to the startups whose row someone else wrote
   * meanwhile: the caller computes them again from fresh reads (which rewrites their copies).
   */
  async write(changes: readonly RowChange[]): Promise<string[]> {
    if (changes.length === 0) return [];
    await this.writeQualified(changes);
    const rowChanges = changes.filter((change) => change.rowChanged);
    const result = await this.outbox.bulkWrite(this.rows, rowChanges.map(rowWriteOf));
    const conflicts = result.duplicateInserts.map((index) => (rowChanges[index] as RowChange).read.startupId);
    const updates = rowChanges.filter((change) => change.read.version !== undefined);
    if (result.matched < updates.length) conflicts.push(...(await this.unwritten(updates)));
    return conflicts;
  }

  /** A startup's matches, every funder's. */
  async forStartup(startupId: string): Promise<Match[]> {
    const row = await this.rowOf(startupId);
    if (!row.teaser) return [];
    const teaser = row.teaser;
    return [...row.lines].map(([funderId, line]) => matchOf(startupId, funderId, line, teaser));
  }

  async findById(id: string): Promise<Match | null> {
    const pair = parsePairKey(id);
    if (!pair) return null;
    const row = await this.rowOf(pair.startupId);
    const line = row.lines.get(pair.funderId);
    return line && row.teaser ? matchOf(pair.startupId, pair.funderId, line, row.teaser) : null;
  }

  /** A funder's qualified matches, best first (pinned, then score). */
  dealFlow(funderId: string, page: Omit<PageRequest, 'sortField' | 'direction'>): Promise<Page<QualifiedMatch>> {
    return findPage(this.qualified, { funderId }, { ...page, sortField: 'rank', direction: -1 });
  }

  /**
   * Startups a gate of which passes with time (residency months reached) on one of `days`: one index
   * search per day, since FerretDB would read every row for a range (`$lte`) query.
   */
  async dueForRecheck(days: readonly string[], limit: number): Promise<string[]> {
    const due: string[] = [];
    for (const day of days) {
      if (due.length >= limit) break;
      const found = await this.rows
        .find({ recheckOn: day }, { _id: 1 })
        .limit(limit - due.length)
        .lean<{ _id: string }[]>();
      due.push(...found.map((row) => row._id));
    }
    return due;
  }

  /** How many pairs a site has stored, and how many qualified: for the readiness of benchmarks and logs. */
  async counts(): Promise<{ matches: number; qualified: number }> {
    const [rows, qualified] = await Promise.all([
      this.rows.find({}, { pairCount: 1 }).lean<{ pairCount: number }[]>(),
      this.qualified.estimatedDocumentCount(),
    ]);
    return { matches: rows.reduce((sum, row) => sum + row.pairCount, 0), qualified };
  }

  rowCount(): Promise<number> {
    return this.rows.estimatedDocumentCount();
  }

  private async writeQualified(changes: readonly RowChange[]): Promise<void> {
    const operations: AnyBulkWriteOperation<QualifiedMatch>[] = changes.flatMap((change) => [
      ...change.qualified.map((entry) => ({
        replaceOne: { filter: { _id: entry._id }, replacement: entry as QualifiedMatch, upsert: true },
      })),
      ...change.unqualified.map((id) => ({ deleteOne: { filter: { _id: id } } })),
    ]);
    for (let start = 0; start < operations.length; start += STATEMENTS_PER_WRITE)
      await this.qualified.bulkWrite(operations.slice(start, start + STATEMENTS_PER_WRITE), { ordered: false });
  }

  /** Rows whose version did not move on from ours: someone wrote them between our read and our write. */
  private async unwritten(updates: readonly RowChange[]): Promise<string[]> {
    const ids = updates.map((change) => change.read.startupId);
    const now = new Map<string, number>();
    for (let start = 0; start < ids.length; start += IN_CHUNK)
      for (const row of await this.rows
        .find({ _id: { $in: ids.slice(start, start + IN_CHUNK) } }, { _id: 1, version: 1 })
        .lean<{ _id: string; version: number }[]>())
        now.set(row._id, row.version);
    return updates
      .filter((change) => now.get(change.read.startupId) !== (change.read.version as number) + 1)
      .map((change) => change.read.startupId);
  }
}

function readOf(row: StoredRow): RowRead {
  return { startupId: row._id, version: row.version, teaser: row.teaser, lines: decodeRow(bytesOf(row.pairs)) };
}

/** A lean read gives binary data as BSON's Binary, not as a Buffer. */
function bytesOf(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  const binary = value as { buffer: Uint8Array };
  return Buffer.from(binary.buffer.buffer, binary.buffer.byteOffset, binary.buffer.byteLength);
}

function rowWriteOf(change: RowChange): OutboxWrite<MatchRow> {
  const recheckOn = earliestRecheck(change);
  const fields = {
    teaser: change.teaser,
    pairs: encodeRow(change.lines),
    pairCount: change.lines.size,
    ...(recheckOn && { recheckOn }),
  };
  const { read, events } = change;
  if (read.version === undefined) return { insert: { _id: read.startupId, ...fields, version: 0 }, events };
  const { filter, update } = versionedWrite<MatchRow>(
    { _id: read.startupId, version: read.version },
    { $set: fields, ...(!recheckOn && { $unset: { recheckOn: '' } }) },
  );
  return { filter, update, events };
}

function earliestRecheck(change: RowChange): string | undefined {
  let earliest: string | undefined;
  for (const line of change.lines.values())
    if (line.recheckOn && (!earliest || line.recheckOn < earliest)) earliest = line.recheckOn;
  return earliest;
}
