import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { EventOutbox, type NewEvent } from '@technopark/messaging';
import { versionedWrite } from '@technopark/persistence';
import { findPage, type Page, type PageRequest } from '@technopark/platform';
import type { Model, QueryFilter, UpdateQuery } from 'mongoose';
import { Funder } from './schemas/funder.schema';

/** The only place that touches the funders collection. */
@Injectable()
export class FundersRepository {
  constructor(
    @InjectModel(Funder.name) private readonly funders: Model<Funder>,
    private readonly outbox: EventOutbox,
  ) {}

  insert(funder: Omit<Funder, 'createdAt' | 'updatedAt'>, events: NewEvent[]): Promise<Funder> {
    return this.outbox.insert(this.funders, funder, events);
  }

  /** Applies a change to the funder as it was read, with its events; null when someone changed it first. */
  change(
    read: Pick<Funder, '_id' | 'version'>,
    update: UpdateQuery<Funder>,
    events: NewEvent[],
  ): Promise<Funder | null> {
    const write = versionedWrite(read, update);
    return this.outbox.update(this.funders, write.filter, write.update, events);
  }

  findById(id: string): Promise<Funder | null> {
    return this.funders.findById(id).lean<Funder>();
  }

  all(): Promise<Funder[]> {
    return this.funders.find({}).sort({ _id: 1 }).lean<Funder[]>();
  }

  count(): Promise<number> {
    return this.funders.estimatedDocumentCount();
  }

  list(filter: QueryFilter<Funder>, page: PageRequest): Promise<Page<Funder>> {
    return findPage(this.funders, filter, page);
  }

  /** Marks the funder's matches as computed for the version they were computed from. */
  async markMatched(id: string, version: number): Promise<void> {
    await this.funders.updateOne({ _id: id, version }, { $set: { matchesStale: false } });
  }

  /** Funders changed without their matches computed after (a crash between the two). */
  staleIds(): Promise<string[]> {
    return this.funders.distinct('_id', { matchesStale: true } as QueryFilter<Funder>) as Promise<string[]>;
  }
}
