import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { EventOutbox, type NewEvent } from '@technopark/messaging';
import { findPage, type Page, type PageRequest } from '@technopark/platform';
import type { Model, QueryFilter } from 'mongoose';
import { Funding } from './schemas/funding.schema';

/** A raise older than this whose introduction is not funded was interrupted, not in progress. */
const INTERRUPTED_AFTER_MS = 60_000;

/** The only place that touches the fundings collection. */
@Injectable()
export class FundingsRepository {
  constructor(
    @InjectModel(Funding.name) private readonly fundings: Model<Funding>,
    private readonly outbox: EventOutbox,
  ) {}

  insert(funding: Omit<Funding, 'createdAt' | 'updatedAt'>, events: NewEvent[]): Promise<Funding> {
    return this.outbox.insert(this.fundings, funding, events);
  }

  findById(id: string): Promise<Funding | null> {
    return this.fundings.findById(id).lean<Funding>();
  }

  findByIdempotencyKey(key: string): Promise<Funding | null> {
    return this.fundings.findOne({ idempotencyKey: key }).lean<Funding>();
  }

  findByIntroduction(introductionId: string): Promise<Funding | null> {
    return this.fundings.findOne({ introductionId }).lean<Funding>();
  }

  async markIntroductionFunded(id: string): Promise<void> {
    await this.fundings.updateOne({ _id: id }, { $set: { introductionFunded: true } });
  }

  /** Raises recorded against an introduction that a crash kept from showing them. */
  interrupted(now: Date): Promise<Funding[]> {
    return this.fundings
      .find({
        introductionId: { $type: 'string' },
        introductionFunded: false,
        createdAt: { $lt: new Date(now.getTime() - INTERRUPTED_AFTER_MS) },
      })
      .limit(100)
      .lean<Funding[]>();
  }

  list(filter: QueryFilter<Funding>, page: Omit<PageRequest, 'sortField' | 'direction'>): Promise<Page<Funding>> {
    return findPage(this.fundings, filter, { ...page, sortField: 'raisedOn', direction: -1 });
  }
}
