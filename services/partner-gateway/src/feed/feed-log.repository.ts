import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isDuplicateKeyError } from '@technopark/persistence';
import type { Model } from 'mongoose';
import { FeedRecord } from './schemas/feed-record.schema';

/** The only place that touches the feed log. */
@Injectable()
export class FeedLogRepository {
  constructor(@InjectModel(FeedRecord.name) private readonly records: Model<FeedRecord>) {}

  /** Keeps the records in one round trip; those kept already (a redelivered event) keep their place. */
  async keep(records: readonly Omit<FeedRecord, 'createdAt'>[]): Promise<void> {
    if (records.length === 0) return;
    try {
      await this.records.insertMany(records, { ordered: false });
    } catch (error) {
      const writeErrors = (error as { writeErrors?: unknown[] }).writeErrors;
      if (!writeErrors?.every(isDuplicateKeyError)) throw error;
    }
  }

  /** The place in the log of a site event, when the gateway read it. */
  async sequenceOf(sourceEventId: string): Promise<number | undefined> {
    const found = await this.records.findOne({ sourceEventId }, { sequence: 1 }).lean<Pick<FeedRecord, 'sequence'>>();
    return found?.sequence;
  }

  /** Records after a place in the log, in order. */
  after(sequence: number, limit: number): Promise<FeedRecord[]> {
    return this.records
      .find({ sequence: { $gt: sequence } })
      .sort({ sequence: 1 })
      .limit(limit)
      .lean<FeedRecord[]>();
  }
}
